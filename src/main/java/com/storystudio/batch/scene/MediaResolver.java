package com.storystudio.batch.scene;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an image/audio value into a {@link MediaRef}: an http(s) URL, or a local file that must lie inside the
 * CSV file's folder, so a CSV cannot send arbitrary local files (keys, documents) to a cloud service.
 * One instance per pass over a file; it remembers recent local-file results so a file used by many rows is
 * examined once.
 */
final class MediaResolver {

    // 2+ characters so that a Windows drive letter ("C:\...") still reads as a path.
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]+):");
    private static final int REMEMBERED_FILES = 1024;

    private final Path folder;
    private final Path realFolder;
    private final Map<Path, MediaCheck> localChecks = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, MediaCheck> eldest) {
            return size() > REMEMBERED_FILES;
        }
    };

    /** @param folder the folder holding the CSV file; relative paths resolve against it */
    MediaResolver(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.realFolder = this.folder.toRealPath();
    }

    /**
     * @param text   a non-blank, trimmed value from the image or audio column
     * @param wanted what the column takes; a local file must be of that kind by its first bytes
     */
    MediaCheck resolve(String text, MediaFormat.Kind wanted) {
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("http") || name.equals("https")) {
                return remote(text);
            }
            return new MediaCheck.Rejected("must be an http(s) URL or a local file path; '" + scheme.group(1)
                    + ":' is not supported");
        }
        MediaCheck check = local(text);
        if (check instanceof MediaCheck.Accepted accepted && accepted.format().kind() != wanted) {
            return new MediaCheck.Rejected(wanted.refusal(CellText.of(text), accepted.format()));
        }
        return check;
    }

    private static MediaCheck remote(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return new MediaCheck.Rejected("'" + CellText.of(text) + "' is not a valid URL (" + e.getReason() + " at index "
                    + e.getIndex() + "); spaces and similar characters must be percent-encoded, e.g. %20");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return new MediaCheck.Rejected("'" + CellText.of(text) + "' has no host name; expected e.g. https://example.com/file.png");
        }
        return MediaCheck.Accepted.remote(new MediaRef.Remote(url), text.getBytes(StandardCharsets.UTF_8).length);
    }

    private MediaCheck local(String text) {
        Path path;
        try {
            path = folder.resolve(text).normalize();
        } catch (InvalidPathException e) {
            return new MediaCheck.Rejected("'" + CellText.of(text) + "' is not a valid file path: " + e.getReason());
        }
        MediaCheck check = localChecks.computeIfAbsent(path, this::inspect);
        // Written as outside the folder: say so in the user's terms, even when the file does not exist. Only a
        // path that really lands inside (e.g. the folder's own real name, when the CSV was named via a link)
        // passes.
        if (!path.startsWith(folder) && !(check instanceof MediaCheck.Accepted)) {
            return outside(text, path);
        }
        return check;
    }

    private MediaCheck inspect(Path path) {
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(realFolder)) {
                return new MediaCheck.Rejected(path + " links to " + real + ", which is outside the input folder "
                        + folder + "; local media files must be in the CSV file's folder or below it");
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return new MediaCheck.Rejected(path + " is not a regular file"
                        + (attributes.isDirectory() ? " (it is a folder)" : ""));
            }
            if (attributes.size() == 0) {
                return new MediaCheck.Rejected(path + " is empty (0 bytes)");
            }
            if (!Files.isReadable(real)) {
                return new MediaCheck.Rejected(path + " is not readable (check its permissions)");
            }
            return new MediaCheck.Accepted(new MediaRef.Local(real), MediaRef.base64Length(attributes.size()),
                    MediaFormat.of(head(real)));
        } catch (NoSuchFileException e) {
            return new MediaCheck.Rejected("file not found: " + path + " (relative paths are resolved against "
                    + folder + ")");
        } catch (AccessDeniedException e) {
            return new MediaCheck.Rejected(path + " cannot be accessed (permission denied)");
        } catch (IOException e) {
            return new MediaCheck.Rejected(path + " cannot be read: " + e);
        }
    }

    /** Only the first bytes: a file of any size is told by them, and reading it whole would cost per row. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MediaFormat.HEAD_BYTES);
        }
    }

    private MediaCheck outside(String text, Path resolved) {
        String where = resolved.toString().equals(text) ? "" : " (resolves to " + resolved + ")";
        return new MediaCheck.Rejected("'" + CellText.of(text) + "'" + where + " is outside the input folder " + folder
                + "; local media files must be in the CSV file's folder or below it");
    }
}

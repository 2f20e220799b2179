package com.storystudio.batch.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scenes CSVs a scheduled night runs: every {@code *.csv} file of one folder (the extension in any case),
 * in name order. Names compare by their characters' code points, not by the locale, so the order is the
 * same on every machine: {@code 2026-11-30-a.csv} before {@code 2026-11-30-b.csv}, {@code B.csv} before
 * {@code a.csv}. Hidden files ({@code .name.csv}, as copy tools write while a file arrives) are left out.
 *
 * @param folder the inbox as given
 * @param files  the CSVs in the order they run; never empty
 */
public record InboxFolder(Path folder, List<Path> files) {

    /**
     * Reads the folder.
     *
     * @throws InboxException when it is missing, not a folder, unreadable or holds no CSV: nothing to run
     */
    public static InboxFolder read(Path folder) {
        problem(folder).ifPresent(problem -> {
            throw new InboxException(problem);
        });
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> files = entries.filter(InboxFolder::isScenesCsv)
                    .sorted(Comparator.comparing(file -> file.getFileName().toString())).toList();
            if (files.isEmpty()) {
                throw new InboxException("the inbox %s holds no *.csv file: nothing to run".formatted(folder));
            }
            return new InboxFolder(folder, files);
        }
        catch (IOException e) {
            throw new InboxException("cannot list the inbox %s: %s".formatted(folder, e.getMessage()));
        }
    }

    /** What makes {@code folder} no inbox at all, answered without listing it. */
    public static Optional<String> problem(Path folder) {
        if (!Files.exists(folder)) {
            return Optional.of("the inbox %s does not exist".formatted(folder));
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of("the inbox %s is a file, not a folder: give the folder, or run the file with --input".formatted(folder));
        }
        if (!Files.isReadable(folder)) {
            return Optional.of("cannot read the inbox %s".formatted(folder));
        }
        return Optional.empty();
    }

    private static boolean isScenesCsv(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".csv") && Files.isRegularFile(file);
    }
}

package com.storystudio.batch.simulator;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Media files the emulator serves under {@code /media/{name}}, as a storage bucket would: a storyboard's audio
 * given as URLs can be read by the client (its length, by a range request) and by the emulated worker (its
 * length decides the job's). Only this emulator's own media are ever "fetched": nothing beyond 127.0.0.1.
 */
final class MediaLibrary {

    static final String PATH = "/media/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final URI baseUrl;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    MediaLibrary(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Serves {@code content} (kept, not copied) at the URL returned, replacing a file of the same name. */
    URI put(String name, byte[] content) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a media name is letters, digits, '.', '_' and '-', was: " + name);
        }
        files.put(name, content);
        return URI.create(baseUrl + PATH + name);
    }

    Optional<byte[]> named(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The file a URL of this emulator names, whatever its query; empty for any other URL. */
    Optional<byte[]> at(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String path = uri.getPath();
        boolean ours = "http".equalsIgnoreCase(uri.getScheme()) && baseUrl.getHost().equals(uri.getHost())
                && baseUrl.getPort() == uri.getPort() && path != null && path.startsWith(PATH);
        return ours ? named(path.substring(PATH.length())) : Optional.empty();
    }
}

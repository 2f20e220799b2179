package com.storystudio.batch.scene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content identity of a scene's inputs: the same image and audio content, prompt, resolution and steps give the
 * same fingerprint, wherever the files live and whatever the scene is called (used to avoid paying twice for the
 * same video). Remote media count by URL, local media by the SHA-256 of their bytes. Hex SHA-256.
 */
public final class SceneFingerprint {

    /** Bumped if the encoding below changes, so old and new fingerprints can never be confused. */
    private static final String VERSION = "scene-fingerprint-v1";

    private SceneFingerprint() {
    }

    public static String of(Scene scene) throws IOException {
        MessageDigest digest = sha256();
        field(digest, VERSION);
        media(digest, scene.image());
        media(digest, scene.audio());
        field(digest, scene.prompt());
        field(digest, scene.resolution().value());
        field(digest, Integer.toString(scene.sampleSteps()));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void media(MessageDigest digest, MediaRef media) throws IOException {
        if (media instanceof MediaRef.Remote remote) {
            field(digest, "url");
            field(digest, remote.url().toString());
        } else if (media instanceof MediaRef.Local local) {
            field(digest, "sha256");
            field(digest, HexFormat.of().formatHex(fileSha256(local.path())));
        } else {
            throw new IllegalArgumentException("unknown media reference: " + media);
        }
    }

    /** Length-prefixed, so no two different field sequences can produce the same byte stream. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}

package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaRefTest {

    @TempDir
    Path dir;

    @Test
    void localFilesAreSentAsBase64ThatDecodesToTheSameBytes() throws IOException {
        for (Path file : new Path[] {png(dir.resolve("a.png")), wav(dir.resolve("a.wav"), 1000, 7),
                wav(dir.resolve("b.wav"), 1001, 7), wav(dir.resolve("c.wav"), 1002, 7)}) {
            MediaRef.Local local = new MediaRef.Local(file);

            String value = local.requestValue();

            assertThat(Base64.getDecoder().decode(value)).isEqualTo(Files.readAllBytes(file));
            assertThat(local.requestBytes()).isEqualTo(value.length());
            assertThat(local.describe()).isEqualTo(file.toString());
        }
    }

    @Test
    void urlsAreSentAsTheyAre() {
        MediaRef.Remote remote = new MediaRef.Remote(URI.create("https://example.com/a%20b/ä.png?x=1"));

        assertThat(remote.requestValue()).isEqualTo("https://example.com/a%20b/ä.png?x=1");
        assertThat(remote.requestBytes()).isEqualTo(36); // ä is two bytes in UTF-8
        assertThat(remote.describe()).isEqualTo("https://example.com/a%20b/ä.png?x=1");
    }

    @Test
    void base64LengthIncludesPadding() {
        assertThat(MediaRef.base64Length(0)).isZero();
        assertThat(MediaRef.base64Length(1)).isEqualTo(4);
        assertThat(MediaRef.base64Length(3)).isEqualTo(4);
        assertThat(MediaRef.base64Length(4)).isEqualTo(8);
        assertThat(MediaRef.base64Length(7_500_000)).isEqualTo(10_000_000);
    }

    @Test
    void referencesKeepTheirInvariants() {
        assertThatThrownBy(() -> new MediaRef.Remote(URI.create("ftp://example.com/a.png")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaRef.Remote(URI.create("https:///a.png")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaRef.Local(Path.of("relative.png")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MediaRef.Local(dir.resolve("x/../a.png")).path()).isEqualTo(dir.resolve("a.png"));
    }
}

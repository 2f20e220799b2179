package com.storystudio.batch.scene;

import java.util.Arrays;
import java.util.Set;

/**
 * What a local media file is, told by its first bytes (its "magic number"), as a decoder would before giving
 * up. The model takes PNG, JPEG or WebP images and WAV, MP3, FLAC, OGG or M4A audio; the other formats are
 * recognised only so that a refusal can say what the file is instead.
 */
enum MediaFormat {
    PNG(Kind.IMAGE, "it is a PNG image"),
    JPEG(Kind.IMAGE, "it is a JPEG image"),
    WEBP(Kind.IMAGE, "it is a WebP image"),
    WAV(Kind.AUDIO, "it is a WAV audio file"),
    MP3(Kind.AUDIO, "it is an MP3 audio file"),
    FLAC(Kind.AUDIO, "it is a FLAC audio file"),
    OGG(Kind.AUDIO, "it is an OGG audio file"),
    M4A(Kind.AUDIO, "it is an M4A (MPEG-4) audio file"),
    GIF(Kind.OTHER, "it is a GIF image"),
    HEIF(Kind.OTHER, "it is an HEIC or AVIF image"),
    PDF(Kind.OTHER, "it is a PDF document"),
    ZIP(Kind.OTHER, "it is a ZIP archive or an Office document"),
    MARKUP(Kind.OTHER, "it starts like HTML or XML: a web page saved in its place?"),
    TEXT(Kind.OTHER, "it starts like text"),
    UNKNOWN(Kind.OTHER, "its first bytes are those of no known image or audio format");

    /** Enough for every signature below: WebP's and WAV's "RIFF....WEBP", ISO BMFF's "....ftypBRND". */
    static final int HEAD_BYTES = 16;

    /** ISO BMFF brands of still images; any other brand (M4A , mp42, isom, ...) is taken as MPEG-4 audio. */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "mif1", "msf1",
            "avif", "avis");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** What a column takes. */
    enum Kind {
        IMAGE("a PNG, JPEG or WebP image"),
        AUDIO("a WAV, MP3, FLAC, OGG or M4A audio file"),
        OTHER("an image or audio file");

        private final String wanted;

        Kind(String wanted) {
            this.wanted = wanted;
        }

        /** e.g. "media/face.png is not a PNG, JPEG or WebP image (it starts like text)" */
        String refusal(String shown, MediaFormat found) {
            return shown + " is not " + wanted + " (" + found.found + ")";
        }
    }

    private final Kind kind;
    private final String found;

    MediaFormat(Kind kind, String found) {
        this.kind = kind;
        this.found = found;
    }

    Kind kind() {
        return kind;
    }

    /** What the file was found to be, e.g. "it is a WAV audio file", for a refusal's parenthesis. */
    String found() {
        return found;
    }

    /** @param head the file's first bytes, up to {@link #HEAD_BYTES} (fewer for a shorter file) */
    static MediaFormat of(byte[] head) {
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (unsigned(head, 0) == 0xFF && unsigned(head, 1) == 0xD8 && unsigned(head, 2) == 0xFF) {
            return JPEG;
        }
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
            return WAV;
        }
        if (startsWith(head, 0, "ID3") || mpegFrameSync(head)) {
            return MP3;
        }
        if (startsWith(head, 0, "fLaC")) {
            return FLAC;
        }
        if (startsWith(head, 0, "OggS")) {
            return OGG;
        }
        if (startsWith(head, 4, "ftyp") && head.length >= 12) {
            return IMAGE_BRANDS.contains(ascii(head, 8, 4)) ? HEIF : M4A;
        }
        return other(head);
    }

    /** The formats nobody should send, told apart only to name them in the refusal. */
    private static MediaFormat other(byte[] head) {
        if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
            return GIF;
        }
        if (startsWith(head, 0, "%PDF")) {
            return PDF;
        }
        if (startsWith(head, 0, "PK\u0003\u0004")) {
            return ZIP;
        }
        int first = firstNonBlank(head);
        if (first < head.length && head[first] == '<') {
            return MARKUP;
        }
        return looksLikeText(head) ? TEXT : UNKNOWN;
    }

    /** 11 set bits open every MPEG audio frame; a file without an ID3 tag starts with one. */
    private static boolean mpegFrameSync(byte[] head) {
        return unsigned(head, 0) == 0xFF && head.length >= 2 && (unsigned(head, 1) & 0xE0) == 0xE0;
    }

    /** Skips a UTF-8 byte order mark and whitespace. */
    private static int firstNonBlank(byte[] head) {
        int at = startsWith(head, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (at < head.length && (head[at] == ' ' || head[at] == '\t' || head[at] == '\r' || head[at] == '\n')) {
            at++;
        }
        return at;
    }

    /**
     * No control characters but whitespace, and no byte that never occurs in UTF-8. A heuristic, only used to
     * word the message: multi-byte sequences are not validated, since the head may cut one in two.
     */
    private static boolean looksLikeText(byte[] head) {
        for (byte value : head) {
            int b = value & 0xFF;
            boolean control = (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
            if (control || b == 0xC0 || b == 0xC1 || b >= 0xF5) {
                return false;
            }
        }
        return head.length > 0;
    }

    private static int unsigned(byte[] head, int at) {
        return at < head.length ? head[at] & 0xFF : -1;
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        byte[] prefix = new byte[ascii.length()];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = (byte) ascii.charAt(i);
        }
        return startsWith(head, offset, prefix);
    }

    private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
        return head.length >= offset + prefix.length
                && Arrays.equals(head, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] head, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            text.append((char) (head[i] & 0xFF));
        }
        return text.toString();
    }
}

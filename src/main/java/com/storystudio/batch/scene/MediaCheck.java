package com.storystudio.batch.scene;

/** Outcome of checking one image/audio value. */
sealed interface MediaCheck {

    /**
     * Usable; {@code requestBytes} is what the reference adds to the request, measured during the check.
     * {@code format} is what a local file's first bytes say it is; null for a URL, whose content is not seen.
     */
    record Accepted(MediaRef ref, long requestBytes, MediaFormat format) implements MediaCheck {

        static Accepted remote(MediaRef.Remote ref, long requestBytes) {
            return new Accepted(ref, requestBytes, null);
        }

        boolean local() {
            return ref instanceof MediaRef.Local;
        }
    }

    /** Not usable; {@code reason} tells the user what to change. */
    record Rejected(String reason) implements MediaCheck {}
}

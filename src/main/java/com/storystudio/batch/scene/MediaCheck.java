package com.storystudio.batch.scene;

/** Outcome of checking one image/audio value. */
sealed interface MediaCheck {

    /** Usable; {@code requestBytes} is what the reference adds to the request, measured during the check. */
    record Accepted(MediaRef ref, long requestBytes) implements MediaCheck {
        boolean local() {
            return ref instanceof MediaRef.Local;
        }
    }

    /** Not usable; {@code reason} tells the user what to change. */
    record Rejected(String reason) implements MediaCheck {}
}

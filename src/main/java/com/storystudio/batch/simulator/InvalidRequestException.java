package com.storystudio.batch.simulator;

/** A request the simulator refuses; the message is sent to the client as is. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}

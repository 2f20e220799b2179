package com.storystudio.batch.simulator;

/** A GraphQL request error; answered with HTTP 200 and {@code {"errors":[{"message":...}],"data":null}}. */
final class GraphQlException extends RuntimeException {

    GraphQlException(String message) {
        super(message);
    }
}

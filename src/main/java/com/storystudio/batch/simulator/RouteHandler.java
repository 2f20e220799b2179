package com.storystudio.batch.simulator;

/** Answers one route. Throwing {@link InvalidRequestException} answers 400 with its message. */
@FunctionalInterface
interface RouteHandler {

    HttpReply handle(ApiRequest request);
}

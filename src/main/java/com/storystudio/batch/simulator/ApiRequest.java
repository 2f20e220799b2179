package com.storystudio.batch.simulator;

/** A request that passed the gate (faults, auth, endpoint id) and is ready for its handler. */
record ApiRequest(String method, RouteMatch match, byte[] body) {
}

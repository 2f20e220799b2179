package com.storystudio.batch.simulator;

import java.util.List;

/** The endpoint's configuration and live workers, as the GraphQL and management APIs show them. */
record EndpointView(EndpointConfig config, List<WorkerView> workers) {

    /** @param status "INITIALIZING" while cold-starting, "RUNNING" once ready (busy or idle), as RunPod shows */
    record WorkerView(String id, String status) {
    }
}

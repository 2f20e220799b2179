package com.storystudio.batch.runpod;

/** How the run scales the endpoint's active workers ({@code --runpod.worker-control}). */
public enum WorkerControlMode {
    /** The seed's GraphQL {@code updateEndpoint} mutation (default). */
    GRAPHQL,
    /** RunPod's documented REST successor, {@code PATCH /v2/serverless/{id}}. */
    REST,
    /** Leave scaling alone: flex workers serve the queue. */
    NONE
}

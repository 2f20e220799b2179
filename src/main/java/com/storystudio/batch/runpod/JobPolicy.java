package com.storystudio.batch.runpod;

import java.time.Duration;

/** The {@code policy} of a {@code /run}: RunPod's defaults are too short for video generation. */
public record JobPolicy(Duration executionTimeout, Duration ttl) {
}

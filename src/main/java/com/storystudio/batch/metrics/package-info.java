/**
 * Micrometer meters of the run, beside Spring Batch's own ({@code spring.batch.*}): RunPod requests
 * ({@link com.storystudio.batch.metrics.RunPodRequestMeters}), remote jobs and scenes as they end
 * ({@link com.storystudio.batch.metrics.SceneMeters}), and the state an execution ended in
 * ({@link com.storystudio.batch.metrics.RunEndMeters}). Pushed to a Prometheus Pushgateway by Spring Boot's
 * own support when {@code management.prometheus.metrics.export.pushgateway.enabled} is set
 * ({@link com.storystudio.batch.metrics.PushSettings}). No tag carries a scene or job id: every tag has a
 * handful of values.
 */
package com.storystudio.batch.metrics;

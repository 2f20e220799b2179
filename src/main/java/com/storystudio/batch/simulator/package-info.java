/**
 * A RunPod serverless endpoint running the Wan2.2 S2V worker, emulated on 127.0.0.1 for {@code --simulate}
 * runs and for every test of the project. Start one with {@link
 * com.storystudio.batch.simulator.RunPodSimulator#start(com.storystudio.batch.simulator.SimulatorSettings)}.
 *
 * <p>The package is deliberately independent of the client: it has its own JSON handling and imports
 * nothing of the application, so a client bug cannot be mirrored by a matching simulator bug.
 *
 * <h2>Time</h2>
 * Simulated time is real elapsed time multiplied by {@code timeScale}. The model is a discrete-event
 * simulation: on every request (and on a 5 ms background tick) it fires each pending event (worker ready,
 * job end, a queued job's ttl, an idle worker's release) at that event's own simulated time, in time order.
 * Results therefore do not depend on when or how often anyone polls.
 *
 * <h2>Workers</h2>
 * {@code workersMin} workers are kept alive; more are spawned while queued jobs outnumber starting workers,
 * up to {@code workersMax}. A new worker cold-starts for {@code workerStartup}; the first job it runs also
 * loads the model ({@code modelLoad}) inside its execution. A worker beyond the minimum that idles
 * {@code idleTimeout} seconds is released. Lowering {@code workersMin} releases idle workers at once.
 *
 * <h2>Jobs</h2>
 * A job's generation takes {@code meanServiceTime} per 5-second clip of its audio (read from a base64 WAV or
 * a WAV the emulator serves itself under {@code /media/}; one clip for other URLs and formats), scaled by sample steps and resolution, times a lognormal spread of
 * mean 1 and coefficient of variation {@code serviceTimeCv}.
 *
 * <h2>Billing</h2>
 * A worker is billed from spawn to release. Its life is split exactly into cold start (startup only),
 * execution (busy, including model load) and idle, in integer simulated nanoseconds; so billed worker time
 * is always the sum of the three.
 */
package com.storystudio.batch.simulator;

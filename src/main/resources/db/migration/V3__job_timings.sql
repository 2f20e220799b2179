-- What RunPod reports of each job when it ends: the time it waited in the queue (delayTime) and the
-- time a worker ran it (executionTime, what the GPU bills), in milliseconds; NULL when never reported.
ALTER TABLE scene_submission ADD COLUMN delay_ms BIGINT;
ALTER TABLE scene_submission ADD COLUMN execution_ms BIGINT;

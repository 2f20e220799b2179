-- Which StoryStudio processes are alive, and which input each one is running. A process inserts
-- its row when it starts work, beats (heartbeat_at) while it runs and deletes the row when it ends:
-- a row left behind belongs to a process that was killed. run_key is the Spring Batch job key of
-- the input being run; the unique constraint makes two live launches of one input impossible.
CREATE TABLE run_owner (
    owner_id           VARCHAR(64)              NOT NULL,
    run_key            VARCHAR(64),
    input_path         VARCHAR(1024),
    host               VARCHAR(255)             NOT NULL,
    pid                BIGINT                   NOT NULL,
    process_started_ms BIGINT,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT run_owner_pk PRIMARY KEY (owner_id),
    CONSTRAINT run_owner_run_key_uk UNIQUE (run_key)
);

-- Runs that currently want the endpoint's active worker. The last live lease holder to leave
-- restores the endpoint (worker_baseline); a lease whose owner is gone is reclaimed.
CREATE TABLE worker_lease (
    endpoint_id VARCHAR(128)             NOT NULL,
    owner_id    VARCHAR(64)              NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT worker_lease_pk PRIMARY KEY (endpoint_id, owner_id)
);

-- A scene's video is reused by any later run whose scene has the same content on the same endpoint.
ALTER TABLE scene_submission ADD COLUMN endpoint_id VARCHAR(128);
CREATE INDEX scene_submission_fingerprint_ix ON scene_submission (fingerprint);

-- Results say which scenes reused an earlier video and which may have been paid for twice.
ALTER TABLE scene_result ADD COLUMN reused_from VARCHAR(128);
ALTER TABLE scene_result ADD COLUMN possible_duplicates INT NOT NULL DEFAULT 0;

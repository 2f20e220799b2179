-- How long each job's audio plays, as the run read it before submitting (NULL where it could not be read,
-- e.g. remote audio): with execution_ms it gives the GPU seconds per audio second the estimate learns.
ALTER TABLE scene_submission ADD COLUMN audio_seconds DOUBLE PRECISION;

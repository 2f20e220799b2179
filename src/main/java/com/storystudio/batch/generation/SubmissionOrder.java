package com.storystudio.batch.generation;

/** Which of a run's scenes go to RunPod first ({@code --submission-order}). */
public enum SubmissionOrder {

    /**
     * The most GPU work first (audio length × sample steps × pixels), so that the run ends on its shortest
     * scenes and the workers run out of work at nearly the same time: a long scene submitted last would
     * keep one worker busy while the others stand idle.
     */
    LONGEST_FIRST,

    /** The storyboard's own order. */
    INPUT
}

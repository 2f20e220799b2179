package com.storystudio.batch.ownership;

/** Another live process is running the same input: this launch must not touch it. */
public class RunInProgressException extends RuntimeException {

    private final transient RunOwner owner;

    public RunInProgressException(RunOwner owner) {
        super("another StoryStudio process (%s) is running %s".formatted(owner.describe(), owner.inputPath()));
        this.owner = owner;
    }

    public RunOwner owner() {
        return owner;
    }
}

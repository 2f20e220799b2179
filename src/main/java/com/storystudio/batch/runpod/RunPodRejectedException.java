package com.storystudio.batch.runpod;

/** RunPod answered 4xx: the request itself is wrong, so sending it again cannot help. */
public class RunPodRejectedException extends RunPodException {

    private final int status;

    public RunPodRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401/403: the key is wrong or lacks rights; every later call would fail the same way. */
    public boolean isAuthenticationFailure() {
        return status == 401 || status == 403;
    }

    /** 404: a wrong endpoint id, or a job RunPod no longer knows (its result expired, or it was lost). */
    public boolean isNotFound() {
        return status == 404;
    }
}

package com.storystudio.batch.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Kubernetes CronJob's safeguards: no overlap, a grace period above the application's stop timeout, a restart
 * policy that a Job can have, the key, the endpoint and the PostgreSQL job database from a Secret, a non-root pod;
 * and its container's command line (the image's entrypoint unless it sets its own, then its args).
 */
record CronJobCheck(String name, Yamls cronJob, DockerfileInstructions image, List<String> problems, List<CommandLine> commandLines) {

    /** Each from a Secret: the key and endpoint always, the database because pods share no H2 file. */
    private static final List<String> FROM_SECRET = List.of("RUNPOD_API_KEY", "RUNPOD_ENDPOINT_ID", "SPRING_DATASOURCE_URL");

    void check() {
        String where = name + " CronJob " + cronJob.text("metadata.name").orElse("");
        if (!cronJob.text("spec.concurrencyPolicy").orElse("").equals("Forbid")) {
            problems.add(where + ": concurrencyPolicy must be Forbid, is " + cronJob.text("spec.concurrencyPolicy").orElse("(missing: Allow)"));
        }
        Yamls job = cronJob.at("spec.jobTemplate.spec");
        if (job.text("backoffLimit").isEmpty()) {
            problems.add(where + ": no backoffLimit (Kubernetes' default retries a failed night six times)");
        }
        Yamls pod = job.at("template.spec");
        String restart = pod.text("restartPolicy").orElse("");
        if (!Set.of("Never", "OnFailure").contains(restart)) {
            problems.add(where + ": restartPolicy must be Never or OnFailure, is " + (restart.isEmpty() ? "(missing)" : restart));
        }
        if (!pod.text("securityContext.runAsNonRoot").orElse("").equals("true")) {
            problems.add(where + ": the pod must run as non-root (securityContext.runAsNonRoot: true)");
        }
        List<Yamls> containers = pod.list("containers");
        if (containers.isEmpty()) {
            problems.add(where + ": no container");
        }
        long grace = Long.parseLong(pod.text("terminationGracePeriodSeconds").orElse("30"));
        for (Yamls container : containers) {
            container(where + " container " + container.text("name").orElse(""), container, grace);
        }
    }

    private void container(String where, Yamls container, long graceSeconds) {
        List<String> words = new ArrayList<>(container.at("command").present() ? container.texts("command") : entrypoint());
        words.addAll(container.at("args").present() || container.at("command").present() ? container.texts("args") : cmd());
        CommandLine command = new CommandLine(where, words);
        commandLines.add(command);
        if (graceSeconds <= command.stopTimeout().toSeconds()) {
            problems.add("%s: terminationGracePeriodSeconds (%d) must be above the application's stop timeout (%d s)".formatted(where,
                    graceSeconds, command.stopTimeout().toSeconds()));
        }
        if (command.arguments().stream().anyMatch(word -> word.startsWith("--spring.datasource.url=jdbc:h2"))) {
            problems.add(where + ": an H2 job database cannot be shared between pods; PostgreSQL from the Secret");
        }
        for (String variable : FROM_SECRET) {
            Optional<Yamls> entry = container.list("env").stream().filter(env -> env.text("name").orElse("").equals(variable)).findFirst();
            if (entry.isEmpty() || entry.get().text("valueFrom.secretKeyRef.name").isEmpty() || entry.get().at("value").present()) {
                problems.add(where + ": " + variable + " must come from a Secret (env valueFrom.secretKeyRef)");
            }
        }
    }

    private List<String> entrypoint() {
        return image == null ? List.of() : image.image().last("ENTRYPOINT").flatMap(DockerfileInstructions::execForm).orElse(List.of());
    }

    private List<String> cmd() {
        return image == null ? List.of() : image.image().last("CMD").flatMap(DockerfileInstructions::execForm).orElse(List.of());
    }
}

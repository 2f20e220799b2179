package com.storystudio.batch.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;

/**
 * Every scene of a run that the results or the ledger know of: those with a result in input order, then those still
 * under way in the order they were first submitted. Scenes never submitted are only counted (by {@code list}).
 */
@Component
public class RunDetails {

    private final SceneResultRepository results;
    private final SubmissionLedger ledger;

    public RunDetails(SceneResultRepository results, SubmissionLedger ledger) {
        this.results = results;
        this.ledger = ledger;
    }

    public List<SceneLine> scenes(long jobInstanceId) {
        Map<String, List<Submission>> jobs = new LinkedHashMap<>();
        ledger.all(jobInstanceId).forEach(job -> jobs.computeIfAbsent(job.sceneId(), scene -> new ArrayList<>()).add(job));
        List<SceneLine> lines = new ArrayList<>();
        for (SceneResult result : results.findAll(jobInstanceId)) {
            List<Submission> own = jobs.getOrDefault(result.sceneId(), List.of());
            lines.add(new SceneLine(result.sceneId(), result.status().name(), Math.max(result.attempts(), own.size()), described(own),
                    result.error()));
            jobs.remove(result.sceneId());
        }
        jobs.forEach((scene, own) -> {
            Submission latest = own.get(own.size() - 1);
            SceneStatus status = latest.state().isLive() ? SceneStatus.IN_PROGRESS : SceneStatus.PENDING;
            lines.add(new SceneLine(scene, status.name(), own.size(), described(own), latest.error()));
        });
        return lines;
    }

    private static List<String> described(List<Submission> jobs) {
        return jobs.stream().map(job -> (job.remoteJobId() == null ? "(no job id)" : job.remoteJobId()) + " " + job.state()).toList();
    }
}

package com.storystudio.batch.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.storystudio.batch.testing.DeadProcess;
import com.storystudio.batch.testing.SimulatorTestConfiguration;

/** Who owns a run: live owners refuse a second launch, dead ones are taken over. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:run-ownership;DB_CLOSE_DELAY=-1")
@ActiveProfiles("functional")
@Import(SimulatorTestConfiguration.class)
class RunOwnershipTests {

    @Autowired
    RunOwnerTable table;

    @Autowired
    JdbcTemplate jdbc;

    private final List<RunOwnership> processes = new java.util.ArrayList<>();

    @AfterEach
    void endProcesses() {
        processes.forEach(RunOwnership::close);
    }

    @Test
    void aSecondLaunchOfAnInputALiveProcessRunsIsRefused() {
        RunOwnership first = process();
        RunOwnership second = process();
        first.claim("key-live", "/stories/live.csv");

        assertThatThrownBy(() -> second.claim("key-live", "/stories/live.csv"))
                .isInstanceOf(RunInProgressException.class)
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining("/stories/live.csv");
        assertThat(ownerOf("key-live")).isEqualTo(first.ownerId());
    }

    @Test
    void theClaimOfAProcessThatDiedIsTakenOverWithItsLeases() {
        ProcessIdentity dead = DeadProcess.onThisHost();
        String deadOwner = leftBehind(dead, "key-dead", Instant.now());
        jdbc.update("INSERT INTO worker_lease (endpoint_id, owner_id, acquired_at) VALUES ('ep', ?, CURRENT_TIMESTAMP)", deadOwner);
        RunOwnership next = process();

        assertThat(next.claim("key-dead", "/stories/dead.csv")).get().extracting(RunOwner::ownerId).isEqualTo(deadOwner);

        assertThat(ownerOf("key-dead")).isEqualTo(next.ownerId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM worker_lease WHERE owner_id = ?", Integer.class, deadOwner)).isZero();
    }

    @Test
    void onAnotherHostOnlyTheHeartbeatTells() {
        String stale = leftBehind(new ProcessIdentity("render-box-2", 4242, null), "key-stale", Instant.now().minus(Duration.ofMinutes(5)));
        String fresh = leftBehind(new ProcessIdentity("render-box-3", 4243, null), "key-fresh", Instant.now());
        RunOwnership here = process();

        assertThat(here.claim("key-stale", "/stories/stale.csv")).get().extracting(RunOwner::ownerId).isEqualTo(stale);
        assertThatThrownBy(() -> here.claim("key-fresh", "/stories/fresh.csv")).isInstanceOf(RunInProgressException.class)
                .hasMessageContaining("render-box-3");
        assertThat(ownerOf("key-fresh")).isEqualTo(fresh);
    }

    @Test
    void aRunningProcessBeatsAndRemovesItsRowWhenItEnds() {
        RunOwnership running = process();
        running.claim("key-beat", "/stories/beat.csv");
        Instant first = heartbeatOf(running.ownerId());

        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeatOf(running.ownerId()).isAfter(first));

        running.close();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_owner WHERE owner_id = ?", Integer.class, running.ownerId())).isZero();
    }

    private RunOwnership process() {
        RunOwnership ownership = new RunOwnership(table, Duration.ofMillis(50), Duration.ofSeconds(60));
        processes.add(ownership);
        return ownership;
    }

    private String leftBehind(ProcessIdentity process, String runKey, Instant heartbeat) {
        String ownerId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO run_owner (owner_id, run_key, input_path, host, pid, process_started_ms, started_at, heartbeat_at)
                VALUES (?, ?, '/stories/earlier.csv', ?, ?, ?, ?, ?)""", ownerId, runKey, process.host(), process.pid(),
                process.startedMs(), heartbeat.atOffset(ZoneOffset.UTC), heartbeat.atOffset(ZoneOffset.UTC));
        return ownerId;
    }

    private String ownerOf(String runKey) {
        return jdbc.queryForObject("SELECT owner_id FROM run_owner WHERE run_key = ?", String.class, runKey);
    }

    private Instant heartbeatOf(String ownerId) {
        return jdbc.queryForObject("SELECT heartbeat_at FROM run_owner WHERE owner_id = ?", java.time.OffsetDateTime.class, ownerId)
                .toInstant();
    }
}

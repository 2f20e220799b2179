package com.storystudio.batch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules the README gives (and docs/alerts.yml carries) are valid YAML, are the same in both places, and
 * ask about series under the names the application's meters really get in Prometheus.
 */
class AlertRulesTest {

    private static final Path RULES = Path.of("docs/alerts.yml");
    private static final Path README = Path.of("README.md");

    @Test
    void theReadmesRulesAreTheFilesAndParse() throws IOException {
        String file = Files.readString(RULES);
        String readme = Files.readString(README);
        String block = readme.substring(readme.indexOf("```yaml\ngroups:") + "```yaml\n".length());
        block = block.substring(0, block.indexOf("```"));

        assertThat(file.lines().filter(line -> !line.startsWith("#")).toList()).isEqualTo(block.lines().toList());
        assertThat(rules(file)).extracting(rule -> rule.get("alert"))
                .containsExactly("StoryStudioWorkerNotRestored", "StoryStudioPossibleDuplicates", "StoryStudioNoSuccessfulRun");
    }

    @Test
    void everyRuleAsksAboutASeriesTheApplicationPublishes() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder(RunEndMeters.WORKER_RESTORED, () -> 1).register(registry);
        Gauge.builder(RunEndMeters.POSSIBLE_DUPLICATES, () -> 0).register(registry);
        new LastSuccess(registry, null).succeededAt(Instant.parse("2026-11-30T02:00:00Z"));
        String scrape = registry.scrape();

        for (Map<String, Object> rule : rules(Files.readString(RULES))) {
            String series = rule.get("expr").toString().replaceAll("^.*?(storystudio_[a-z_]+).*$", "$1");
            assertThat(scrape).as("%s: %s", rule.get("alert"), series).containsPattern("(?m)^" + series + " ");
        }
        assertThat(scrape).contains("storystudio_last_success_timestamp_seconds 1.796004E9");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(String yaml) {
        Map<String, Object> document = new Yaml().load(yaml);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) document.get("groups");
        return (List<Map<String, Object>>) groups.get(0).get("rules");
    }
}

package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.time.TimeConfiguration;

/** The client as the application wires it: the settings as users write them, and the one curfew every call obeys. */
class RunPodClientConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, TimeConfiguration.class, RunPodClientConfiguration.class)
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withPropertyValues("runpod.endpoint-id=ep-3", "runpod.api-key=rp-config-key");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RunPodProperties.class)
    static class Properties {
    }

    @Test
    void theMaxRetryTimeDefaultsToAMinuteAndIsBoundFromItsProperty() {
        context.run(defaults -> assertThat(defaults.getBean(RunPodProperties.class).http().maxRetryTime()).isEqualTo(Duration.ofSeconds(60)));
        context.withPropertyValues("runpod.http.max-retry-time=5s", "runpod.http.max-retries=2").run(set -> {
            RunPodProperties.Http http = set.getBean(RunPodProperties.class).http();
            assertThat(http.maxRetryTime()).isEqualTo(Duration.ofSeconds(5));
            assertThat(http.maxRetries()).isEqualTo(2);
            assertThat(http.requestTimeout()).isEqualTo(Duration.ofSeconds(120));
        });
    }

    @Test
    void aCurfewSetOnTheApplicationsBeanStopsTheRetriesOfItsClient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        context.withPropertyValues("runpod.base-url=http://127.0.0.1:" + closedPort).run(app -> {
            RetryCurfew curfew = app.getBean(RetryCurfew.class);
            curfew.at(app.getBean(Clock.class).instant());

            // Without the curfew this call would retry for up to a minute.
            assertThatThrownBy(() -> app.getBean(RunPodJobs.class).health()).isInstanceOf(RunPodUnavailableException.class)
                    .hasMessageContaining("GET /health failed after 1 attempt").hasMessageContaining("retry curfew");
        });
    }
}

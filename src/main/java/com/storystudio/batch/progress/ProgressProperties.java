package com.storystudio.batch.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a run says how far it is, under {@code storystudio.*}.
 *
 * @param progressInterval time between two progress lines while generating (one is also said at every tenth of the scenes)
 */
@ConfigurationProperties("storystudio")
public record ProgressProperties(@DefaultValue("30s") Duration progressInterval) {
}

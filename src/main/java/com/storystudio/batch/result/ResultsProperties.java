package com.storystudio.batch.result;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the results are published, under {@code storystudio.*}.
 *
 * @param resultsCsvInterval shortest time between two rewrites of the results CSV during a run
 */
@ConfigurationProperties("storystudio")
public record ResultsProperties(@DefaultValue("2s") Duration resultsCsvInterval) {
}

package com.storystudio.batch.ownership;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a running process shows that it is alive, under {@code storystudio.*}.
 *
 * @param heartbeatInterval how often a running process records in the database that it is alive
 * @param heartbeatTimeout  a process on another host that has not beaten for this long is taken for dead
 *                          (on the same host the operating system is asked instead)
 */
@ConfigurationProperties("storystudio")
public record OwnershipProperties(
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration heartbeatTimeout) {
}

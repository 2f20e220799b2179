package com.storystudio.batch.ownership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OwnershipConfiguration {

    @Bean
    RunOwnership runOwnership(RunOwnerTable table, OwnershipProperties settings) {
        return new RunOwnership(table, settings.heartbeatInterval(), settings.heartbeatTimeout());
    }
}

package com.storystudio.batch.ownership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storystudio.batch.StoryStudioProperties;

@Configuration(proxyBeanMethods = false)
public class OwnershipConfiguration {

    @Bean
    RunOwnership runOwnership(RunOwnerTable table, StoryStudioProperties settings) {
        return new RunOwnership(table, settings.heartbeatInterval(), settings.heartbeatTimeout());
    }
}

package com.storystudio.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryStudioApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(StoryStudioApplication.class, args)));
    }
}

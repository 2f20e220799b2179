package com.storystudio.batch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names of Spring Boot's own settings ({@code spring.datasource.url}, {@code logging.level.*}), from
 * the configuration metadata its jars carry, so that {@code --spring.datasource.ulr} is a typo and not
 * silently nothing. Read only when such an option is given: {@code --help} does not pay for it.
 */
final class SpringSettingNames {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private final Set<String> names;
    /** Settings that are maps ({@code logging.level.<logger>}): any name under them is a key of the map. */
    private final Set<String> mapPrefixes;

    private SpringSettingNames(Set<String> names, Set<String> mapPrefixes) {
        this.names = Set.copyOf(names);
        this.mapPrefixes = Set.copyOf(mapPrefixes);
    }

    static SpringSettingNames load() {
        Set<String> names = new HashSet<>();
        Set<String> maps = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            Enumeration<URL> files = SpringSettingNames.class.getClassLoader().getResources(METADATA);
            for (URL file : Collections.list(files)) {
                try (InputStream in = file.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString("");
                        names.add(name);
                        if (property.path("type").asString("").startsWith("java.util.Map")) {
                            maps.add(name + ".");
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read Spring Boot's settings metadata", e);
        }
        return new SpringSettingNames(names, maps);
    }

    boolean isKnown(String name) {
        return names.contains(name) || mapPrefixes.stream().anyMatch(name::startsWith);
    }

    Set<String> names() {
        return names;
    }
}

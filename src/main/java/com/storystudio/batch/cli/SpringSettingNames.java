package com.storystudio.batch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The names of Spring Boot's own settings ({@code spring.datasource.url}, {@code logging.level.*}), from
 * the configuration metadata its jars carry, so that {@code --spring.datasource.ulr} is a typo and not
 * silently nothing. Read only when such an option is given: {@code --help} does not pay for it.
 */
final class SpringSettingNames {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    /**
     * A property's name and type, as the configuration processor writes them (name first). A pattern rather than a
     * JSON parser: it answers a typo in well under the time a parser takes to start.
     */
    private static final Pattern PROPERTY = Pattern.compile("\\{\\s*\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"type\"\\s*:\\s*\"([^\"]+)\"");

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
        try {
            for (URL file : Collections.list(SpringSettingNames.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = file.openStream()) {
                    Matcher property = PROPERTY.matcher(properties(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    while (property.find()) {
                        names.add(property.group(1));
                        if (property.group(2).startsWith("java.util.Map")) {
                            maps.add(property.group(1) + ".");
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

    /** The {@code properties} array of a metadata file; its groups and hints name no setting. */
    private static String properties(String metadata) {
        int start = metadata.indexOf("\"properties\"");
        int end = metadata.indexOf("\"hints\"", Math.max(start, 0));
        return start < 0 ? "" : metadata.substring(start, end < 0 ? metadata.length() : end);
    }

    boolean isKnown(String name) {
        return names.contains(name) || mapPrefixes.stream().anyMatch(name::startsWith);
    }

    Set<String> names() {
        return names;
    }
}

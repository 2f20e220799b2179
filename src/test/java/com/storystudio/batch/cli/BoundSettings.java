package com.storystudio.batch.cli;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The settings the application binds, from its {@code @ConfigurationProperties} records: prefix plus each component in
 * kebab case, nested records walked. What the option catalogue must list, no more, no less.
 */
final class BoundSettings {

    /** Bound, but not options for people: the switch the functional tests use to keep the command line out. */
    private static final Set<String> INTERNAL = Set.of("storystudio.command.enabled");

    private BoundSettings() {
    }

    static List<String> names() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> names = new ArrayList<>();
        scanner.findCandidateComponents("com.storystudio.batch").forEach(candidate -> {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
                walk(type, prefix.isEmpty() ? "" : prefix + ".", names);
            }
            catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        names.removeAll(INTERNAL);
        return names;
    }

    private static void walk(Class<?> type, String prefix, List<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + kebab(component.getName());
            if (component.getType().isRecord()) {
                walk(component.getType(), name + ".", names);
            }
            else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

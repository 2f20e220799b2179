package com.storystudio.batch.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node of a parsed YAML document, walked by dotted paths ({@code spec.jobTemplate.spec}); absent parts are empty. */
record Yamls(Object node) {

    static Yamls of(Object node) {
        return new Yamls(node);
    }

    Yamls at(String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return new Yamls(current);
    }

    boolean present() {
        return node != null;
    }

    Optional<String> text(String path) {
        Object value = at(path).node();
        return value == null || value instanceof Map || value instanceof List ? Optional.empty() : Optional.of(value.toString());
    }

    List<Yamls> list(String path) {
        return at(path).node() instanceof List<?> items ? items.stream().map(Yamls::of).toList() : List.of();
    }

    List<String> texts(String path) {
        return list(path).stream().map(item -> String.valueOf(item.node())).toList();
    }
}

package com.storystudio.batch.resilience;

import java.util.ArrayList;
import java.util.List;

/** The numbers a resilience test measured, printed to stdout as one block that can be quoted as it is. */
final class Figures {

    private final String title;
    private final List<String[]> lines = new ArrayList<>();

    Figures(String title) {
        this.title = title;
    }

    Figures add(String name, Object value) {
        lines.add(new String[] {name, String.valueOf(value)});
        return this;
    }

    void print() {
        StringBuilder block = new StringBuilder("\n===== ").append(title).append(" =====\n");
        lines.forEach(line -> block.append("  %-28s %s%n".formatted(line[0], line[1])));
        block.append("=".repeat(title.length() + 12)).append('\n');
        System.out.print(block);
    }
}

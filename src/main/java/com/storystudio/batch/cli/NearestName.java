package com.storystudio.batch.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a mistyped one was most likely meant to be: a typo, a swapped pair, a missing prefix. */
final class NearestName {

    private NearestName() {
    }

    static Optional<String> of(String typed, Collection<String> known) {
        Optional<String> withPrefix = known.stream().filter(name -> name.endsWith("." + typed)).min(Comparator.comparingInt(String::length));
        if (withPrefix.isPresent()) {
            return withPrefix;
        }
        int allowed = Math.max(2, typed.length() / 4);
        return known.stream()
                .map(name -> new Candidate(name, distance(typed, name)))
                .filter(candidate -> candidate.distance() <= allowed)
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one to the other: optimal string alignment. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Candidate(String name, int distance) {
    }
}

package dev.patella.model;

import java.util.List;

/** The muscles an exercise works: at least one primary. */
public record Muscles(List<String> primary, List<String> secondary) {
    public Muscles {
        primary = List.copyOf(primary);
        secondary = List.copyOf(secondary);
    }
}

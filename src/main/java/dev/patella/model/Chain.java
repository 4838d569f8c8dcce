package dev.patella.model;

import java.util.Locale;

/** Whether the foot moves freely (open) or stays planted (closed) during an exercise. */
public enum Chain {
    OPEN("Open chain", "your foot moves freely"),
    CLOSED("Closed chain", "your feet stay on the floor");

    private final String label;
    private final String meaning;

    Chain(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.patella.model;

import java.util.Locale;

/** Where in a program an exercise belongs. */
public enum Phase {
    EARLY("Early phase"), LATER("Later phase");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The word editors write in YAML. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

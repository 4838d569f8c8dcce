package dev.patella.diag;

import java.util.Locale;

/** How bad a diagnostic is: an error stops the site from being published, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case word used in printed diagnostics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

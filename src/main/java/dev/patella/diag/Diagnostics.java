package dev.patella.diag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of a run. Safe to use from several threads. Keeps at most
 * {@link #cap()} of each severity so one broken file cannot flood the terminal; the rest are
 * counted. A diagnostic with the same code, place and message as one already collected (the same
 * problem found again: text every page shows, or a template mistake met by every page that uses
 * the template) is not collected twice; the first one's "while rendering" trail is kept.
 */
public final class Diagnostics {

    /** The default number of errors (and of warnings) kept. */
    public static final int DEFAULT_CAP = 50;

    private final int cap;
    private final Set<Key> seen = new HashSet<>();
    private final List<Diagnostic> kept = new ArrayList<>();
    private int errors;
    private int warnings;

    public Diagnostics() {
        this(DEFAULT_CAP);
    }

    public Diagnostics(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
    }

    /** Adds a diagnostic; the same diagnostic twice (text shown on many pages) is kept once. */
    public synchronized void add(Diagnostic diagnostic) {
        if (!seen.add(new Key(diagnostic.severity(), diagnostic.code(), diagnostic.at(), diagnostic.message()))) {
            return;
        }
        int count = diagnostic.isError() ? ++errors : ++warnings;
        if (count <= cap) {
            kept.add(diagnostic);
        }
    }

    public void error(String code, SourceSpan at, String message) {
        add(Diagnostic.error(code, at, message));
    }

    public void warning(String code, SourceSpan at, String message) {
        add(Diagnostic.warning(code, at, message));
    }

    public void addAll(Iterable<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    public synchronized boolean hasErrors() {
        return errors > 0;
    }

    public synchronized int errorCount() {
        return errors;
    }

    public synchronized int warningCount() {
        return warnings;
    }

    public int cap() {
        return cap;
    }

    /** The kept diagnostics in a stable order (by file, line, column); empty when none. */
    public synchronized List<Diagnostic> sorted() {
        var copy = new ArrayList<>(kept);
        copy.sort(Diagnostic.ORDER);
        return List.copyOf(copy);
    }

    /** What makes two diagnostics the same problem: everything but the trail of pages that met it. */
    private record Key(Severity severity, String code, SourceSpan at, String message) {
    }

    /** How many diagnostics were counted but not kept because of the cap. */
    public synchronized int dropped() {
        return Math.max(0, errors - cap) + Math.max(0, warnings - cap);
    }
}

package dev.patella.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in the content or templates.
 *
 * @param code    a stable identifier such as {@code yaml.unknown-key}, listed in the README
 * @param message what is wrong and how to fix it, in plain words
 * @param at      where the problem is
 * @param via     further positions that explain it (for example the template line that was
 *                rendering this content file), outermost last; never null
 */
public record Diagnostic(Severity severity, String code, String message, SourceSpan at, List<SourceSpan> via) {

    static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::at)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        via = List.copyOf(via);
    }

    public static Diagnostic error(String code, SourceSpan at, String message) {
        return new Diagnostic(Severity.ERROR, code, message, at, List.of());
    }

    public static Diagnostic warning(String code, SourceSpan at, String message) {
        return new Diagnostic(Severity.WARNING, code, message, at, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** This diagnostic with one more explaining position appended. */
    public Diagnostic via(SourceSpan outer) {
        var chain = new ArrayList<>(via);
        chain.add(outer);
        return new Diagnostic(severity, code, message, at, chain);
    }
}

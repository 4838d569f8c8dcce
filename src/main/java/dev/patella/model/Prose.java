package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * Markdown written by an editor, with where it starts so that problems inside it can be
 * reported at their own line. {@code lines} places a text that YAML gave as one string although
 * it was written over several lines, indented or joined: triples (offset in {@code markdown},
 * line, column), one for each line of the file it continues on; empty when its lines are the
 * file's own lines from {@code at} on (a Markdown body, a value on one line).
 */
public record Prose(String markdown, SourceSpan at, List<Integer> lines) {
    public Prose {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
    }

    public Prose(String markdown, SourceSpan at) {
        this(markdown, at, List.of());
    }

    public boolean isBlank() {
        return markdown.isBlank();
    }
}

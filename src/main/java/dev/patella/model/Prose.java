package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.Objects;

/**
 * Markdown written by an editor, with where it starts so that problems inside it can be
 * reported at their own line.
 */
public record Prose(String markdown, SourceSpan at) {
    public Prose {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(at, "at");
    }

    public boolean isBlank() {
        return markdown.isBlank();
    }
}

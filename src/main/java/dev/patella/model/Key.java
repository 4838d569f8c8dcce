package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.Objects;

/** A reference by name to another item (an exercise slug, a person or a source), where it was written. */
public record Key(String value, SourceSpan at) {
    public Key {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }
}

package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Objects;

/** A reference by name to another item (an exercise slug, a person or a source), where it was written. */
public record Key(String value, SourceSpan at) {
    public Key {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The names in a value that holds several written as one text, without the brackets of a list
     * ({@code exercises: semi-squat, clamshell} is the one name "semi-squat, clamshell"); empty when it
     * holds one name. No slug, id or code has a comma, so a comma always means this.
     */
    public List<String> several() {
        return several(value);
    }

    /** Like {@link #several()}, for any text. */
    public static List<String> several(String text) {
        if (text.indexOf(',') < 0) {
            return List.of();
        }
        List<String> names = List.of(text.trim().split("\\s*,\\s*"));
        return names.size() > 1 && names.stream().noneMatch(String::isBlank) ? names : List.of();
    }

    /** The fix for {@link #several()}: "write them as a list in square brackets, field: [a, b]". */
    public static String asList(String field, List<String> names) {
        return "write them as a list in square brackets: " + field + ": [" + String.join(", ", names) + "]";
    }
}

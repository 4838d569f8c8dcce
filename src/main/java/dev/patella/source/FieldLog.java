package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields the readers ask for while reading one file: the schema of the content format, as
 * the code really reads it. Tests generate their wrong values from it, so a field added to a
 * reader is tested without anyone listing it by hand.
 */
final class FieldLog {

    /** Keeps nothing: what an ordinary read uses. */
    static final FieldLog NONE = new FieldLog(false);

    /** What kind of value a field holds. */
    enum Kind {
        /** text or Markdown on one line or several */
        TEXT,
        /** a whole number from {@code min} to {@code max} */
        NUMBER,
        /** true or false */
        TRUTH,
        /** YYYY-MM-DD */
        DATE,
        /** one word of a fixed list */
        CHOICE,
        /** a list of text items */
        LIST,
        /** a list of a page's old addresses in the site, or old slugs ({@code moved_from}) */
        ADDRESSES,
        /** a nested group of key: value lines */
        MAPPING,
        /** a list of nested groups */
        MAPPINGS,
        /** a number or a range {@code min-max} of numbers up to {@code max} */
        RANGE,
        /** read by the reader's own rules */
        OTHER
    }

    /**
     * One field.
     *
     * @param path      the keys from the file's top down to the field; a list item is its index
     * @param required  whether it must be there and not empty
     * @param nonEmpty  whether a list must have at least one item
     * @param keyAt     where its key is written; empty when the file read does not have it
     * @param mappingAt where a missing key is reported: the mapping it belongs in
     */
    record Field(List<String> path, Kind kind, boolean required, boolean nonEmpty, int min, int max,
                 Optional<SourceSpan> keyAt, SourceSpan mappingAt) {
        String name() {
            return String.join(".", path);
        }
    }

    private final boolean on;
    private final Map<List<String>, Field> fields = new LinkedHashMap<>();

    private FieldLog(boolean on) {
        this.on = on;
    }

    /** A log that keeps every field it is told about. */
    static FieldLog recording() {
        return new FieldLog(true);
    }

    /** Notes a field; a field seen twice keeps its most specific kind and the strictest need. */
    void add(Field field) {
        if (!on) {
            return;
        }
        fields.merge(field.path(), field, (a, b) -> new Field(a.path(), a.kind() == Kind.OTHER ? b.kind() : a.kind(),
                a.required() || b.required(), a.nonEmpty() || b.nonEmpty(), a.kind() == Kind.OTHER ? b.min() : a.min(),
                a.kind() == Kind.OTHER ? b.max() : a.max(), a.keyAt().or(b::keyAt), a.mappingAt()));
    }

    /** The fields noted, in the order first asked for; empty for {@link #NONE}. */
    List<Field> fields() {
        return new ArrayList<>(fields.values());
    }
}

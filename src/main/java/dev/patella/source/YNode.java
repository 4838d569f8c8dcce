package dev.patella.source;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A YAML value with the position it was written at. */
sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    SourceSpan at();

    /** What an editor would call this kind of value, for error messages. */
    String kind();

    /** A mapping, keys in the order written. */
    record YMap(Map<String, Entry> entries, SourceSpan at) implements YNode {
        public YMap {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping (key: value lines)";
        }

        Optional<Entry> find(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    /** One {@code key: value} line of a mapping. */
    record Entry(String key, SourceSpan keyAt, YNode value) {
    }

    /** A list; {@code flow} when it was written in brackets, {@code [a, b]}, rather than as "- " lines. */
    record YList(List<YNode> items, SourceSpan at, boolean flow) implements YNode {
        public YList {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A single value. {@code text} is the value as written, without quotes; {@code lines} are where
     * its lines start in the file when it is written over several (see {@link TextPlaces}).
     */
    record YScalar(String text, Type type, SourceSpan at, List<Integer> lines) implements YNode {
        enum Type { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        YScalar(String text, Type type, SourceSpan at) {
            this(text, type, at, List.of());
        }

        /** The value as Markdown, placed in its file line by line. */
        Prose prose(String markdown) {
            return new Prose(markdown, at, lines);
        }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "text";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "true or false";
                case NULL -> "an empty value";
            };
        }

        boolean isNull() {
            return type == Type.NULL;
        }

        /**
         * A truth value's meaning: {@code true}, {@code yes} and {@code on} (in any case the YAML
         * reader accepts) are true, {@code false}, {@code no} and {@code off} false.
         */
        boolean truth() {
            String word = text.toLowerCase(Locale.ROOT);
            return word.equals("true") || word.equals("yes") || word.equals("on");
        }

        /** What the value says: a truth value as {@code true} or {@code false} however it was written, else its text. */
        String meaning() {
            return type == Type.BOOLEAN ? String.valueOf(truth()) : text;
        }

        /** Where the value's text starts: for a block ({@code |}, {@code >-}), on the line after its header. */
        SourceSpan textAt() {
            return lines.size() >= 3 && lines.get(0) == 0 ? new SourceSpan(at.file(), lines.get(1), lines.get(2)) : at;
        }
    }
}

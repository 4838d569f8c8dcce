package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Key;
import dev.patella.model.Prose;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping strictly: every key read is declared known, a missing
 * required key or a value of the wrong type is reported at its position, and {@link #finish()}
 * reports the keys nobody asked for, with the closest known key as a suggestion.
 *
 * <p>Getters return empty when the field is absent or wrong; the reason is already reported.
 */
final class Fields {

    private final YNode.YMap map;
    private final String what;
    private final Diagnostics diagnostics;
    private final Set<String> known = new LinkedHashSet<>();
    private boolean failed;

    /**
     * @param what names the mapping in messages, for example "exercise front matter"
     */
    Fields(YNode.YMap map, String what, Diagnostics diagnostics) {
        this.map = map;
        this.what = what;
        this.diagnostics = diagnostics;
    }

    /**
     * Reads {@code node} as a mapping; reports and returns empty when it is something else.
     */
    static Optional<Fields> of(YNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YNode.YMap m) {
            return Optional.of(new Fields(m, what, diagnostics));
        }
        diagnostics.error("schema.wrong-type", node.at(), "the " + what + " must be a mapping of key: value lines, "
                + "but this is " + node.kind());
        return Optional.empty();
    }

    /** Whether a required field was missing or any field had the wrong type. */
    boolean failed() {
        return failed;
    }

    SourceSpan at() {
        return map.at();
    }

    Optional<YNode> node(String key) {
        known.add(key);
        return map.find(key).map(YNode.Entry::value).filter(v -> !(v instanceof YNode.YScalar s && s.isNull()));
    }

    Optional<SourceSpan> keyAt(String key) {
        return map.find(key).map(YNode.Entry::keyAt);
    }

    /** A value that must be present: reports it missing otherwise. */
    Optional<YNode> required(String key) {
        Optional<YNode> value = node(key);
        if (value.isEmpty()) {
            failed = true;
            var at = keyAt(key).orElse(map.at());
            diagnostics.error("schema.missing-key", at, keyAt(key).isPresent()
                    ? "\"" + key + "\" is empty in the " + what + "; give it a value"
                    : "the " + what + " has no \"" + key + "\", which is required; add a line \"" + key + ": ...\"");
        }
        return value;
    }

    Optional<String> string(String key, boolean required) {
        return (required ? required(key) : node(key)).flatMap(n -> asText(key, n));
    }

    Optional<Prose> prose(String key, boolean required) {
        return (required ? required(key) : node(key))
                .flatMap(n -> asText(key, n).map(text -> new Prose(text, n.at())));
    }

    Optional<Integer> integer(String key, boolean required, int min, int max) {
        return (required ? required(key) : node(key)).flatMap(n -> {
            if (n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.INTEGER) {
                try {
                    int value = Integer.parseInt(s.text().replace("_", ""));
                    if (value >= min && value <= max) {
                        return Optional.of(value);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            return wrong(key, n, "a whole number from " + min + " to " + max);
        });
    }

    OptionalInt optionalInt(String key, int min, int max) {
        return integer(key, false, min, max).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.BOOLEAN
                ? Optional.of(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)))
                : wrong(key, n, "true or false"));
    }

    Optional<LocalDate> date(String key, boolean required) {
        return (required ? required(key) : node(key)).flatMap(n -> {
            if (n instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.STRING) {
                try {
                    return Optional.of(LocalDate.parse(s.text()));
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            return wrong(key, n, "a date written as YYYY-MM-DD, for example 2026-11-21");
        });
    }

    /** One of {@code choices} (case-insensitive); reports the allowed words otherwise. */
    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return required(key).flatMap(n -> {
            if (n instanceof YNode.YScalar s) {
                for (E option : type.getEnumConstants()) {
                    if (option.name().equalsIgnoreCase(s.text().trim())) {
                        return Optional.of(option);
                    }
                }
            }
            List<String> words = new ArrayList<>();
            for (E option : type.getEnumConstants()) {
                words.add(option.name().toLowerCase(java.util.Locale.ROOT));
            }
            return wrong(key, n, "one of: " + String.join(", ", words));
        });
    }

    /** A list of text items; a single text value is read as a list of one. Empty when absent. */
    List<String> strings(String key, boolean required) {
        return items(key, required).stream().map(Prose::markdown).toList();
    }

    /** A list of text items with their positions. Empty when absent. */
    List<Prose> items(String key, boolean required) {
        Optional<YNode> value = required ? required(key) : node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        YNode n = value.get();
        List<YNode> nodes = n instanceof YNode.YList list ? list.items() : List.of(n);
        List<Prose> out = new ArrayList<>();
        for (YNode item : nodes) {
            asText(key, item).ifPresent(text -> out.add(new Prose(text, item.at())));
        }
        if (required && out.isEmpty() && !failed) {
            failed = true;
            diagnostics.error("schema.missing-key", n.at(), "\"" + key + "\" is an empty list in the " + what
                    + "; add at least one item");
        }
        return out;
    }

    List<Key> keys(String key, boolean required) {
        return items(key, required).stream().map(p -> new Key(p.markdown().trim(), p.at())).toList();
    }

    Optional<Key> key(String key, boolean required) {
        return (required ? required(key) : node(key))
                .flatMap(n -> asText(key, n).map(text -> new Key(text.trim(), n.at())));
    }

    /** A nested mapping, read by its own {@link Fields}. */
    Optional<Fields> nested(String key, boolean required, String nestedWhat) {
        return (required ? required(key) : node(key)).flatMap(n -> {
            if (n instanceof YNode.YMap m) {
                return Optional.of(new Fields(m, nestedWhat, diagnostics));
            }
            return wrong(key, n, "a group of key: value lines indented under it");
        });
    }

    /** Reports a value that is well formed but not acceptable, at the value's position. */
    void invalid(String key, String message) {
        failed = true;
        var at = map.find(key).map(e -> e.value().at()).orElse(map.at());
        diagnostics.error("schema.invalid-value", at, message);
    }

    /** Reports every key nobody read, suggesting the closest known key. */
    void finish() {
        for (YNode.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                String suggestion = Suggestions.closest(entry.key(), known)
                        .map(k -> "; did you mean \"" + k + "\"?")
                        .orElse("; the known keys are: " + String.join(", ", known));
                diagnostics.error("schema.unknown-key", entry.keyAt(),
                        "unknown key \"" + entry.key() + "\" in the " + what + suggestion);
            }
        }
    }

    private Optional<String> asText(String key, YNode n) {
        if (n instanceof YNode.YScalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        return wrong(key, n, "text");
    }

    private <T> Optional<T> wrong(String key, YNode n, String expected) {
        failed = true;
        diagnostics.error("schema.wrong-type", n.at(), "\"" + key + "\" in the " + what + " must be " + expected
                + ", but it is " + describe(n));
        return Optional.empty();
    }

    private static String describe(YNode n) {
        if (n instanceof YNode.YScalar s && !s.isNull()) {
            return "\"" + (s.text().length() > 40 ? s.text().substring(0, 40) + "..." : s.text()) + "\"";
        }
        return n.kind();
    }
}

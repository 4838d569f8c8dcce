package dev.patella.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a translation can be, told by where it lies under {@code content/<code>/},
 * and how each kind's source is split into the parts that {@code translated_from} records, so that
 * a drift warning can say what changed.
 *
 * <p>Markdown kinds: each named part holds the listed front-matter fields; {@code text} is the
 * body; {@code other} holds every other field, except the editorial ones ({@link #NOT_TRANSLATED}),
 * which say who wrote and reviewed a page and when, not what it says. The glossary has one part per
 * term; the people one part per person, made of the fields a translation gives ({@link #people});
 * the settings one part per reader-facing field.
 */
enum TranslationKind {
    EXERCISE("exercises/", List.of("steps", "dose", "warnings", "text", "other"),
            Map.of("position", "steps", "steps", "steps", "dose", "dose", "stop_if", "warnings")),
    CONDITION("conditions/", List.of("program", "warnings", "text", "other"),
            Map.of("program", "program", "avoid", "warnings")),
    PAGE("pages/", List.of("text", "other"), Map.of()),
    GLOSSARY("glossary.yaml", List.of(), Map.of()),
    PEOPLE("people.yaml", List.of(), Map.of()),
    SETTINGS("site.yaml", List.of("title", "description", "intro", "disclaimer", "get_help"), Map.of());

    /** The field the stamp is written in. */
    static final String FIELD = "translated_from";
    /**
     * Fields a translation has of its own, never compared with the source's: a translation keeps the
     * old addresses of its source by itself when it has no {@code slug:} of its own.
     */
    static final Set<String> OWN = Set.of(FIELD, "slug", MovedFrom.FIELD);
    /** Fields that are not the page's words: a change to them does not make a translation stale. */
    static final Set<String> NOT_TRANSLATED = Set.of(FIELD, "slug", MovedFrom.FIELD, "draft", "author", "reviewer", "published",
            "reviewed", "review_due", "adapted_from");
    static final String TEXT = "text";
    static final String OTHER = "other";

    private final String where;
    private final List<String> parts;
    private final Map<String, String> partOf;

    TranslationKind(String where, List<String> parts, Map<String, String> partOf) {
        this.where = where;
        this.parts = parts;
        this.partOf = partOf;
    }

    /**
     * @param inside the file's path inside its language folder, such as {@code exercises/clamshell.md}
     * @return its kind; empty when no file there is a translation
     */
    static Optional<TranslationKind> of(String inside) {
        for (TranslationKind kind : values()) {
            if (kind.markdown() ? inside.startsWith(kind.where) && inside.endsWith(".md")
                    && inside.indexOf('/', kind.where.length()) < 0 && inside.length() > kind.where.length() + 3
                    : inside.equals(kind.where)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    boolean markdown() {
        return where.endsWith("/");
    }

    /** The folder (ending in /) or file name this kind lives at inside a language folder. */
    String where() {
        return where;
    }

    /** The parts of a Markdown kind or the settings, in the order the stamp lists them. */
    List<String> parts() {
        return parts;
    }

    /** @return the part a top-level field of a Markdown kind belongs to; empty when it is not compared */
    Optional<String> partOf(String field) {
        if (NOT_TRANSLATED.contains(field)) {
            return Optional.empty();
        }
        if (this == SETTINGS) {
            return parts.contains(field) ? Optional.of(field) : Optional.empty();
        }
        return Optional.of(partOf.getOrDefault(field, OTHER));
    }

    /**
     * The fields whose value is one word of a fixed few ({@code chain: open}), which the content
     * reader takes in any case, as it takes {@code per_side: Yes} for {@code true}; a field inside a
     * list is named without its item numbers ({@code program.phase}).
     */
    Set<String> choices() {
        return switch (this) {
            case EXERCISE -> Set.of("chain", "phase");
            case CONDITION -> Set.of("program.phase");
            default -> Set.of();
        };
    }

    /**
     * What {@code scalar} says: a truth value as {@code true} or {@code false}, a choice (see
     * {@link #choices}) in lower case, so that {@code chain: Open} says what {@code chain: open} does,
     * any other value as written.
     */
    static String said(YNode.YScalar scalar, boolean choice) {
        return choice && scalar.type() == YNode.YScalar.Type.STRING ? scalar.meaning().strip().toLowerCase(Locale.ROOT)
                : scalar.meaning();
    }

    /** Whether each top-level entry is one part, named by its key (a glossary term, a person). */
    boolean partPerEntry() {
        return this == GLOSSARY || this == PEOPLE;
    }

    /**
     * What of {@code root} a translation of this kind is compared with: for the people, each person
     * reduced to the fields a translation gives ({@link PeopleReader#TRANSLATED}, and the name of a
     * team or body), and only those
     * people {@code translation} has when it is given (a person left out keeps the source's words);
     * for every other kind, {@code root} itself.
     */
    YNode.YMap compared(YNode.YMap root, Optional<YNode.YMap> translation) {
        if (this != PEOPLE) {
            return root;
        }
        Map<String, YNode.Entry> out = new LinkedHashMap<>();
        for (YNode.Entry person : root.entries().values()) {
            if (OWN.contains(person.key()) || translation.isPresent()
                    && !translation.get().entries().containsKey(person.key())) {
                continue;
            }
            YNode value = person.value();
            if (value instanceof YNode.YMap fields) {
                Map<String, YNode.Entry> kept = new LinkedHashMap<>(fields.entries());
                boolean organization = fields.find("organization").map(YNode.Entry::value)
                        .filter(v -> v instanceof YNode.YScalar s && s.type() == YNode.YScalar.Type.BOOLEAN && s.truth())
                        .isPresent();
                kept.keySet().removeIf(field -> !PeopleReader.TRANSLATED.contains(field)
                        && !(organization && field.equals(PeopleReader.TRANSLATED_NAME)));
                value = new YNode.YMap(kept, fields.at());
            }
            out.put(person.key(), new YNode.Entry(person.key(), person.keyAt(), value));
        }
        return new YNode.YMap(out, root.at());
    }
}

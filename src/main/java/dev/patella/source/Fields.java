package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.model.Key;
import dev.patella.model.Prose;
import dev.patella.model.RepRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the fields of one YAML mapping strictly: every key read is declared known, a missing
 * required key or a value of the wrong kind is reported at its position, and {@link #finish()}
 * reports the keys nobody asked for, with the closest known key as a suggestion.
 *
 * <p>Every problem found while reading a mapping, or any mapping nested in it, marks the whole
 * read as failed, and {@link #build} then gives nothing: a record is made only from fields that
 * were all read correctly. Getters of optional fields return empty when the field is absent or
 * wrong; getters of required fields ({@code required…}, {@link #choice}) return a neutral
 * stand-in when it is missing or wrong, which {@link #build} never lets out. Either way the
 * reason is already reported.
 */
final class Fields {

    /** Whether one read found a problem; shared by a mapping and the mappings read inside it. */
    private static final class Outcome {
        private boolean failed;
    }

    private final YNode.YMap map;
    private final SourceSpan at;
    private final String what;
    private final Diagnostics diagnostics;
    private final Outcome outcome;
    /** A stand-in for a mapping that was missing or wrong (already reported): it reports nothing. */
    private final boolean standIn;
    /** The keys from the top of the file down to this mapping, for the {@link FieldLog}. */
    private final List<String> path;
    private final FieldLog log;
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, SourceSpan> missing = new LinkedHashMap<>();
    private boolean finished;
    private boolean unknownKeys;
    /** The mappings read inside this one, by their keys: a key of theirs written at this one's margin is theirs. */
    private final Map<String, Fields> groups = new LinkedHashMap<>();
    /** The mapping this one is read inside, and its key there; null for a file's top mapping or a list's item. */
    private Fields parent;
    private String keyInParent;

    /**
     * @param what names the mapping in messages, for example "exercise front matter"
     */
    Fields(YNode.YMap map, String what, Diagnostics diagnostics) {
        this(map, what, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #Fields(YNode.YMap, String, Diagnostics)}, noting every field asked for in {@code log}. */
    Fields(YNode.YMap map, String what, Diagnostics diagnostics, FieldLog log) {
        this(map, map.at(), what, diagnostics, new Outcome(), false, List.of(), log);
    }

    private Fields(YNode.YMap map, SourceSpan at, String what, Diagnostics diagnostics, Outcome outcome,
                   boolean standIn, List<String> path, FieldLog log) {
        this.path = path;
        this.log = log;
        this.map = map;
        this.at = at;
        this.what = what;
        this.diagnostics = diagnostics;
        this.outcome = outcome;
        this.standIn = standIn;
    }

    /**
     * Reads {@code node} as a mapping of its own (its problems do not fail any other read);
     * reports and returns empty when it is something else.
     */
    static Optional<Fields> of(YNode node, String what, Diagnostics diagnostics, FieldLog log) {
        if (node instanceof YNode.YMap m) {
            return Optional.of(new Fields(m, what, diagnostics, log));
        }
        diagnostics.error("schema.wrong-type", node.at(), "the " + what + " must be a mapping of key: value lines, "
                + "but this is " + node.kind());
        return Optional.empty();
    }

    /** Whether anything read through this mapping, or a mapping read inside it, was wrong. */
    boolean failed() {
        return outcome.failed;
    }

    SourceSpan at() {
        return at;
    }

    /** What this mapping is called in messages, for example "exercise front matter". */
    String what() {
        return what;
    }

    /**
     * Finishes the mapping (see {@link #finish()}) and makes the record from what was read.
     *
     * @return the record, or empty when any field of this read was missing or wrong (reported);
     *         {@code make} is not called then
     */
    <T> Optional<T> build(Supplier<T> make) {
        finish();
        return failed() ? Optional.empty() : Optional.of(make.get());
    }

    // ---- problems ----

    /** Reports a problem found by a reader's own check; the read fails. */
    void error(String code, SourceSpan where, String message) {
        outcome.failed = true;
        if (!standIn) {
            diagnostics.error(code, where, message);
        }
    }

    /** Reports a warning; the read does not fail. */
    void warning(String code, SourceSpan where, String message) {
        if (!standIn) {
            diagnostics.warning(code, where, message);
        }
    }

    /** Reports a value that is well formed but not acceptable, at the value's position. */
    void invalid(String key, String message) {
        error("schema.invalid-value", map.find(key).map(e -> e.value().at()).orElse(at), message);
    }

    // ---- raw values ----

    Optional<YNode> node(String key) {
        declare(key, FieldLog.Kind.OTHER, false, false, 0, 0);
        known.add(key);
        return map.find(key).map(YNode.Entry::value).filter(v -> !(v instanceof YNode.YScalar s && s.isNull()));
    }

    Optional<SourceSpan> keyAt(String key) {
        return map.find(key).map(YNode.Entry::keyAt);
    }

    /**
     * Where the value of {@code key} starts, as the parser gives it; unlike {@link #valueAt}, the
     * same for a document taken from the parse cache, so a record holding it compares equal.
     */
    Optional<SourceSpan> valueStart(String key) {
        return map.find(key).map(entry -> entry.value().at());
    }

    /** Where the value of {@code key} is written, for a mistake in the value itself. */
    Optional<SourceSpan> valueAt(String key) {
        return map.find(key).map(entry -> entry.value() instanceof YNode.YScalar s ? s.textAt() : entry.value().at());
    }

    /**
     * A value that must be present. An empty value is reported at its key; a missing key is
     * reported by {@link #finish()}, unless an unknown key there is a misspelling of it.
     */
    Optional<YNode> required(String key) {
        declare(key, FieldLog.Kind.OTHER, true, false, 0, 0);
        Optional<YNode> value = node(key);
        if (value.isEmpty()) {
            outcome.failed = true;
            keyAt(key).ifPresentOrElse(written -> error("schema.missing-key", written, "\"" + key
                    + "\" is empty in the " + what + "; give it a value"), () -> missing.putIfAbsent(key, at));
        }
        return value;
    }

    // ---- text ----

    Optional<String> string(String key, boolean required) {
        declare(key, FieldLog.Kind.TEXT, required, false, 0, 0);
        if (required) {
            return Optional.of(requiredText(key)).filter(t -> !t.isEmpty());
        }
        Optional<String> text = node(key).flatMap(n -> asText(key, n)).filter(t -> !t.isBlank());
        text.ifPresent(t -> noteShown(key, t, keyAt(key).orElse(at)));
        return text;
    }

    /**
     * Warns of an editor's note ({@code <!-- -->}) in a text used as written, not as Markdown (a name,
     * an alternative text, an item of {@code other_names}): readers would see it there, while a note
     * in Markdown is dropped. A YAML comment is the note such a value can have.
     */
    private void noteShown(String key, String text, SourceSpan where) {
        int note = text.indexOf("<!--");
        if (note >= 0) {
            warning("markdown.in-plain-text", where, "\"" + key + "\" is text used as written, so the note \""
                    + noteStart(text.substring(note)) + "\" would be shown to readers; take it out, and write it on a "
                    + "line of its own above \"" + key + ":\" as a YAML comment (# " + noteWords(text.substring(note))
                    + ")");
        }
    }

    /**
     * A title or summary: text that must be there, shown as written (in cards, search results, the
     * page's description), so Markdown in it is warned of rather than shown as stars and brackets.
     */
    String plainText(String key) {
        String text = textAsWritten(key);
        Matcher markup = MARKUP.matcher(text);
        int note = text.indexOf("<!--");
        if (note >= 0) {
            SourceSpan where = keyAt(key).orElse(at);
            warning("markdown.in-plain-text", where, "\"" + key + "\" is plain text, shown as written in lists, "
                    + "search results and the page's description, so the note \"" + noteStart(text.substring(note))
                    + "\" would be shown to readers; take it out, and write it on a line of its own above \"" + key
                    + ":\" as a YAML comment (# " + noteWords(text.substring(note)) + "), or in the text below the "
                    + "front matter");
        } else if (markup.find()) {
            SourceSpan where = keyAt(key).orElse(at);
            warning("markdown.in-plain-text", where, "\"" + key + "\" is plain text, shown as written in lists, "
                    + "search results and the page's description, so \"" + markup.group() + "\" would show as it is; "
                    + "write it without Markdown, and put links, citations and emphasis in the page's text");
        }
        int length = text.codePointCount(0, text.length());
        Integer shown = SHOWN.get(key);
        if (shown != null && length > shown) {
            warning("schema.too-long", keyAt(key).orElse(at), "\"" + key + "\" is " + length + " characters long, and "
                    + (key.equals("title") ? "search results and browser tabs show about the first 60 of a title"
                            : "search results show about the first 155 of a page's description")
                    + " and cut the rest; shorten it to " + shown + " characters or fewer"
                    + (key.equals("title") ? ", and say the rest in the summary" : ", one or two short sentences"));
        }
        return text;
    }

    /**
     * The longest title and summary that search results and browser tabs show whole (about 60 and
     * 155 characters; a little more is allowed, as the cut depends on the letters' widths).
     */
    private static final Map<String, Integer> SHOWN = Map.of("title", 70, "summary", 160);

    /** The first words of a note, up to its end or 40 characters. */
    private static String noteStart(String note) {
        int close = note.indexOf("-->");
        String shown = close < 0 ? note : note.substring(0, close + 3);
        return shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
    }

    /** What a note says, without its marks, for the YAML comment to write instead. */
    private static String noteWords(String note) {
        int close = note.indexOf("-->");
        String words = (close < 0 ? note.substring(4) : note.substring(4, close)).strip().replaceAll("\\s+", " ");
        return words.isEmpty() ? "note" : words.length() > 40 ? words.substring(0, 40) + "..." : words;
    }

    /** Markdown that a plain text would show as it is: strong emphasis, a link, a citation, code. */
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|__|\\]\\(|\\[@|`");

    /** Text that must be there and not blank; "" when it is not (reported). A note in it is warned of. */
    String requiredText(String key) {
        String text = textAsWritten(key);
        noteShown(key, text, keyAt(key).orElse(at));
        return text;
    }

    private String textAsWritten(String key) {
        declare(key, FieldLog.Kind.TEXT, true, false, 0, 0);
        return required(key).flatMap(n -> asText(key, n).flatMap(text -> nonBlank(key, n, text))).orElse("");
    }

    Optional<Prose> prose(String key, boolean required) {
        declare(key, FieldLog.Kind.TEXT, required, false, 0, 0);
        if (required) {
            return Optional.of(requiredProse(key));
        }
        return node(key).flatMap(n -> asText(key, n).filter(t -> !t.isBlank()).map(text -> prose(n, text)));
    }

    /** Markdown that must be there and not blank; blank prose at the mapping when it is not (reported). */
    Prose requiredProse(String key) {
        declare(key, FieldLog.Kind.TEXT, true, false, 0, 0);
        return required(key).flatMap(n -> asText(key, n).flatMap(text -> nonBlank(key, n, text))
                .map(text -> prose(n, text))).orElse(new Prose("", at));
    }

    // ---- numbers, truth values, dates, choices ----

    Optional<Integer> integer(String key, boolean required, int min, int max) {
        declare(key, FieldLog.Kind.NUMBER, required, false, min, max);
        return (required ? required(key) : node(key)).flatMap(n -> Scalars.integer(this, key, n, min, max, false));
    }

    /** A whole number from {@code min} to {@code max} that must be there; {@code min} when it is not (reported). */
    int requiredInt(String key, int min, int max) {
        return integer(key, true, min, max).orElse(min);
    }

    /** A whole number that may be left out, which is how an editor says there is none (no hold). */
    OptionalInt optionalInt(String key, int min, int max) {
        declare(key, FieldLog.Kind.NUMBER, false, false, min, max);
        return node(key).flatMap(n -> Scalars.integer(this, key, n, min, max, true)).map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    Optional<Boolean> bool(String key) {
        declare(key, FieldLog.Kind.TRUTH, false, false, 0, 0);
        return node(key).flatMap(n -> Scalars.truth(this, key, n));
    }

    /** true or false, and it must be there; false when it is not (reported). */
    boolean requiredBool(String key) {
        declare(key, FieldLog.Kind.TRUTH, true, false, 0, 0);
        return required(key).flatMap(n -> Scalars.truth(this, key, n)).orElse(false);
    }

    Optional<LocalDate> date(String key, boolean required) {
        declare(key, FieldLog.Kind.DATE, required, false, 0, 0);
        return (required ? required(key) : node(key)).flatMap(n -> Scalars.date(this, key, n));
    }

    /** A date that must be there; the first day of 1970 when it is not (reported). */
    LocalDate requiredDate(String key) {
        return date(key, true).orElse(LocalDate.EPOCH);
    }

    /** One of the constants of {@code type} (case-insensitive), required; the first constant when not (reported). */
    <E extends Enum<E>> E choice(String key, Class<E> type) {
        declare(key, FieldLog.Kind.CHOICE, true, false, 0, 0);
        return required(key).flatMap(n -> Scalars.choice(this, key, n, type)).orElse(type.getEnumConstants()[0]);
    }

    /**
     * A number of repetitions: one number, or a range written {@code 10-15}, from 1 to {@code max}.
     * Empty when absent or wrong (reported).
     */
    Optional<RepRange> range(String key, boolean required, int max) {
        declare(key, FieldLog.Kind.RANGE, required, false, 1, max);
        return (required ? required(key) : node(key)).flatMap(n -> Scalars.range(this, key, n, max));
    }

    // ---- lists and keys ----

    /** A list of text items; a single text value is read as a list of one. Empty when absent. */
    List<String> strings(String key, boolean required) {
        List<Prose> items = items(key, required);
        items.forEach(item -> noteShown(key, item.markdown(), item.at()));
        return items.stream().map(Prose::markdown).toList();
    }

    /**
     * A list of sentences or phrases with their positions; a single text value is read as a list
     * of one. Empty when absent. A list written in brackets whose items look like one sentence
     * split at a comma gets a warning.
     */
    List<Prose> items(String key, boolean required) {
        List<Prose> out = list(key, required);
        map.find(key).map(YNode.Entry::value).ifPresent(n -> {
            ListChecks.mergedItems(key, n, this);
            ListChecks.splitSentences(key, n, this);
        });
        return out;
    }

    /**
     * Like {@link #items}, for a list of sentences (steps, warning signs) or, with {@code byCommas}, of
     * short phrases (symptoms): one text that holds several of them is reported, as it would reach the
     * page as one item.
     */
    List<Prose> sentences(String key, boolean required, boolean byCommas) {
        int errors = diagnostics.errorCount();
        List<Prose> out = items(key, required);
        if (diagnostics.errorCount() == errors) { // a list already told it ran together (1. ... 2. ...) is told once
            map.find(key).map(YNode.Entry::value).ifPresent(n -> ListChecks.oneText(key, n, required, byCommas, this));
        }
        return out;
    }

    /** A list of names of other items (slugs, ids, source keys). Empty when absent. */
    List<Key> keys(String key, boolean required) {
        return list(key, required).stream().map(p -> new Key(p.markdown().trim(), p.at())).toList();
    }

    /**
     * An optional list of a page's old addresses, each with its position, as written: what each may
     * be is {@link MovedFrom}'s to say. Empty when absent.
     */
    List<Key> addresses(String key) {
        declare(key, FieldLog.Kind.ADDRESSES, false, false, 0, 0);
        return node(key).map(n -> listOf(key, false, n)).orElse(List.of()).stream()
                .map(p -> new Key(p.markdown().trim(), p.at())).toList();
    }

        Optional<Key> key(String key, boolean required) {
        declare(key, FieldLog.Kind.TEXT, required, false, 0, 0);
        if (required) {
            return Optional.of(requiredKey(key));
        }
        return node(key).flatMap(n -> asText(key, n).filter(t -> !t.isBlank()).map(text -> new Key(text.trim(), n.at())));
    }

    /** The name of another item, required; an empty name when it is missing (reported). */
    Key requiredKey(String key) {
        declare(key, FieldLog.Kind.TEXT, true, false, 0, 0);
        return required(key).flatMap(n -> asText(key, n).flatMap(text -> nonBlank(key, n, text))
                .map(text -> new Key(text.trim(), n.at()))).orElse(new Key("", at));
    }

    private List<Prose> list(String key, boolean required) {
        declare(key, FieldLog.Kind.LIST, required, required, 0, 0);
        return (required ? required(key) : node(key)).map(n -> listOf(key, required, n)).orElse(List.of());
    }

    private List<Prose> listOf(String key, boolean required, YNode n) {
        if (n instanceof YNode.YMap) {
            wrong(key, n, "a list, written [first, second] or as lines starting with \"- \"");
            return List.of();
        }
        if (n instanceof YNode.YScalar s && (s.isNull() || s.text().isBlank())) {
            // "equipment:" with nothing after it is a list left empty, not a list of one empty item
            SourceSpan where = keyAt(key).orElse(n.at());
            error("schema.missing-key", where, required
                    ? "\"" + key + "\" in the " + what + " has no items; list them on the lines below it, each "
                    + "starting with \"- \""
                    : "\"" + key + "\" in the " + what + " is an empty list; write \"" + key + ": []\" when there is "
                    + "nothing to list, or list the items on the lines below it, each starting with \"- \"");
            return List.of();
        }
        if (n instanceof YNode.YScalar s && s.type() != YNode.YScalar.Type.STRING) {
            // "steps: 7", "equipment: no": a number or a yes/no is no list of one (it would show as "1. 7")
            error("schema.wrong-type", n.at(), "\"" + key + "\" in the " + what + " must be a list, with each item on a "
                    + "line of its own under \"" + key + ":\", starting with \"- \"" + (required ? ""
                    : " (\"" + key + ": []\" when there is nothing to list)") + ", but it is " + s.kind() + ": "
                    + s.text());
            return List.of();
        }
        List<YNode> nodes = n instanceof YNode.YList list ? list.items() : List.of(n);
        List<Prose> out = new ArrayList<>();
        for (YNode item : nodes) {
            if (item instanceof YNode.YScalar s && (s.isNull() || s.text().isBlank())) {
                error("schema.missing-key", item.at(), "an item of \"" + key + "\" in the " + what
                        + " is empty; write the item or remove it");
                continue;
            }
            asItemText(key, item).ifPresent(text -> out.add(prose(item, text)));
        }
        if (required && nodes.isEmpty()) {
            error("schema.missing-key", n.at(), "\"" + key + "\" is an empty list in the " + what
                    + "; add at least one item");
        }
        return out;
    }

    // ---- nested mappings ----

    /** An optional nested mapping, read as part of this one. Empty when absent or wrong (reported). */
    Optional<Fields> nested(String key, boolean required, String nestedWhat) {
        declare(key, FieldLog.Kind.MAPPING, required, false, 0, 0);
        if (required) {
            return Optional.of(requiredNested(key, nestedWhat));
        }
        return node(key).flatMap(n -> asMapping(key, n, nestedWhat));
    }

    /**
     * Like {@link #nested(String, boolean, String)}, optional, and a value that is not a group is
     * told how to write it: {@code example} makes the line to write from the value as written
     * ({@code issued: 2018} is told {@code issued: {date-parts: [[2018]]}}).
     */
    Optional<Fields> nested(String key, String nestedWhat, Function<YNode, String> example) {
        declare(key, FieldLog.Kind.MAPPING, false, false, 0, 0);
        return node(key).flatMap(n -> n instanceof YNode.YMap ? asMapping(key, n, nestedWhat)
                : wrong(key, n, "a group of key: value lines indented under it, or one line written "
                + example.apply(n)));
    }

    /**
     * A nested mapping that must be there, read as part of this one. When it is missing or not a
     * mapping (reported), a stand-in that reports nothing more.
     */
    Fields requiredNested(String key, String nestedWhat) {
        declare(key, FieldLog.Kind.MAPPING, true, false, 0, 0);
        return required(key).flatMap(n -> asMapping(key, n, nestedWhat))
                .orElseGet(() -> standIn(at, nestedWhat, key));
    }

    /**
     * A list of nested mappings, each read as part of this one: a problem in any of them fails
     * this read too. Empty when absent or wrong (reported); an item that is not a mapping is
     * reported and left out.
     *
     * @param hint how an item starts, for messages, for example {@code "- phase: early"}
     */
    List<Fields> elements(String key, boolean required, String elementWhat, String hint) {
        return elements(key, required, elementWhat, hint, false);
    }

    /**
     * Like {@link #elements}, but each item is a read of its own: a problem in one item leaves out
     * only that item.
     */
    List<Fields> separateElements(String key, boolean required, String elementWhat, String hint) {
        return elements(key, required, elementWhat, hint, true);
    }

    private List<Fields> elements(String key, boolean required, String elementWhat, String hint, boolean separate) {
        declare(key, FieldLog.Kind.MAPPINGS, required, required, 0, 0);
        return (required ? required(key) : node(key))
                .map(value -> elementsOf(key, required, elementWhat, hint, separate, value)).orElse(List.of());
    }

    private List<Fields> elementsOf(String key, boolean required, String elementWhat, String hint, boolean separate,
                                    YNode value) {
        if (!(value instanceof YNode.YList list)) {
            wrong(key, value, "a list of " + elementWhat + "s, each starting with \"" + hint + "\"");
            return List.of();
        }
        if (required && list.items().isEmpty()) {
            error("schema.missing-key", list.at(), "\"" + key + "\" is an empty list in the " + what
                    + "; add at least one " + elementWhat + ", starting with \"" + hint + "\"");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            List<String> itemPath = append(append(path, key), Integer.toString(i));
            if (item instanceof YNode.YMap m) {
                out.add(new Fields(m, m.at(), elementWhat, diagnostics, separate ? new Outcome() : outcome, standIn,
                        itemPath, log));
            } else {
                error("schema.wrong-type", item.at(), "each item of \"" + key + "\" must be a " + elementWhat
                        + " (key: value lines starting with \"" + hint + "\"), but this one is " + item.kind());
            }
        }
        return out;
    }

    /**
     * The value of one key of this mapping, read as a mapping of its own: its problems fail
     * neither this read nor the others. For files that map names to records, like people.yaml.
     *
     * @return empty when the value is not a mapping (reported)
     */
    Optional<Fields> separateEntry(YNode.Entry entry, String entryWhat) {
        known.add(entry.key());
        if (entry.value() instanceof YNode.YMap m) {
            return Optional.of(new Fields(m, entry.keyAt(), entryWhat, diagnostics, new Outcome(), standIn,
                    append(path, entry.key()), log));
        }
        diagnostics.error("schema.wrong-type", entry.value().at(), "the " + entryWhat + " must be a group of "
                + "key: value lines indented under it, but this is " + entry.value().kind());
        return Optional.empty();
    }

    private Fields standIn(SourceSpan where, String standInWhat, String key) {
        return new Fields(new YNode.YMap(Map.of(), where), where, standInWhat, diagnostics, outcome, true,
                append(path, key), FieldLog.NONE);
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return List.copyOf(out);
    }

    private void declare(String key, FieldLog.Kind kind, boolean required, boolean nonEmpty, int min, int max) {
        log.add(new FieldLog.Field(append(path, key), kind, required, nonEmpty, min, max, keyAt(key), at));
    }

    private Optional<Fields> asMapping(String key, YNode n, String nestedWhat) {
        if (n instanceof YNode.YMap m) {
            SourceSpan nestedAt = keyAt(key).orElse(m.at());
            var nested = new Fields(m, nestedAt, nestedWhat, diagnostics, outcome, standIn, append(path, key), log);
            nested.parent = this;
            nested.keyInParent = key;
            groups.put(key, nested);
            return Optional.of(nested);
        }
        return wrong(key, n, "a group of key: value lines indented under it");
    }

    // ---- the end ----

    /**
     * Reports the required keys that are missing and every key nobody read, suggesting the
     * closest known key. A misspelt required key is one problem, reported once, at the misspelling.
     */
    void finish() {
        if (finished || standIn) {
            finished = true;
            return;
        }
        finished = true;
        long unknown = map.entries().keySet().stream().filter(k -> !known.contains(k)).count();
        for (YNode.Entry entry : map.entries().values()) {
            if (known.contains(entry.key())) {
                continue;
            }
            unknownKeys = true;
            // a key spelt close to a known one is that key; failing that, one unknown key where one
            // required key is missing is most likely that key renamed (refs: for references:)
            Optional<String> inGroup = groups.values().stream().filter(g -> g.known.contains(entry.key()))
                    .findFirst().flatMap(g -> g.leftOf(entry));
            if (inGroup.isPresent()) {
                diagnostics.error("schema.unknown-key", entry.keyAt(), inGroup.get());
                continue;
            }
            Optional<String> closest = Suggestions.closest(entry.key(), known).or(() -> unknown == 1
                    && missing.size() == 1 ? Optional.of(missing.keySet().iterator().next()) : Optional.empty());
            String suggestion = closest.map(k -> "; did you mean \"" + k + "\"?"
                            + (missing.containsKey(k) ? " (\"" + k + "\" is required)" : ""))
                    .orElse("; the known keys are: " + String.join(", ", known));
            closest.ifPresent(missing::remove);
            if (entry.key().indexOf('\u00A0') >= 0) {
                // pasted from a word processor: the key looks right, but YAML reads the space as a letter
                suggestion = "; it holds a non-breaking space (U+00A0), which YAML reads as part of the key, not as "
                        + "a space: delete it and type an ordinary space" + closest.map(k -> " (the key \"" + k + "\")")
                        .orElse("");
            }
            diagnostics.error("schema.unknown-key", entry.keyAt(),
                    "unknown key \"" + entry.key() + "\" in the " + what + suggestion);
        }
        if (parent != null) {
            // "reps:" at the file's margin under "dose:": the key is there, outside its group
            missing.keySet().removeIf(key -> parent.map.find(key).filter(e -> !parent.known.contains(key))
                    .flatMap(this::leftOf).map(message -> {
                        outcome.failed = true;
                        diagnostics.error("schema.missing-key", parent.map.find(key).get().keyAt(), message);
                        parent.known.add(key);
                        return true;
                    }).orElse(false));
        }
        if (missing.size() >= MANY_MISSING) {
            diagnostics.error("schema.missing-key", missing.values().iterator().next(), "the " + what + " lacks "
                    + missing.size() + " required fields: \"" + String.join("\", \"", missing.keySet()) + "\""
                    + "; add a line \"key: ...\" for each" + starter());
            return;
        }
        missing.forEach((key, where) -> diagnostics.error("schema.missing-key", where,
                "the " + what + " has no \"" + key + "\", which is required; add a line \"" + key + ": ...\""));
    }

    /**
     * What to say of {@code entry}, a key of this mapping written in its parent, left of this
     * mapping's keys; empty when it is not left of them.
     */
    private Optional<String> leftOf(YNode.Entry entry) {
        if (parent == null || map.entries().isEmpty()) {
            return Optional.empty();
        }
        YNode.Entry first = map.entries().values().iterator().next();
        int by = first.keyAt().column() - entry.keyAt().column();
        if (by <= 0) {
            return Optional.empty();
        }
        return Optional.of("\"" + entry.key() + "\" is a key of \"" + keyInParent + "\" above, but it starts left of "
                + "that group's keys, so YAML reads it as a key of its own; indent it by " + by
                + (by == 1 ? " space" : " spaces") + ", in the same column as \"" + first.key() + "\"");
    }

    /** As many required fields missing as this are one mistake: a file started by hand, not from a scaffold. */
    private static final int MANY_MISSING = 4;

    /** A file {@code patella new} can write, with every field filled in as an example. */
    private static final Pattern SCAFFOLDED = Pattern.compile("content/(exercise|condition|page)s/([a-z0-9-]+)\\.md");

    /** Where to find every field of this file written out: the file {@code patella new} makes, if it makes one. */
    private String starter() {
        Matcher file = SCAFFOLDED.matcher(at.file().replace('\\', '/'));
        if (!file.matches() || !what.equals(file.group(1) + " front matter")) {
            return "";
        }
        return ", or copy them from the file that bin/patella new " + file.group(1) + " " + file.group(2)
                + " writes, with an example in each (rename this file first: that command does not replace one)";
    }

    /** Whether {@link #finish()} found keys nobody asked for (reported). */
    boolean hadUnknownKeys() {
        return unknownKeys;
    }

    // ---- conversions ----

    /** {@code text}, read from {@code n}, as Markdown placed in the file line by line. */
    private static Prose prose(YNode n, String text) {
        return n instanceof YNode.YScalar s ? s.prose(text) : new Prose(text, n.at());
    }

    private Optional<String> asText(String key, YNode n) {
        if (n instanceof YNode.YScalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        return wrong(key, n, "text");
    }

    private Optional<String> asItemText(String key, YNode n) {
        if (n instanceof YNode.YScalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        if (n instanceof YNode.YMap map && map.entries().size() == 1) {
            // "- Tip: keep your ankles together." is a sentence with a colon, which YAML reads as "key: value"
            var entry = map.entries().values().iterator().next();
            String start = entry.key();
            String rest = entry.value() instanceof YNode.YScalar s ? s.text() : "…";
            String item = start + ": " + rest;
            // wrapped in curly quotes, as a word processor types them: the quotes were meant for YAML
            boolean curly = CurlyQuotes.wrap(item);
            String quoted = curly ? CurlyQuotes.straightened(item) : CurlyQuotes.quoted(item);
            error("schema.wrong-type", n.at(), "this item of \"" + key + "\" holds a colon and a space after \""
                    + start + "\", which YAML reads as \"key: value\", not as text; "
                    + (curly ? "type straight quotes instead of the curly ones, which YAML does not read as "
                    + "quotes: - " + quoted : "put the whole item in quotes: - " + quoted));
            return Optional.empty();
        }
        error("schema.wrong-type", n.at(), "each item of \"" + key + "\" in the " + what + " must be text, but this "
                + "one is " + n.kind() + "; write one item per line after \"- \"");
        return Optional.empty();
    }

    private Optional<String> nonBlank(String key, YNode n, String text) {
        if (text.isBlank()) {
            error("schema.missing-key", n.at(), "\"" + key + "\" is empty in the " + what + "; give it a value");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Reports a value of the wrong kind at its position; the read fails. */
    <T> Optional<T> wrong(String key, YNode n, String expected) {
        error("schema.wrong-type", n.at(), "\"" + key + "\" in the " + what + " must be " + expected
                + ", but it is " + describe(n));
        return Optional.empty();
    }

    private static String describe(YNode n) {
        if (n instanceof YNode.YScalar s && !s.isNull() && s.text().isBlank()) {
            return "empty"; // "sets:" with nothing after it, which "but it is \"\"" said badly
        }
        if (n instanceof YNode.YScalar s && !s.isNull()) {
            return "\"" + (s.text().length() > 40 ? s.text().substring(0, 40) + "..." : s.text()) + "\"";
        }
        return n.kind();
    }
}

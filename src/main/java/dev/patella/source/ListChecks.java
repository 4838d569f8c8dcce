package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists of sentences that are valid YAML but probably not what the editor meant: items run
 * together (an error) or one sentence split in two (a warning).
 *
 * <p>In a list written in brackets a comma separates items, so {@code [Slide lower, to about 60
 * degrees.]} is two items, "Slide lower" and "to about 60 degrees.". A sentence list whose item
 * starts in lower case and ends a sentence, right after an item that does not end one, was most
 * likely one sentence split at its comma.
 */
final class ListChecks {

    static final String MERGED = "schema.merged-items";
    /** A forgotten "- ": a dash right before a word ("-Keep"), not before a number or another dash ("-5", "--"). */
    private static final Pattern DASHED = Pattern.compile("-[\\p{L}\u00A0]");
    /** The first and the second line of a numbered list. */
    private static final Pattern FIRST = Pattern.compile("1[.)] ");
    private static final Pattern SECOND = Pattern.compile("2[.)] ");

    /** A bullet a word processor types, or a dash that is not the hyphen YAML reads, then a space. */
    private static final Pattern BULLET = Pattern.compile("([\u2022\u25E6\u25AA\u2023\u00B7\u2219\u2013\u2014\u2212*+])[ \u00A0]");

    /** Where one sentence ends and the next begins: ". " then a capital letter. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\\[*_])");
    static final String ONE_TEXT = "schema.one-text-list";

    private ListChecks() {
    }

    /**
     * A list given as one text that holds several items: {@code steps: Keep your ankles together. Lift
     * your top knee.} is a list of one step, shown as one numbered step with two actions. Several
     * sentences, or for a list of short phrases ({@code byCommas}) three or more parts between commas,
     * are reported with the list to write: an error for a list the page needs, a warning for another.
     */
    static void oneText(String key, YNode value, boolean required, boolean byCommas, Fields fields) {
        if (!(value instanceof YNode.YScalar scalar) || scalar.isNull()) {
            return;
        }
        String text = scalar.text().strip();
        List<String> items = List.of(SENTENCE_END.split(text));
        String what = "sentences";
        if (items.size() < 2 && byCommas) {
            items = List.of(text.split("\\s*,\\s*"));
            what = items.size() >= 3 && items.stream().noneMatch(String::isBlank) ? "parts between commas" : what;
            items = what.equals("sentences") ? List.of(text)
                    : items.stream().map(i -> i.substring(0, 1).toUpperCase(Locale.ROOT) + i.substring(1)).toList();
        }
        if (items.size() < 2) {
            return;
        }
        String message = "\"" + key + "\" is one text holding " + items.size() + " " + what + ", so the page would "
                + "show them as one item; write each item on a line of its own starting with \"- \", under \"" + key
                + ":\", as in: \"- " + items.get(0) + "\" then \"- " + items.get(1) + "\"";
        if (required) {
            fields.error(MERGED, scalar.at(), message);
        } else {
            fields.warning(ONE_TEXT, scalar.at(), message);
        }
    }

    /** The bullet that {@code line} (without its indent) starts with, if any: "•" of "• Lift the leg". */
    static Optional<String> bullet(String line) {
        return bullet(line, 0);
    }

    /** The bullet that {@code text} starts with at {@code from}, if any (no copy of the rest of the text made). */
    static Optional<String> bullet(String text, int from) {
        Matcher m = BULLET.matcher(text).region(from, text.length());
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** What to tell an editor whose list item starts with {@code bullet} rather than "- ", and so {@code read}. */
    static String bulletMessage(String bullet, String read) {
        String name = switch (bullet) {
            case "\u2013" -> "an en dash, \u2013";
            case "\u2014" -> "an em dash, \u2014";
            case "\u2212" -> "a minus sign, \u2212";
            default -> "\"" + bullet + "\"";
        };
        return "this line starts with " + name + " (as a word processor makes a list), which YAML does not read as the "
                + "start of an item, so " + read + "; start each item with \"- \" (the hyphen key, then a space) in its "
                + "place";
    }

    /**
     * An error when a list's items have run together into one. A line of a list that lacks the
     * space after its dash ({@code -Slowly lift…}) does not start a new item: YAML reads it as more
     * of the item above. Nor do numbered lines ({@code 1. Keep…}, {@code 2. Slowly…}): the whole list
     * is then one text, read as a list of one. Nor do lines that start with a word processor's bullet
     * ({@code • Keep…}, {@code – Keep…}), nor a {@code - } indented further than the item above it.
     * Either way a list of steps or of warning signs would
     * reach the page as one run-on item. Only plain values (neither quoted nor a {@code |} block) are
     * looked at: quoting says the text is meant as written.
     */
    static void mergedItems(String key, YNode value, Fields fields) {
        List<YNode> items = value instanceof YNode.YList list ? list.items() : List.of(value);
        for (YNode item : items) {
            if (!(item instanceof YNode.YScalar scalar) || scalar.lines().size() < 6 || !plain(scalar)) {
                continue;
            }
            List<Integer> lines = scalar.lines();
            String text = scalar.text();
            // a numbered list starts at the item's first line ("1. ") and goes on at a later one ("2. ");
            // a wrapped sentence that happens to put "5. " at a line's start is not one
            boolean numbered = FIRST.matcher(text).lookingAt();
            for (int i = 0; i < lines.size(); i += 3) {
                int from = lines.get(i);
                SourceSpan at = new SourceSpan(scalar.at().file(), lines.get(i + 1), lines.get(i + 2));
                String read = i == 0 ? "YAML reads it and the lines below it as one item"
                        : "it is read as more of the item above";
                Optional<String> bullet = bullet(text, from);
                if (bullet.isPresent()) {
                    fields.error(MERGED, at, bulletMessage(bullet.get(), read) + " (an item of \"" + key + "\")");
                    return;
                }
                if (i > 0 && text.startsWith("- ", from)) {
                    fields.error(MERGED, at, "this line starts an item of \"" + key + "\" with \"- \", but it is "
                            + "indented further than the item above, so YAML reads it as more of that item; move it "
                            + "left until its \"-\" is right below the \"-\" of the item above");
                    return;
                }
                if (DASHED.matcher(text).region(from, text.length()).lookingAt()) {
                    String after = text.charAt(from + 1) == '\u00A0'
                            ? "a non-breaking space after it (U+00A0, which YAML does not read as a space)"
                            : "no space after it";
                    fields.error(MERGED, at, "this line starts with \"-\" but " + after + ", so it does not start "
                            + "an item of \"" + key + "\": " + read + "; write \"- \" (a dash, then an ordinary space), "
                            + "or put the item in quotes if the dash belongs to its text");
                    return;
                }
                if (numbered && i > 0 && SECOND.matcher(text).region(from, text.length()).lookingAt()) {
                    fields.error(MERGED, at, "this line starts with a number, so it does not start a new item of \""
                            + key + "\": the numbered lines are read as one long text; start each item with \"- \" "
                            + "(a dash, then a space) instead of its number, as the site numbers them itself");
                    return;
                }
            }
        }
    }

    /** A value written plain: its first line starts where the value does (not after a quote, nor under a | line). */
    private static boolean plain(YNode.YScalar scalar) {
        return scalar.lines().get(1) == scalar.at().line() && scalar.lines().get(2) == scalar.at().column();
    }

    static void splitSentences(String key, YNode value, Fields fields) {
        if (!(value instanceof YNode.YList list) || !list.flow()) {
            return;
        }
        List<YNode> items = list.items();
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1) instanceof YNode.YScalar before && items.get(i) instanceof YNode.YScalar after
                    && !before.isNull() && !after.isNull() && looksSplit(before.text(), after.text())) {
                fields.warning("schema.split-item", after.at(), "\"" + key + "\" is written in brackets, so the comma "
                        + "before \"" + shorten(after.text()) + "\" splits one sentence into two items; write the list "
                        + "as lines starting with \"- \", or put the sentence in quotes");
                return;
            }
        }
    }

    private static boolean looksSplit(String before, String after) {
        String b = before.strip();
        String a = after.strip();
        return !b.isEmpty() && !a.isEmpty() && !endsSentence(b) && endsSentence(a)
                && Character.isLowerCase(a.codePointAt(0));
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 30 ? t.substring(0, 30) + "..." : t;
    }
}

package dev.patella.markdown;

import static dev.patella.markdown.MarkdownLimits.MAX_INLINE_DEPTH;
import static dev.patella.markdown.MarkdownLimits.MAX_PARAGRAPH_RESCAN;
import static dev.patella.markdown.MarkdownLimits.MAX_TEXT_RESCAN;

import dev.patella.markdown.MarkdownLimits.Excess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inline half of {@link MarkdownLimits}: checks runs of text lines one after another, counting
 * the characters Flexmark would re-read in each paragraph and across the whole text.
 */
final class InlineScan {

    private final String text;
    /** Characters Flexmark would re-read, over every run of the text so far. */
    private long rescan;
    /** Characters Flexmark would re-read in the current paragraph (list item, table row). */
    private long paragraphRescan;
    // the run being checked, and where in it the current paragraph is
    private int runStart;
    private int runEnd;
    private int[] breaks;
    private int breakCount;
    private int nextBreak;
    private int paragraphStart;
    private int paragraphEnd;
    private Map<Integer, Integer> closers;
    // what is open in the current paragraph, and the link targets not yet closed
    private int brackets;
    private int emphasis;
    private long openTargets;
    private long openTargetsSum;
    private int firstOpenTarget;
    private Optional<Excess> found = Optional.empty();
    // the current paragraph's last ">", and the paragraph it was found for
    private int closer = -1;
    private int closerFor = -1;

    InlineScan(String text) {
        this.text = text;
    }

    /**
     * Checks one run of text lines: bracket depth, emphasis runs, and how much Flexmark would
     * read again. Flexmark reads the rest of the paragraph again for each link, code span and
     * {@code <address>} it makes, copies the whole paragraph for each HTML tag or note, and for
     * each link target or code span left open it reads on to where it gives up; all are counted
     * against {@link MarkdownLimits#MAX_PARAGRAPH_RESCAN} for the paragraph they are in and
     * against {@link MarkdownLimits#MAX_TEXT_RESCAN} for the whole text.
     */
    Optional<Excess> check(int start, int end, int[] breaks, int breakCount) {
        runStart = start;
        runEnd = end;
        this.breaks = breaks;
        this.breakCount = breakCount;
        closers = closingBackticks(start, end);
        nextBreak = 0;
        paragraphStart = start;
        paragraphEnd = breakCount > 0 ? breaks[0] : end;
        brackets = 0;
        emphasis = 0;
        openTargets = 0;
        openTargetsSum = 0;
        paragraphRescan = 0;
        found = Optional.empty();
        int i = start;
        while (i < end && found.isEmpty()) {
            nextParagraph(i);
            char c = text.charAt(i);
            i = switch (c) {
                case '\\' -> i + 2;
                case '`' -> backticks(i);
                case '*', '_' -> emphasis(i, c);
                case '[' -> openBracket(i);
                case ']' -> closeBracket(i);
                case ')' -> closeTarget(i);
                case '<' -> address(i);
                default -> i + 1;
            };
        }
        if (found.isEmpty() && openTargets > 0 && cost(openTargets * end - openTargetsSum)) {
            found = Optional.of(unclosedTargets(firstOpenTarget));
        }
        return found;
    }

    /** Moves to the paragraph (list item, table row) {@code i} is in: nesting starts again there. */
    private void nextParagraph(int i) {
        while (i >= paragraphEnd && paragraphEnd < runEnd) {
            paragraphStart = paragraphEnd;
            nextBreak++;
            paragraphEnd = nextBreak < breakCount ? breaks[nextBreak] : runEnd;
            brackets = 0;
            emphasis = 0;
            paragraphRescan = 0;
        }
    }

    /** A run of backticks: a code span to skip, or an opener never closed that Flexmark reads past. */
    private int backticks(int i) {
        int length = run(i, runEnd, '`');
        Integer close = closers.get(i);
        if (cost(paragraphEnd - i)) {
            found = Optional.of(close != null ? crowded() : new Excess(i, "markdown.too-complex",
                    "this text has too many runs of backticks (`) that are never closed, starting here; close each "
                            + "code span with as many backticks as opened it, or write a backtick that is only "
                            + "text as \\`"));
        }
        return close != null ? close + length : i + length; // nothing inside a code span is markup
    }

    private int emphasis(int i, char c) {
        int length = run(i, runEnd, c);
        if (length > MAX_INLINE_DEPTH && flanking(i, i + length, runStart, runEnd)) {
            found = Optional.of(new Excess(i, "markdown.too-deep", "this run of " + length + " \"" + c + "\" marks "
                    + "nests emphasis deeper than the " + MAX_INLINE_DEPTH + " levels Patella reads; use ** for bold "
                    + "and * for italics, or write each mark as \\" + c));
        }
        emphasis = Math.max(0, emphasis + opens(i, i + length, runStart, runEnd));
        if (emphasis > MAX_INLINE_DEPTH && found.isEmpty()) {
            found = Optional.of(new Excess(i, "markdown.too-deep", "more than " + MAX_INLINE_DEPTH + " emphasis "
                    + "marks (* or _) are open at once here (nested, or never closed); close each one, or write a "
                    + "mark that is only text as \\" + c));
        }
        return i + length;
    }

    private int openBracket(int i) {
        brackets++;
        if (brackets > MAX_INLINE_DEPTH) {
            found = Optional.of(new Excess(i, "markdown.too-deep", "more than " + MAX_INLINE_DEPTH + " square "
                    + "brackets are open at once here (nested, or never closed); close each [ with ], or write a "
                    + "bracket that is only text as \\["));
        }
        return i + 1;
    }

    /** {@code ]}, and when {@code (} or {@code [} follows, a link Flexmark makes or tries to make. */
    private int closeBracket(int i) {
        brackets = Math.max(0, brackets - 1);
        char next = i + 1 < runEnd ? text.charAt(i + 1) : 0;
        if (next != '(' && next != '[') {
            return i + 1;
        }
        if (next == '(') {
            if (openTargets == 0) {
                firstOpenTarget = i + 1;
            }
            openTargets++;
            openTargetsSum += i + 1;
        }
        if (cost(paragraphEnd - i)) {
            found = Optional.of(openTargets > 1 ? unclosedTargets(firstOpenTarget) : crowded());
        }
        return i + 2;
    }

    /** {@code )}: the link targets still open end here; Flexmark read up to it for each. */
    private int closeTarget(int i) {
        if (openTargets > 0 && cost(openTargets * i - openTargetsSum)) {
            found = Optional.of(unclosedTargets(firstOpenTarget));
        }
        openTargets = 0;
        openTargetsSum = 0;
        return i + 1;
    }

    /**
     * {@code <}: an {@code <address>} to skip, or the start of what may be an HTML tag or an
     * editor's note ({@code <!-- -->}), for each of which Flexmark copies the whole paragraph.
     */
    private int address(int i) {
        int close = addressEnd(i + 1, runEnd);
        if (close == 0) {
            if (mayStartHtml(i + 1) && i < lastCloser() && cost(paragraphEnd - paragraphStart)) {
                found = Optional.of(crowded());
            }
            return i + 1;
        }
        if (cost(paragraphEnd - i)) {
            found = Optional.of(crowded());
        }
        return close + 1;
    }

    /** Counts characters Flexmark re-reads; true when that takes the paragraph or the whole text over its limit. */
    private boolean cost(long chars) {
        paragraphRescan += chars;
        rescan += chars;
        return paragraphRescan > MAX_PARAGRAPH_RESCAN || rescan > MAX_TEXT_RESCAN;
    }

    /**
     * Where the current paragraph's last {@code >} is (-1 when it has none): a {@code <} after it
     * opens no tag nor note Flexmark could make, as in {@code if a<b}. Found once a paragraph.
     */
    private int lastCloser() {
        if (closerFor != paragraphStart) {
            closerFor = paragraphStart;
            closer = -1;
            for (int j = paragraphEnd - 1; j > paragraphStart; j--) {
                if (text.charAt(j) == '>') {
                    closer = j;
                    break;
                }
            }
        }
        return closer;
    }

    /** Whether what follows a {@code <} could begin a tag, a closing tag, a note or another HTML construct. */
    private boolean mayStartHtml(int i) {
        if (i >= runEnd) {
            return false;
        }
        char c = text.charAt(i);
        return c < 128 && Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    /** The {@code >} that ends an {@code <address>} starting at {@code i}, or 0 when there is none. */
    private int addressEnd(int i, int end) {
        if (i >= end || !Character.isLetter(text.charAt(i))) {
            return 0;
        }
        for (int j = i + 1; j < end; j++) {
            char c = text.charAt(j);
            if (c == '>') {
                return j;
            }
            if (c == '<' || Character.isWhitespace(c)) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * The current paragraph is over its limit: it is to be split. Or only the whole text is, and
     * the error is at the start of the paragraph that took it over: every paragraph before it
     * together is within the limit, so a page that ends just before it can be read.
     */
    private Excess crowded() {
        if (paragraphRescan > MAX_PARAGRAPH_RESCAN) {
            return new Excess(paragraphStart, "markdown.too-complex", "this paragraph holds so many links, code "
                    + "spans, <addresses>, HTML tags or notes (<!-- -->) for its length that reading it would take "
                    + "too long; split it into shorter paragraphs with blank lines, or into a list");
        }
        return new Excess(paragraphStart, "markdown.too-complex", "this page holds so many links, code spans, "
                + "<addresses>, HTML tags or notes (<!-- -->) in all that reading it would take too long, though "
                + "each paragraph alone is short enough; split it into several pages, the first ending before this "
                + "paragraph");
    }

    private static Excess unclosedTargets(int at) {
        return new Excess(at, "markdown.too-complex", "this text has too many links whose target in (...) is "
                + "never closed, the first one here; end each link target with ), as in "
                + "[the clamshell](/exercises/clamshell/), or write a bracket that is only text as \\[");
    }

    /**
     * +1 for a run of emphasis marks that can only open emphasis (a word follows it, none comes
     * before), -1 for one that can only close it, 0 otherwise.
     */
    private int opens(int from, int to, int start, int end) {
        boolean wordBefore = from > start && !Character.isWhitespace(text.charAt(from - 1))
                && !punctuation(text.charAt(from - 1));
        boolean wordAfter = to < end && !Character.isWhitespace(text.charAt(to)) && !punctuation(text.charAt(to));
        boolean spaceBefore = from == start || Character.isWhitespace(text.charAt(from - 1));
        boolean spaceAfter = to == end || Character.isWhitespace(text.charAt(to));
        boolean left = !spaceAfter && (wordAfter || !wordBefore);
        boolean right = !spaceBefore && (wordBefore || !wordAfter);
        return left && !right ? 1 : right && !left ? -1 : 0;
    }

    private static boolean punctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)
                || Character.getType(c) == Character.OTHER_PUNCTUATION;
    }

    /** Whether a run of emphasis marks touches a word on either side, so it can open or close emphasis. */
    private boolean flanking(int from, int to, int start, int end) {
        boolean before = from > start && !Character.isWhitespace(text.charAt(from - 1));
        boolean after = to < end && !Character.isWhitespace(text.charAt(to));
        return before || after;
    }

    /**
     * For each run of backticks that opens a code span in {@code [start, end)}, where the run that
     * closes it starts: the next run of the same length. Found from the right, in one pass.
     */
    private Map<Integer, Integer> closingBackticks(int start, int end) {
        Map<Integer, Integer> opensAt = new HashMap<>();
        if (!hasBacktick(start, end)) {
            return opensAt;
        }
        Map<Integer, Integer> nextOfLength = new HashMap<>();
        int i = end - 1;
        while (i >= start) {
            if (text.charAt(i) != '`') {
                i--;
                continue;
            }
            int runEnd = i + 1;
            while (i > start && text.charAt(i - 1) == '`') {
                i--;
            }
            int length = runEnd - i;
            Integer next = nextOfLength.put(length, i);
            if (next != null) {
                opensAt.put(i, next);
            }
            i--;
        }
        // a run that closes a span cannot open one: walk from the left and drop those
        Map<Integer, Integer> spans = new HashMap<>();
        int j = start;
        while (j < end) {
            if (text.charAt(j) != '`') {
                j++;
                continue;
            }
            int length = run(j, end, '`');
            Integer close = opensAt.get(j);
            if (close != null) {
                spans.put(j, close);
                j = close + length;
            } else {
                j += length;
            }
        }
        return spans;
    }

    private boolean hasBacktick(int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '`') {
                return true;
            }
        }
        return false;
    }

    private int run(int i, int end, char c) {
        return MarkdownLimits.run(text, i, end, c);
    }
}

package dev.patella.markdown;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One linear pass over Markdown, before Flexmark sees it, that refuses text Flexmark would take
 * too long or too deep a stack to read: block quotes and lists nested too deep, brackets or
 * emphasis nested too deep, and link targets or code spans left open so often that each one
 * makes the parser read the rest of the paragraph again.
 *
 * <p>The pass looks at each line's leading markers ({@code >}, {@code -}, {@code 1.}) and, in
 * each run of text lines, at brackets, backticks and emphasis runs. It skips fenced and indented
 * code. It is deliberately simpler than Markdown itself: where it guesses, it guesses deeper or
 * costlier than the real structure, and the limits are far above anything an editor writes.
 */
final class MarkdownLimits {

    /** Block quotes and lists inside each other: real pages use two or three levels. */
    static final int MAX_BLOCK_DEPTH = 20;
    /** Brackets, or emphasis markers in one run, open at once: real text uses one or two. */
    static final int MAX_INLINE_DEPTH = 20;
    /**
     * Characters Flexmark may read again for the links and code spans of a text: about a tenth of
     * a second of parsing. A long paragraph with a dozen links uses about 20,000.
     */
    static final long MAX_RESCAN = 2_000_000;

    /** Where a limit is crossed, as an offset into the text, with what to tell the editor. */
    record Excess(int offset, String code, String message) {
    }

    private MarkdownLimits() {
    }

    /** The first limit the text crosses; empty when it is within every limit. */
    static Optional<Excess> check(String text) {
        return new Scan(text).run();
    }

    /** The state of one pass: the open lists, the fence we are in, the current run of text lines. */
    private static final class Scan {
        private final String text;
        private int[] listColumns = new int[8];
        private int lists;
        private int lastQuotes;
        private char fence;
        private int fenceLength;
        private int blockStart = -1;
        private int blockEnd;
        /** Where paragraphs start inside the current run of text lines: list items and table rows. */
        private int[] breaks = new int[8];
        private int breakCount;
        private boolean previousWasTable;
        private long rescan;

        Scan(String text) {
            this.text = text;
        }

        Optional<Excess> run() {
            int n = text.length();
            int lineStart = 0;
            while (lineStart <= n) {
                int lineEnd = text.indexOf('\n', lineStart);
                if (lineEnd < 0) {
                    lineEnd = n;
                }
                Optional<Excess> found = line(lineStart, lineEnd);
                if (found.isPresent()) {
                    return found;
                }
                lineStart = lineEnd + 1;
            }
            return endBlock();
        }

        /** Checks one line's markers; adds it to the current run of text lines or ends that run. */
        private Optional<Excess> line(int start, int end) {
            int i = start;
            int quotes = 0;
            int tooDeepQuote = -1;
            while (true) {
                int j = skipSpaces(i, end);
                if (j < end && text.charAt(j) == '>') {
                    quotes++;
                    if (quotes == MAX_BLOCK_DEPTH + 1) {
                        tooDeepQuote = j;
                    }
                    i = j + 1;
                } else {
                    break;
                }
            }
            if (quotes != lastQuotes) {
                lists = 0; // another container: the lists open before are not this line's parents
                lastQuotes = quotes;
            }
            int indent = width(i, end);
            int first = skipSpaces(i, end);
            if (fence != 0) {
                if (closesFence(first, end)) {
                    fence = 0;
                }
                return endBlock();
            }
            if (tooDeepQuote >= 0) {
                return Optional.of(tooDeepBlock(tooDeepQuote));
            }
            if (first == end) {
                return endBlock(); // a blank line ends a paragraph but not the lists around it
            }
            while (lists > 0 && listColumns[lists - 1] > indent) {
                lists--;
            }
            if (indent >= (lists == 0 ? 0 : listColumns[lists - 1]) + 4) {
                return endBlock(); // indented code
            }
            if (opensFence(first, end)) {
                Optional<Excess> ended = endBlock();
                fence = text.charAt(first);
                fenceLength = run(first, end, fence);
                return ended;
            }
            int at = first;
            int column = indent;
            boolean item = false;
            boolean innerQuote = false;
            int depth = quotes + lists;
            while (at < end && !thematicBreak(at, end)) {
                int marker = listMarker(at, end);
                if (marker > 0) {
                    item = true;
                    depth++;
                    if (depth > MAX_BLOCK_DEPTH) {
                        return Optional.of(tooDeepBlock(at));
                    }
                    int after = at + marker;
                    int next = skipSpaces(after, end);
                    int gap = width(after, end);
                    int contentColumn = column + marker + (next == end || gap > 4 ? 1 : gap);
                    if (!innerQuote) {
                        push(contentColumn);
                    }
                    column = contentColumn;
                    at = next;
                } else if (text.charAt(at) == '>') {
                    depth++;
                    innerQuote = true;
                    if (depth > MAX_BLOCK_DEPTH) {
                        return Optional.of(tooDeepBlock(at));
                    }
                    column++;
                    at = skipSpaces(at + 1, end);
                } else {
                    break;
                }
            }
            int pipe = text.indexOf('|', at);
            boolean table = pipe >= 0 && pipe < end;
            if (blockStart < 0) {
                blockStart = at;
            } else if (item || table || previousWasTable) {
                if (breakCount == breaks.length) {
                    breaks = Arrays.copyOf(breaks, breakCount * 2);
                }
                breaks[breakCount++] = start;
            }
            previousWasTable = table;
            blockEnd = end;
            return Optional.empty();
        }

        private void push(int column) {
            if (lists == listColumns.length) {
                listColumns = Arrays.copyOf(listColumns, lists * 2);
            }
            listColumns[lists++] = column;
        }

        /** The length of a list marker and the space after it at {@code i}, or 0 when there is none. */
        private int listMarker(int i, int end) {
            char c = text.charAt(i);
            int j = i;
            if (c == '-' || c == '+' || c == '*') {
                j = i + 1;
            } else {
                while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j == i || j >= end || text.charAt(j) != '.' && text.charAt(j) != ')') {
                    return 0;
                }
                j++;
            }
            if (j < end && text.charAt(j) != ' ' && text.charAt(j) != '\t') {
                return 0;
            }
            return j - i;
        }

        /** {@code ***}, {@code - - -} or {@code ___}: a rule, not a list. */
        private boolean thematicBreak(int i, int end) {
            char c = text.charAt(i);
            if (c != '-' && c != '*' && c != '_') {
                return false;
            }
            int count = 0;
            for (int j = i; j < end; j++) {
                char d = text.charAt(j);
                if (d == c) {
                    count++;
                } else if (d != ' ' && d != '\t' && d != '\r') {
                    return false;
                }
            }
            return count >= 3;
        }

        private boolean opensFence(int i, int end) {
            char c = i < end ? text.charAt(i) : 0;
            return (c == '`' || c == '~') && run(i, end, c) >= 3
                    && (c == '~' || text.indexOf('`', i + run(i, end, c)) < 0
                    || text.indexOf('`', i + run(i, end, c)) >= end);
        }

        private boolean closesFence(int i, int end) {
            return i < end && text.charAt(i) == fence && run(i, end, fence) >= fenceLength
                    && skipSpaces(i + run(i, end, fence), end) == end;
        }

        private int run(int i, int end, char c) {
            int j = i;
            while (j < end && text.charAt(j) == c) {
                j++;
            }
            return j - i;
        }

        private int skipSpaces(int i, int end) {
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
                i++;
            }
            return i;
        }

        /** The width of the spaces at {@code i}, a tab reaching the next multiple of four. */
        private int width(int i, int end) {
            int w = 0;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                w = text.charAt(i) == '\t' ? (w / 4 + 1) * 4 : w + 1;
                i++;
            }
            return w;
        }

        /** Ends the current run of text lines and checks it. */
        private Optional<Excess> endBlock() {
            if (blockStart < 0) {
                return Optional.empty();
            }
            int start = blockStart;
            blockStart = -1;
            previousWasTable = false;
            Optional<Excess> found = inline(start, blockEnd);
            breakCount = 0;
            return found;
        }

        /**
         * Checks one run of text lines: bracket depth, emphasis runs, and how much Flexmark would
         * read again. Flexmark reads the rest of the paragraph again for each link, code span and
         * {@code <address>} it makes, and for each link target or code span left open it reads on
         * to where it gives up; both are counted against {@link #MAX_RESCAN}.
         */
        private Optional<Excess> inline(int start, int end) {
            Map<Integer, Integer> closers = closingBackticks(start, end);
            int nextBreak = 0;
            int paragraphStart = start;
            int paragraphEnd = breakCount > 0 ? breaks[0] : end;
            int brackets = 0;
            int emphasis = 0;
            long openTargets = 0;
            long openTargetsSum = 0;
            int firstOpenTarget = -1;
            int i = start;
            while (i < end) {
                while (i >= paragraphEnd && paragraphEnd < end) {
                    paragraphStart = paragraphEnd;
                    nextBreak++;
                    paragraphEnd = nextBreak < breakCount ? breaks[nextBreak] : end;
                    brackets = 0;
                    emphasis = 0;
                }
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '`') {
                    int length = run(i, end, '`');
                    Integer close = closers.get(i);
                    rescan += paragraphEnd - i;
                    if (rescan > MAX_RESCAN) {
                        return Optional.of(close != null ? crowded(paragraphStart) : new Excess(i,
                                "markdown.too-complex", "this text has too many runs of backticks (`) that are "
                                + "never closed, starting here; close each code span with as many backticks as "
                                + "opened it, or write a backtick that is only text as \\`"));
                    }
                    i = close != null ? close + length : i + length; // nothing inside a code span is markup
                    continue;
                }
                if (c == '*' || c == '_') {
                    int length = run(i, end, c);
                    if (length > MAX_INLINE_DEPTH && flanking(i, i + length, start, end)) {
                        return Optional.of(new Excess(i, "markdown.too-deep", "this run of " + length + " \"" + c
                                + "\" marks nests emphasis deeper than the " + MAX_INLINE_DEPTH + " levels Patella "
                                + "reads; use ** for bold and * for italics, or write each mark as \\" + c));
                    }
                    emphasis = Math.max(0, emphasis + opens(i, i + length, start, end));
                    if (emphasis > MAX_INLINE_DEPTH) {
                        return Optional.of(new Excess(i, "markdown.too-deep", "more than " + MAX_INLINE_DEPTH
                                + " emphasis marks (* or _) are open at once here (nested, or never closed); "
                                + "close each one, or write a mark that is only text as \\" + c));
                    }
                    i += length;
                    continue;
                }
                if (c == '[') {
                    brackets++;
                    if (brackets > MAX_INLINE_DEPTH) {
                        return Optional.of(new Excess(i, "markdown.too-deep", "more than " + MAX_INLINE_DEPTH
                                + " square brackets are open at once here (nested, or never closed); close each "
                                + "[ with ], or write a bracket that is only text as \\["));
                    }
                } else if (c == ']' && i + 1 < end && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '[')) {
                    brackets = Math.max(0, brackets - 1);
                    rescan += paragraphEnd - i;
                    if (text.charAt(i + 1) == '(') {
                        if (openTargets == 0) {
                            firstOpenTarget = i + 1;
                        }
                        openTargets++;
                        openTargetsSum += i + 1;
                    }
                    if (rescan > MAX_RESCAN) {
                        return Optional.of(openTargets > 1 ? unclosedTargets(firstOpenTarget) : crowded(paragraphStart));
                    }
                    i += 2;
                    continue;
                } else if (c == ']') {
                    brackets = Math.max(0, brackets - 1);
                } else if (c == ')' && openTargets > 0) {
                    rescan += openTargets * i - openTargetsSum;
                    openTargets = 0;
                    openTargetsSum = 0;
                    if (rescan > MAX_RESCAN) {
                        return Optional.of(unclosedTargets(firstOpenTarget));
                    }
                } else if (c == '<') {
                    int close = addressEnd(i + 1, end);
                    if (close > 0) {
                        rescan += paragraphEnd - i;
                        if (rescan > MAX_RESCAN) {
                            return Optional.of(crowded(paragraphStart));
                        }
                        i = close + 1;
                        continue;
                    }
                }
                i++;
            }
            rescan += openTargets * end - openTargetsSum;
            if (rescan > MAX_RESCAN && openTargets > 0) {
                return Optional.of(unclosedTargets(firstOpenTarget));
            }
            return Optional.empty();
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

        private static Excess crowded(int paragraph) {
            return new Excess(paragraph, "markdown.too-complex", "this paragraph holds so many links, code spans "
                    + "or <addresses> for its length that reading it would take too long; split it into shorter "
                    + "paragraphs with blank lines, or into a list");
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
            if (text.indexOf('`', start) < 0 || text.indexOf('`', start) >= end) {
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

        private Excess tooDeepBlock(int at) {
            return new Excess(at, "markdown.too-deep", "block quotes and lists are nested more than "
                    + MAX_BLOCK_DEPTH + " levels deep here; a page needs two or three levels at most, so "
                    + "flatten the list or quote, or split it into sections with headings");
        }
    }
}

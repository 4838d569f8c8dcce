package dev.patella.markdown;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One linear pass over Markdown, before Flexmark sees it, that refuses text Flexmark would take
 * too long or too deep a stack to read: block quotes and lists nested too deep, brackets or
 * emphasis nested too deep, link targets or code spans left open so often that each one makes
 * the parser read the rest of the paragraph again, paragraphs so crowded with links, HTML tags
 * or notes ({@code <!-- -->}) that the parser copies them again for each, texts with so many
 * such paragraphs that the copying adds up, and paragraphs of so many lines that begin
 * with spaces or {@code >} that joining them takes Flexmark the square of their number.
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
     * Characters Flexmark may read again for the links, code spans, tags and notes of one paragraph
     * (or list item, or table row): it reads the rest of the paragraph again for each, so the cost
     * grows with the square of the paragraph's length. 2,000,000 is under a tenth of a second of
     * parsing; a long paragraph with a dozen links uses about 20,000.
     */
    static final long MAX_PARAGRAPH_RESCAN = 2_000_000;
    /**
     * The same count over the whole text. Short paragraphs cost little each, but a text of many
     * paragraphs each near {@link #MAX_PARAGRAPH_RESCAN} would still take seconds: 20,000,000 took
     * Flexmark about 0.8 s where the re-reading is costliest (links) and 0.3 s for notes. A page of
     * 2 MB (the most a file may hold) of short paragraphs, each with a few links, notes and tags,
     * uses about 8,000,000.
     */
    static final long MAX_TEXT_RESCAN = 20_000_000;
    /**
     * Link reference definitions ({@code [label]: /address/}) in one text: Flexmark's time grows
     * with the square of their number (6,000 take about 20 s), and a page rarely needs ten.
     */
    static final int MAX_REFERENCE_DEFINITIONS = 200;
    /**
     * Lines that begin with spaces, or sit inside a block quote, in one run of text lines. Flexmark
     * joins a paragraph's lines into one text, and when something before each line was taken off
     * (spaces, {@code >}) each line is one more piece, and Flexmark's list of pieces grows by one
     * place at a time: the joining costs the square of their number (100,000 such lines took a
     * minute). A real paragraph has a few dozen lines.
     */
    static final int MAX_PREFIXED_LINES = 1_000;

    /** The tags that start an HTML block which may end a paragraph (CommonMark's sixth kind, and its first). */
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "base", "basefont",
            "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
            "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem",
            "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section", "source", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul", "script", "pre", "style", "textarea");

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
        private int definitions;
        /** Lines of the current run of text lines with spaces or {@code >} before their text. */
        private int prefixed;
        private final InlineScan inline;
        /** Whether the lines are inside a note over several lines, outside any quote or list. */
        private boolean inNote;

        Scan(String text) {
            this.text = text;
            this.inline = new InlineScan(text);
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
            if (inNote) {
                inNote = !holds("-->", start, end);
                return endBlock();
            }
            if (first < end && indent < 4 && text.charAt(first) == '<') {
                if (rawHtmlLine(first, end)) {
                    // a line Flexmark reads as HTML, not for links and markup (one note, a row of a table in
                    // HTML): it ends the paragraph before it, and costs nothing. Only the line itself is passed
                    // over: the lines after it are counted, even where Flexmark's HTML block goes on, as a
                    // guess that is never cheaper than the real thing
                    return endBlock();
                }
                if (text.startsWith("<!--", first) && quotes == 0 && (lists == 0 || listColumns[0] > indent)) {
                    // a note over several lines, outside any quote or list: Flexmark reads it as HTML to
                    // the line that closes it, and so does this pass (in a quote or list, a line outside
                    // the container would end it sooner, so there only its first line is passed over)
                    inNote = true;
                    return endBlock();
                }
            }
            if (first == end) {
                return endBlock(); // a blank line ends a paragraph but not the lists around it
            }
            while (lists > 0 && listColumns[lists - 1] > indent) {
                lists--;
            }
            boolean indented = indent >= (lists == 0 ? 0 : listColumns[lists - 1]) + 4;
            if (indented && blockStart < 0) {
                return endBlock(); // indented code; after a line of text, the text goes on
            }
            if (!indented && opensFence(first, end)) {
                Optional<Excess> ended = endBlock();
                fence = text.charAt(first);
                fenceLength = run(first, end, fence);
                return ended;
            }
            int at = indented ? first : markers(first, end, indent, quotes + lists);
            if (at < 0) {
                return Optional.of(tooDeepBlock(-at - 1));
            }
            if (definesReference(at, end) && ++definitions > MAX_REFERENCE_DEFINITIONS) {
                return Optional.of(new Excess(at, "markdown.too-complex", "this text has more than "
                        + MAX_REFERENCE_DEFINITIONS + " link definitions written [name]: /address/, which would take "
                        + "Flexmark too long to read; write the address in the link itself, as in "
                        + "[the clamshell](/exercises/clamshell/), or split the page"));
            }
            if (first > start && ++prefixed > MAX_PREFIXED_LINES) {
                return Optional.of(new Excess(first, "markdown.too-complex", "this paragraph has more than "
                        + String.format(Locale.ROOT, "%,d", MAX_PREFIXED_LINES) + " lines that begin with spaces or sit in a block quote, which "
                        + "would take Flexmark too long to read; put blank lines between its paragraphs (a line "
                        + "with only > in a quote), or take the spaces off the start of its lines"));
            }
            boolean item = at > first && !thematicBreak(first, end) && listMarker(first, end) > 0;
            boolean table = find('|', at, end) >= 0;
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

        /**
         * Reads the list markers and {@code >} that follow each other from {@code first} (as in
         * {@code - > 1. text}), opening a list level for each list marker before any {@code >}.
         *
         * @param depth the levels already open around this line
         * @return where the text after the markers starts, or {@code -(offset + 1)} of the marker
         *         that goes deeper than {@link #MAX_BLOCK_DEPTH}
         */
        private int markers(int first, int end, int indent, int depth) {
            int at = first;
            int column = indent;
            boolean innerQuote = false;
            while (at < end && !thematicBreak(at, end)) {
                int marker = listMarker(at, end);
                if (marker == 0 && text.charAt(at) != '>') {
                    break;
                }
                if (++depth > MAX_BLOCK_DEPTH) {
                    return -at - 1;
                }
                if (marker > 0) {
                    int next = skipSpaces(at + marker, end);
                    int gap = width(at + marker, end);
                    column += marker + (next == end || gap > 4 ? 1 : gap);
                    if (!innerQuote) {
                        push(column);
                    }
                    at = next;
                } else {
                    innerQuote = true;
                    column++;
                    at = skipSpaces(at + 1, end);
                }
            }
            return at;
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

        /**
         * Whether the line from {@code i} (a {@code <}) to {@code end} is read by Flexmark as raw HTML in
         * every part: it opens an HTML block that may end a paragraph (CommonMark's kinds 1 to 6) and that
         * block holds the whole line: a note closed on the line ({@code <!-- ask Dr Smith -->}, {@code <!-->}),
         * {@code <?...>}, {@code <!DOCTYPE ...>}, {@code <![CDATA[...} or a block tag ({@code <tr>},
         * {@code </div>}, {@code <pre>}). A note not closed on its line is not: what follows it is counted.
         */
        private boolean rawHtmlLine(int i, int end) {
            if (text.startsWith("<!--", i)) {
                return holds("-->", i + 2, end);
            }
            if (text.startsWith("<?", i) || text.startsWith("<![CDATA[", i)
                    || text.startsWith("<!", i) && i + 2 < end && Character.isLetter(text.charAt(i + 2))) {
                return true;
            }
            int j = i + (text.startsWith("</", i) ? 2 : 1);
            int k = j;
            while (k < end && k - j < 12 && Character.isLetterOrDigit(text.charAt(k))) {
                k++;
            }
            boolean ended = k == end || text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '>'
                    || text.startsWith("/>", k) || text.charAt(k) == '\r';
            return k > j && ended && BLOCK_TAGS.contains(text.substring(j, k).toLowerCase(Locale.ROOT));
        }

        /** Whether {@code s} is in {@code [from, end)}: never searches past the line. */
        private boolean holds(String s, int from, int end) {
            for (int i = from; i + s.length() <= end; i++) {
                if (text.startsWith(s, i)) {
                    return true;
                }
            }
            return false;
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

        /** Three or more backticks or tildes (no backtick after backticks: that is a code span). */
        private boolean opensFence(int i, int end) {
            char c = i < end ? text.charAt(i) : 0;
            return (c == '`' || c == '~') && run(i, end, c) >= 3 && (c == '~' || find('`', i + run(i, end, c), end) < 0);
        }

        /** Where {@code c} first is in {@code [from, end)}, or -1: never searches past the line. */
        private int find(char c, int from, int end) {
            for (int i = from; i < end; i++) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
            return -1;
        }

        private boolean closesFence(int i, int end) {
            return i < end && text.charAt(i) == fence && run(i, end, fence) >= fenceLength
                    && skipSpaces(i + run(i, end, fence), end) == end;
        }

        private int run(int i, int end, char c) {
            return MarkdownLimits.run(text, i, end, c);
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

        /** Whether the line's text from {@code at} looks like {@code [label]:}, a link reference definition. */
        private boolean definesReference(int at, int end) {
            if (at >= end || text.charAt(at) != '[') {
                return false;
            }
            int close = find(']', at + 1, end);
            return close > at + 1 && close + 1 < end && text.charAt(close + 1) == ':';
        }

        /** Ends the current run of text lines and checks it. */
        private Optional<Excess> endBlock() {
            if (blockStart < 0) {
                return Optional.empty();
            }
            int start = blockStart;
            blockStart = -1;
            prefixed = 0;
            previousWasTable = false;
            Optional<Excess> found = inline.check(start, blockEnd, breaks, breakCount);
            breakCount = 0;
            return found;
        }

        private Excess tooDeepBlock(int at) {
            return new Excess(at, "markdown.too-deep", "block quotes and lists are nested more than "
                    + MAX_BLOCK_DEPTH + " levels deep here; a page needs two or three levels at most, so "
                    + "flatten the list or quote, or split it into sections with headings");
        }
    }

    /** How many {@code c} follow each other from {@code i}. */
    static int run(String text, int i, int end, char c) {
        int j = i;
        while (j < end && text.charAt(j) == c) {
            j++;
        }
        return j - i;
    }
}

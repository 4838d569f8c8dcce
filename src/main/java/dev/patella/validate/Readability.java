package dev.patella.validate;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a page's Markdown into sentences and words and counts them, for a {@link ReadingLevel}
 * (the formula of the page's language) to score. Headings are left out; list items count as
 * sentences. What a letter is, where a sentence ends and how syllables are counted are the
 * formula's; the rest is the same for every language.
 */
public final class Readability {

    // what the hand-written scans below do, as regular expressions (the scans run on every line of
    // every page; these stay as their definition). No bracket inside brackets, no brace inside
    // braces: each search stops at the next opener, so a line full of "[" or "{#" costs one pass
    private static final Pattern CITATION = Pattern.compile("\\[@[^\\[\\]]*\\]");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\[\\]]*)\\]\\([^)\\[]*\\)");
    private static final Pattern MARKUP = Pattern.compile("[*_`]|\\{[#.][^{}]*\\}");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"')\\]]*\\s+|(?<=[.!?])$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Readability() {
    }

    /** One sentence with where it starts, how many words it has and their syllables. */
    public record Sentence(String text, int words, int syllables, SourceSpan at) {
    }

    /**
     * The reading level of some texts taken together.
     *
     * @param scale   the formula that scored it ({@link ReadingLevel#scale()}), so that a level kept
     *                from an earlier run is used only for the same formula
     * @param score   the formula's score (for English a grade, for Spanish an INFLESZ score); 0 when
     *                there is no text
     * @param longest the longest sentences, longest first (at most three)
     */
    public record Level(String scale, double score, int words, int sentences, List<Sentence> longest) {
    }

    static Level measure(List<Prose> texts, ReadingLevel formula) {
        List<Sentence> sentences = new ArrayList<>();
        for (Prose prose : texts) {
            sentences.addAll(sentences(prose, formula));
        }
        int words = 0;
        int syllables = 0;
        for (Sentence s : sentences) {
            words += s.words();
            syllables += s.syllables();
        }
        if (words == 0) {
            return new Level(formula.scale(), 0, 0, 0, List.of());
        }
        double score = formula.score(words, sentences.size(), syllables);
        var longest = sentences.stream().sorted(Comparator.comparingInt(Sentence::words).reversed()
                .thenComparing(Sentence::at)).limit(3).toList();
        return new Level(formula.scale(), score, words, sentences.size(), longest);
    }

    /** The sentences of one text; headings and blank lines separate blocks. */
    static List<Sentence> sentences(Prose prose, ReadingLevel formula) {
        List<Sentence> out = new ArrayList<>();
        // an editor's note in <!-- --> is not read by readers, so not measured
        String[] lines = Prose.withoutComments(prose.markdown()).split("\n", -1);
        List<Integer> block = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String lead = line.stripLeading();
            int item = listItemEnd(line);
            boolean separator = line.isBlank() || lead.startsWith("#") || lead.startsWith("|");
            if (separator || item >= 0) {
                flush(block, texts, prose, formula, out);
                block.clear();
                texts.clear();
                if (separator) {
                    continue;
                }
                line = line.substring(item);
            }
            block.add(i);
            texts.add(clean(line));
        }
        return out;
    }

    /** Splits one block (a paragraph or list item) into sentences, each placed at the line it starts on. */
    private static void flush(List<Integer> lineNumbers, List<String> lineTexts, Prose prose, ReadingLevel formula,
                              List<Sentence> out) {
        String text = String.join(" ", lineTexts).strip();
        if (text.isBlank()) {
            return;
        }
        int lineIndex = 0;
        int consumed = 0;
        int cursor = 0;
        for (String sentence : splitSentences(text, formula)) {
            int start = text.indexOf(sentence, cursor);
            cursor = start < 0 ? cursor : start + sentence.length();
            while (lineIndex < lineTexts.size() - 1 && consumed + lineTexts.get(lineIndex).length() < start) {
                consumed += lineTexts.get(lineIndex).length() + 1;
                lineIndex++;
            }
            List<String> words = words(sentence, formula);
            if (!words.isEmpty()) {
                int fileLine = lineNumbers.get(lineIndex);
                SourceSpan base = prose.at();
                SourceSpan at = fileLine == 0 ? base : new SourceSpan(base.file(), base.line() + fileLine, 1);
                int syllables = 0;
                for (String word : words) {
                    syllables += formula.syllables(word);
                }
                out.add(new Sentence(sentence.strip(), words.size(), syllables, at));
            }
        }
    }

    /**
     * Where {@code LIST_ITEM} (a bullet or a number, white space before and after) ends at the
     * start of {@code line}; -1 when the line is not a list item. By hand, as it runs on every line.
     */
    static int listItemEnd(String line) {
        int n = line.length();
        int i = 0;
        while (i < n && isRegexSpace(line.charAt(i))) {
            i++;
        }
        if (i == n) {
            return -1;
        }
        char c = line.charAt(i);
        if (c == '-' || c == '*' || c == '+') {
            i++;
        } else if (c >= '0' && c <= '9') {
            while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                i++;
            }
            if (i == n || line.charAt(i) != '.' && line.charAt(i) != ')') {
                return -1;
            }
            i++;
        } else {
            return -1;
        }
        int marker = i;
        while (i < n && isRegexSpace(line.charAt(i))) {
            i++;
        }
        return i > marker ? i : -1;
    }

    /**
     * A line's words without citations, link targets, emphasis, code marks and attributes, its
     * white space collapsed: what {@code CITATION}, {@code LINK} (kept: its text), {@code MARKUP}
     * and {@code WHITESPACE} replaced in turn, each pass written out (see bench/README.md, the profile).
     */
    static String clean(String line) {
        if (!hasMarkup(line)) {
            return line.strip(); // most lines: plain words, no markup to take out
        }
        return collapseSpace(withoutMarkup(linkTexts(withoutCitations(line)))).strip();
    }

    /** {@code CITATION.matcher(text).replaceAll("")}: each {@code [@...]} with no bracket inside taken out. */
    static String withoutCitations(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (text.charAt(i) != '[' || text.charAt(i + 1) != '@') {
                continue;
            }
            int close = nextOf(text, i + 2, '[', ']');
            if (close < 0 || text.charAt(close) != ']') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, last, i);
            last = close + 1;
            i = close;
        }
        return out == null ? text : out.append(text, last, n).toString();
    }

    /** {@code LINK.matcher(text).replaceAll("$1")}: each {@code [text](target)} or {@code ![text](target)} as its text. */
    static String linkTexts(String text) {
        int n = text.length();
        StringBuilder out = null;
        int last = 0;
        for (int i = 0; i < n; i++) {
            int open = text.charAt(i) == '!' && i + 1 < n && text.charAt(i + 1) == '[' ? i + 1
                    : text.charAt(i) == '[' ? i : -1;
            if (open < 0) {
                continue;
            }
            int close = nextOf(text, open + 1, '[', ']');
            if (close < 0 || text.charAt(close) != ']' || close + 1 >= n || text.charAt(close + 1) != '(') {
                continue;
            }
            int end = nextOf(text, close + 2, ')', '[');
            if (end < 0 || text.charAt(end) != ')') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, last, i).append(text, open + 1, close);
            last = end + 1;
            i = end;
        }
        return out == null ? text : out.append(text, last, n).toString();
    }

    /** {@code MARKUP.matcher(text).replaceAll("")}: {@code * _ `} and each <code>{#...}</code> or <code>{.…}</code> with no brace inside taken out. */
    static String withoutMarkup(String text) {
        int n = text.length();
        var out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '`') {
                continue;
            }
            if (c == '{' && i + 1 < n && (text.charAt(i + 1) == '#' || text.charAt(i + 1) == '.')) {
                int close = nextOf(text, i + 2, '{', '}');
                if (close >= 0 && text.charAt(close) == '}') {
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code WHITESPACE.matcher(text).replaceAll(" ")}: each run of white space as one space. */
    static String collapseSpace(String text) {
        int n = text.length();
        var out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isRegexSpace(c)) {
                out.append(c);
                continue;
            }
            while (i + 1 < n && isRegexSpace(text.charAt(i + 1))) {
                i++;
            }
            out.append(' ');
        }
        return out.toString();
    }

    /** The index of the first {@code a} or {@code b} at or after {@code from}; -1 for none. */
    private static int nextOf(String text, int from, char a, char b) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasMarkup(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[' || c == '*' || c == '_' || c == '`' || c == '{' || c == '\t'
                    || c == ' ' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of a text: runs of the formula's letters (with ' or - inside) or of digits (with
     * . , inside, and a %).
     */
    static List<String> words(String text, ReadingLevel formula) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (formula.isLetter(c)) {
                i++;
                while (i < n && (formula.isLetter(text.charAt(i)) || "'’-".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                words.add(text.substring(start, i));
            } else if (c >= '0' && c <= '9') {
                i++;
                while (i < n && (Character.isDigit(text.charAt(i)) || (text.charAt(i) == '.' || text.charAt(i) == ',')
                        && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                }
                if (i < n && text.charAt(i) == '%') {
                    i++;
                }
                words.add(text.substring(start, i));
            } else {
                i++;
            }
        }
        return words;
    }

    /**
     * {@code SENTENCE_END.split(text)}, written out: a sentence ends after {@code .}, {@code !} or
     * {@code ?} with any closing quotes or brackets (the formula's), where white space or the
     * text's end follows.
     * By hand because it runs on every paragraph of every page (see bench/README.md, the profile).
     */
    static List<String> splitSentences(String text, ReadingLevel formula) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int index = 0;
        int p = 1;
        while (p <= n) {
            if (!isSentenceEnd(text.charAt(p - 1))) {
                p++;
                continue;
            }
            int q = p;
            while (q < n && formula.isCloser(text.charAt(q))) {
                q++;
            }
            int r = q;
            while (r < n && isRegexSpace(text.charAt(r))) {
                r++;
            }
            if (r > q) {
                out.add(text.substring(index, p));
                index = r;
                p = r + 1;
            } else if (atInputEnd(text, p)) {
                out.add(text.substring(index, p)); // an empty match: the search goes on one further
                index = p;
                p = p + 1;
            } else {
                p++;
            }
        }
        if (index == 0 && out.isEmpty()) {
            return List.of(text);
        }
        out.add(text.substring(index, n));
        int size = out.size();
        while (size > 0 && out.get(size - 1).isEmpty()) {
            size--;
        }
        return out.subList(0, size);
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /** {@code \s} of a regular expression: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Where {@code $} matches: the end, or before a line terminator that ends the text. */
    private static boolean atInputEnd(String text, int p) {
        int n = text.length();
        if (p == n) {
            return true;
        }
        if (p == n - 2) {
            return text.charAt(p) == '\r' && text.charAt(p + 1) == '\n';
        }
        if (p == n - 1) {
            char c = text.charAt(p);
            return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }
        return false;
    }
}

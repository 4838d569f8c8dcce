package dev.patella.validate;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Measures how hard a page is to read with the Flesch-Kincaid grade level: 0.39 × words per
 * sentence + 11.8 × syllables per word − 15.59. Headings are left out; list items count as
 * sentences. Syllables are estimated from vowel groups, which is close enough to rank pages and
 * find the sentences to shorten.
 */
public final class Readability {

    // no bracket inside brackets, no brace inside braces: each search stops at the next opener, so
    // a line full of "[" or "{#" costs one pass, not one pass per opener
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
     * @param grade   the Flesch-Kincaid grade; 0 when there is no text
     * @param longest the longest sentences, longest first (at most three)
     */
    public record Level(double grade, int words, int sentences, List<Sentence> longest) {
    }

    public static Level measure(List<Prose> texts) {
        List<Sentence> sentences = new ArrayList<>();
        for (Prose prose : texts) {
            sentences.addAll(sentences(prose));
        }
        int words = 0;
        int syllables = 0;
        for (Sentence s : sentences) {
            words += s.words();
            syllables += s.syllables();
        }
        if (words == 0) {
            return new Level(0, 0, 0, List.of());
        }
        double grade = 0.39 * words / sentences.size() + 11.8 * syllables / words - 15.59;
        var longest = sentences.stream().sorted(Comparator.comparingInt(Sentence::words).reversed()
                .thenComparing(Sentence::at)).limit(3).toList();
        return new Level(grade, words, sentences.size(), longest);
    }

    /** The sentences of one text; headings and blank lines separate blocks. */
    static List<Sentence> sentences(Prose prose) {
        List<Sentence> out = new ArrayList<>();
        String[] lines = prose.markdown().split("\n", -1);
        List<Integer> block = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String lead = line.stripLeading();
            boolean item = LIST_ITEM.matcher(line).find();
            boolean separator = line.isBlank() || lead.startsWith("#") || lead.startsWith("|");
            if (separator || item) {
                flush(block, texts, prose, out);
                block.clear();
                texts.clear();
                if (separator) {
                    continue;
                }
                line = LIST_ITEM.matcher(line).replaceFirst("");
            }
            block.add(i);
            texts.add(clean(line));
        }
        return out;
    }

    /** Splits one block (a paragraph or list item) into sentences, each placed at the line it starts on. */
    private static void flush(List<Integer> lineNumbers, List<String> lineTexts, Prose prose, List<Sentence> out) {
        String text = String.join(" ", lineTexts).strip();
        if (text.isBlank()) {
            return;
        }
        int lineIndex = 0;
        int consumed = 0;
        int cursor = 0;
        for (String sentence : splitSentences(text)) {
            int start = text.indexOf(sentence, cursor);
            cursor = start < 0 ? cursor : start + sentence.length();
            while (lineIndex < lineTexts.size() - 1 && consumed + lineTexts.get(lineIndex).length() < start) {
                consumed += lineTexts.get(lineIndex).length() + 1;
                lineIndex++;
            }
            List<String> words = words(sentence);
            if (!words.isEmpty()) {
                int fileLine = lineNumbers.get(lineIndex);
                SourceSpan base = prose.at();
                SourceSpan at = fileLine == 0 ? base : new SourceSpan(base.file(), base.line() + fileLine, 1);
                int syllables = 0;
                for (String word : words) {
                    syllables += syllables(word);
                }
                out.add(new Sentence(sentence.strip(), words.size(), syllables, at));
            }
        }
    }

    private static String clean(String line) {
        if (!hasMarkup(line)) {
            return line.strip(); // most lines: plain words, no regular expressions needed
        }
        String t = CITATION.matcher(line).replaceAll("");
        t = LINK.matcher(t).replaceAll("$1");
        return WHITESPACE.matcher(MARKUP.matcher(t).replaceAll("")).replaceAll(" ").strip();
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

    /** The words of a text: runs of letters (with ' or - inside) or of digits (with . , inside, and a %). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (isAsciiLetter(c)) {
                i++;
                while (i < n && (isAsciiLetter(text.charAt(i)) || "'’-".indexOf(text.charAt(i)) >= 0)) {
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

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Vowel groups, less a silent final "e"; numbers count as one syllable per digit group. */
    static int syllables(String word) {
        // the last three letters are enough to test the endings: no string is built per word
        int count = 0;
        int letters = 0;
        char last = 0;
        char second = 0;
        char third = 0;
        boolean inVowels = false;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c < 'a' || c > 'z') {
                continue;
            }
            letters++;
            third = second;
            second = last;
            last = c;
            boolean vowel = "aeiouy".indexOf(c) >= 0;
            if (vowel && !inVowels) {
                count++;
            }
            inVowels = vowel;
        }
        if (letters == 0) {
            return 1;
        }
        if (last == 'e' && second != 'l' && second != 'e' && count > 1) {
            count--;
        }
        if (second == 'e' && last == 'd' && third != 't' && third != 'd' && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }

    /**
     * {@code SENTENCE_END.split(text)}, written out: a sentence ends after {@code .}, {@code !} or
     * {@code ?} with any closing quotes or brackets, where white space or the text's end follows.
     * By hand because it runs on every paragraph of every page (see bench/README.md, the profile).
     */
    static List<String> splitSentences(String text) {
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
            while (q < n && isCloser(text.charAt(q))) {
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

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']';
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

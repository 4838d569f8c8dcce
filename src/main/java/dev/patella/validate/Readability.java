package dev.patella.validate;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how hard a page is to read with the Flesch-Kincaid grade level: 0.39 × words per
 * sentence + 11.8 × syllables per word − 15.59. Headings are left out; list items count as
 * sentences. Syllables are estimated from vowel groups, which is close enough to rank pages and
 * find the sentences to shorten.
 */
public final class Readability {

    private static final Pattern CITATION = Pattern.compile("\\[@[^\\]]*\\]");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MARKUP = Pattern.compile("[*_`]|\\{[#.][^}]*\\}");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"')\\]]*\\s+|(?<=[.!?])$");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*|\\d+(?:[.,]\\d+)*%?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {
    }

    /** One sentence with where it starts and how many words it has. */
    public record Sentence(String text, int words, SourceSpan at) {
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
            for (String word : words(s.text())) {
                words++;
                syllables += syllables(word);
            }
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
        for (String sentence : SENTENCE_END.split(text)) {
            int start = text.indexOf(sentence, cursor);
            cursor = start < 0 ? cursor : start + sentence.length();
            while (lineIndex < lineTexts.size() - 1 && consumed + lineTexts.get(lineIndex).length() < start) {
                consumed += lineTexts.get(lineIndex).length() + 1;
                lineIndex++;
            }
            int count = words(sentence).size();
            if (count > 0) {
                int fileLine = lineNumbers.get(lineIndex);
                SourceSpan base = prose.at();
                SourceSpan at = fileLine == 0 ? base : new SourceSpan(base.file(), base.line() + fileLine, 1);
                out.add(new Sentence(sentence.strip(), count, at));
            }
        }
    }

    private static String clean(String line) {
        String t = CITATION.matcher(line).replaceAll("");
        t = LINK.matcher(t).replaceAll("$1");
        return WHITESPACE.matcher(MARKUP.matcher(t).replaceAll("")).replaceAll(" ").strip();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Vowel groups, less a silent final "e"; numbers count as one syllable per digit group. */
    static int syllables(String word) {
        String w = NOT_LETTER.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
        if (w.isEmpty()) {
            return 1;
        }
        int count = 0;
        Matcher m = VOWELS.matcher(w);
        while (m.find()) {
            count++;
        }
        if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && count > 1) {
            count--;
        }
        if (w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded") && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }
}

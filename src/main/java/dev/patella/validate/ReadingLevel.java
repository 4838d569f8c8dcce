package dev.patella.validate;

import dev.patella.model.Prose;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A reading-level formula made for one language, with that language's target. Each page is scored
 * with the formula of the language it is written in ({@link #forLanguage}); a language with no
 * formula here gets no score at all, never another language's.
 *
 * <ul>
 *   <li>English: the Flesch-Kincaid grade level, 0.39 × words per sentence + 11.8 × syllables per
 *       word − 15.59 (Kincaid et al. 1975), a US school grade: lower is easier. A page is too hard
 *       above the site's {@code reading_grade_max} (default 8). Syllables are estimated from vowel
 *       groups, less a silent final "e" and "-ed", which is close enough to rank pages.</li>
 *   <li>Spanish: the INFLESZ scale (Barrio-Cantalejo et al., "Validación de la Escala INFLESZ para
 *       evaluar la legibilidad de los textos dirigidos a pacientes", Anales del Sistema Sanitario de
 *       Navarra 2008; 31(2): 135-152). Its score is Szigriszt-Pazos' perspicuity (1993),
 *       206.835 − 62.3 × syllables per word − words per sentence: higher is easier. INFLESZ
 *       re-drew the bands for today's Spanish readers: below 40 very hard, 40-55 somewhat hard,
 *       55-65 normal, 65-80 quite easy, 80 and above very easy. Text for patients should reach
 *       "normal", so a page is too hard below {@value #INFLESZ_TARGET}. Syllables are counted by
 *       the spelling rules of Spanish (see {@link #syllables}).</li>
 * </ul>
 */
public enum ReadingLevel {

    /** English: the Flesch-Kincaid grade level. */
    FLESCH_KINCAID("flesch-kincaid"),
    /** Spanish: the INFLESZ scale over Szigriszt-Pazos' perspicuity. */
    INFLESZ("inflesz");

    /** The INFLESZ score below which a Spanish page is harder than "normal" and gets a warning. */
    public static final double INFLESZ_TARGET = 55;

    private final String scale;

    ReadingLevel(String scale) {
        this.scale = scale;
    }

    /**
     * The formula for text in {@code languageTag} (a BCP 47 tag such as {@code en}, {@code en-GB},
     * {@code es-MX}); empty for a language Patella has no formula for.
     */
    public static Optional<ReadingLevel> forLanguage(String languageTag) {
        String primary = languageTag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "en" -> Optional.of(FLESCH_KINCAID);
            case "es" -> Optional.of(INFLESZ);
            default -> Optional.empty();
        };
    }

    /** A short fixed name for the formula, stored with each level measured by it. */
    public String scale() {
        return scale;
    }

    /** The reading level of some texts taken together. */
    public Readability.Level measure(List<Prose> texts) {
        return Readability.measure(texts, this);
    }

    /**
     * Fewer words than this are not graded: the formulas are averages over sentences and words, and a
     * summary of one word ("Questions.") would read at any grade.
     */
    static final int MIN_WORDS = 30;

    /**
     * Why a page at {@code level} is too hard to read, naming its score and the target; empty when
     * it meets the target.
     *
     * @param gradeMax the site's {@code reading_grade_max}, the target of the English formula
     */
    public Optional<String> tooHard(Readability.Level level, double gradeMax) {
        if (level.words() < MIN_WORDS) {
            return Optional.empty(); // a stub page's few words give a score that says nothing about the page
        }
        return switch (this) {
            case FLESCH_KINCAID -> level.score() <= gradeMax ? Optional.empty() : Optional.of(String.format(
                    Locale.ROOT, "this page reads at grade %.1f, above the site's limit of %.1f; use shorter "
                            + "sentences and plainer words", level.score(), gradeMax));
            case INFLESZ -> level.score() >= INFLESZ_TARGET ? Optional.empty() : Optional.of(String.format(
                    Locale.ROOT, "this Spanish page scores %.1f on the INFLESZ scale (%s), below the target of "
                            + "%.0f (\"normal\") for text for patients; use shorter sentences and shorter, plainer "
                            + "words", level.score(), band(level.score()), INFLESZ_TARGET));
        };
    }

    /** The INFLESZ band of a score, in the scale's own Spanish words with an English gloss. */
    static String band(double score) {
        if (score < 40) {
            return "\"muy difícil\", very hard";
        } else if (score < 55) {
            return "\"algo difícil\", somewhat hard";
        } else if (score < 65) {
            return "\"normal\"";
        } else if (score < 80) {
            return "\"bastante fácil\", quite easy";
        }
        return "\"muy fácil\", very easy";
    }

    /** The formula's score from the counts of a text with at least one word. */
    double score(int words, int sentences, int syllables) {
        return switch (this) {
            case FLESCH_KINCAID -> 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
            case INFLESZ -> 206.835 - 62.3 * syllables / words - (double) words / sentences;
        };
    }

    /** Whether {@code c} is a letter of a word: ASCII letters for English, any letter for Spanish (ñ, á, ü …). */
    boolean isLetter(char c) {
        return switch (this) {
            case FLESCH_KINCAID -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            case INFLESZ -> Character.isLetter(c);
        };
    }

    /** Whether {@code c} may close a sentence after its full stop: for Spanish also » ” ’. */
    boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']'
                || this == INFLESZ && (c == '»' || c == '”' || c == '’');
    }

    /**
     * The syllables of one word (at least 1; a number counts as one).
     *
     * <p>English: vowel groups, less a silent final "e" and "-ed". Spanish: one syllable per vowel
     * nucleus, by the spelling rules. Two vowels side by side share a syllable (a diphthong: "ie" in
     * "tiene", "ui" in "cuidado", "uai" in "averiguáis") unless both are open (a, e, o: "le-er",
     * "po-e-ta") or one is an accented i or u, which breaks the pair (a hiatus: "dí-a", "pa-ís",
     * "ba-úl"). The "u" of "que", "qui", "gue", "gui" is silent and not a vowel ("guí-a"); "ü" is
     * sounded ("pin-güi-no"). "y" is a vowel at the end of a word ("hoy", "muy") and alone (the
     * word "y"), a consonant elsewhere ("a-yu-da"). An "h" between vowels separates them ("a-hí").
     */
    public int syllables(String word) {
        return switch (this) {
            case FLESCH_KINCAID -> englishSyllables(word);
            case INFLESZ -> spanishSyllables(word);
        };
    }

    private static int englishSyllables(String word) {
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

    private static int spanishSyllables(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int n = w.length();
        int count = 0;
        boolean inVowels = false;
        boolean lastOpen = false; // the vowel before, when in a run of vowels: open or accented i/u
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            boolean vowel;
            if (c == 'u' && i > 0 && (w.charAt(i - 1) == 'q' || w.charAt(i - 1) == 'g')
                    && i + 1 < n && "eiéí".indexOf(w.charAt(i + 1)) >= 0) {
                vowel = false; // the silent u of que, qui, gue, gui
            } else if (c == 'y') {
                vowel = i == n - 1; // hoy, muy, rey, and the word "y"
            } else {
                vowel = "aeiouáéíóúü".indexOf(c) >= 0;
            }
            if (!vowel) {
                if (Character.isLetter(c)) {
                    inVowels = false;
                }
                continue;
            }
            boolean open = "aeoáéóíú".indexOf(c) >= 0;
            if (!inVowels || open && lastOpen) {
                count++; // a new nucleus: after a consonant, or a hiatus between two open vowels
            }
            inVowels = true;
            lastOpen = open;
        }
        return Math.max(1, count);
    }
}

package dev.patella.source;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for the name of a file in {@code content/images/} (and of each folder on its way),
 * whether the file itself is checked or a field names it ({@code illustration: src:}): letters,
 * digits, hyphens and dots, which a web address carries as they are. The README says the same
 * words ("Adding an exercise"). Public so that a Markdown image whose address holds a space is
 * told the same rule and the same example name.
 */
public final class FileNames {

    /** The rule, as the messages say it. */
    public static final String RULE = "letters, digits, hyphens and dots only";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]+");

    private FileNames() {
    }

    /** Whether {@code name}, one part of a path, follows the rule; "." and ".." (a path's way out) do not. */
    static boolean usable(String name) {
        return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    /**
     * {@code name} made to follow the rule, for the message's example: lower case, letters without
     * their accents ("Rótula" becomes "rotula", "ñ" "n"), other characters as "-", and no "-" at
     * either end or beside a dot ("Squat (1).jpg" becomes "squat-1.jpg").
     */
    public static String fixed(String name) {
        String plain = ACCENTS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("-*\\.-*", ".")
                .replaceAll("^-+|-+$", "");
    }

    /**
     * {@code words} as a slug or an id is written, for a message's example: {@link #fixed} with dots
     * as hyphens too, and no two hyphens in a row ("Hip flexors" is hip-flexors, "Rótula" rotula).
     */
    static String asSlug(String words) {
        return fixed(words).replace('.', '-').replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    }

    /** The marks that decomposing a letter leaves after it: accents, tildes, cedillas. */
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
}

package dev.patella.cite;

import de.undercouch.citeproc.csl.CSLType;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.Suggestions;
import dev.patella.model.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that every reference's {@code type} is one of CSL's, as citeproc-java knows them: the
 * style formats each type its own way, so a misspelt one would change the reference list unseen.
 */
public final class CslTypes {

    /** Where an editor finds every type, with what each is for. */
    static final String LIST = "https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types";

    private static final List<String> NAMES = Arrays.stream(CSLType.values()).map(CSLType::toString).toList();

    private CslTypes() {
    }

    /** Reports each reference whose type CSL does not know, at its {@code type:} value. */
    public static void check(List<Reference> references, Diagnostics diagnostics) {
        for (Reference r : references) {
            if (!NAMES.contains(r.type())) {
                String meant = meant(r.type()).map(name -> "; did you mean \"" + name + "\"?").orElse(".");
                diagnostics.error("schema.invalid-value", r.typeAt(), "\"" + r.type() + "\" is not a type of "
                        + "reference that CSL knows, so the reference would be printed as another kind" + meant
                        + " The usual types are article-journal, book, chapter, report and webpage; every type is "
                        + "listed at " + LIST);
            }
        }
    }

    /** The type most likely meant: the same words in another order (journal-article), or a near spelling. */
    static Optional<String> meant(String type) {
        List<String> words = sortedWords(type);
        return NAMES.stream().filter(name -> sortedWords(name).equals(words)).findFirst()
                .or(() -> Suggestions.closest(type, NAMES));
    }

    private static List<String> sortedWords(String type) {
        return Arrays.stream(type.toLowerCase(Locale.ROOT).split("[-_ ]+")).sorted().toList();
    }
}

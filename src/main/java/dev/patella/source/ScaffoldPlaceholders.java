package dev.patella.source;

import dev.patella.diag.Diagnostics;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The example sentences {@code patella new} writes for an editor to replace, taken from the
 * {@link Scaffold}'s own output so the list can never drift from what it writes: every text value
 * of the front matter and every sentence of the body, of three words or more. Shorter values
 * ({@code early}, {@code Early phase}) are ordinary words an editor may well keep.
 */
final class ScaffoldPlaceholders {

    private static final int MIN_WORDS = 3;

    private ScaffoldPlaceholders() {
    }

    /** @return the placeholder sentences, whitespace collapsed, in the order the scaffold writes them */
    static List<String> all() {
        Set<String> found = new LinkedHashSet<>();
        for (Scaffold.Kind kind : Scaffold.Kind.values()) {
            String text = Scaffold.text(kind, "placeholder", "your-id", "your-first-exercise", LocalDate.EPOCH);
            var diagnostics = new Diagnostics();
            FrontMatter.split(text, "scaffold", diagnostics).ifPresent(fm -> {
                new YamlReader().read(fm.yaml(), "scaffold", fm.yamlFirstLine(), diagnostics)
                        .ifPresent(root -> PublishedText.eachText(root, "", (key, scalar) -> keep(scalar.text(), found)));
                for (String paragraph : fm.body().split("\\n\\s*\\n")) {
                    if (!paragraph.strip().startsWith("#")) {
                        for (String sentence : normalize(paragraph).split("(?<=[.!?])\\s+")) {
                            keep(sentence, found);
                        }
                    }
                }
            });
        }
        return List.copyOf(found);
    }

    /** Collapses every run of whitespace to one space and trims. */
    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void keep(String text, Set<String> found) {
        String value = normalize(text);
        if (value.split(" ").length >= MIN_WORDS) {
            found.add(value);
        }
    }
}

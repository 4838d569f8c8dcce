package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.Suggestions;
import dev.patella.model.GlossaryTerm;
import dev.patella.model.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.Set;
import java.util.Locale;
import java.util.HashSet;

/** Maps {@code content/glossary.yaml} (each term's id to its word, other forms and meaning) to glossary terms. */
final class GlossaryReader {

    private GlossaryReader() {
    }

    /** @return the terms that read without error, in file order; empty when none (problems reported) */
    static List<GlossaryTerm> read(YNode root, Diagnostics diagnostics) {
        return read(root, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(YNode, Diagnostics)}, noting every field asked for in {@code log}. */
    static List<GlossaryTerm> read(YNode root, Diagnostics diagnostics, FieldLog log) {
        if (!(root instanceof YNode.YMap map)) {
            diagnostics.error("schema.wrong-type", root.at(), "glossary.yaml must map each term's id to its "
                    + "details, for example \"kneecap:\" followed by indented \"term:\" and \"definition:\" lines");
            return List.of();
        }
        var file = new Fields(map, "glossary file", diagnostics, log);
        List<GlossaryTerm> terms = new ArrayList<>();
        for (YNode.Entry entry : map.entries().values()) {
            if (!ContentDocument.SLUG.matcher(entry.key()).matches()) {
                String fixed = asId(entry.key());
                diagnostics.error("slug.invalid", entry.keyAt(), "the glossary id \"" + entry.key() + "\" must use "
                        + "lower-case letters, digits and hyphens only, for example \""
                        + (fixed.isEmpty() ? "gluteus-medius" : fixed) + "\"");
                continue;
            }
            file.separateEntry(entry, "glossary term \"" + entry.key() + "\"").flatMap(f -> {
                String term = f.requiredText("term").strip();
                var also = f.strings("also", false);
                var definition = f.requiredProse("definition");
                var seeAlso = f.keys("see_also", false);
                return f.build(() -> {
                    List<String> forms = new ArrayList<>(List.of(term));
                    also.stream().map(String::strip).filter(s -> !s.isEmpty() && !forms.contains(s))
                            .forEach(forms::add);
                    return new GlossaryTerm(entry.key(), entry.keyAt(), term, forms, definition, seeAlso);
                });
            }).ifPresent(terms::add);
        }
        checkSeeAlso(terms, map, diagnostics);
        return terms;
    }

    /** {@code key} as an id is written: lower case, runs of other characters as one hyphen ("Hip flexors" is hip-flexors). */
    private static String asId(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Every "see also" names an entry of the file (one that failed to read still counts: its own error says why). */
    private static void checkSeeAlso(List<GlossaryTerm> terms, YNode.YMap map, Diagnostics diagnostics) {
        var ids = new TreeSet<>(map.entries().keySet());
        // an id refused for its form (Femur, "hip flexors") is named as it should be written: not a second mistake
        Set<String> refusedAsWritten = new HashSet<>();
        ids.stream().filter(id -> !ContentDocument.SLUG.matcher(id).matches())
                .forEach(id -> refusedAsWritten.add(asId(id)));
        for (GlossaryTerm term : terms) {
            for (Key key : term.seeAlso()) {
                if (!ids.contains(key.value()) && !refusedAsWritten.contains(key.value())) {
                    diagnostics.error("glossary.unknown-term", key.at(), "there is no term \"" + key.value()
                            + "\" in content/glossary.yaml" + Suggestions.closest(key.value(), ids)
                            .map(k -> "; did you mean \"" + k + "\"?").orElse("; check the spelling or add it"));
                }
            }
        }
    }
}

package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.GlossaryTerm;
import java.util.ArrayList;
import java.util.List;

/** Maps {@code content/glossary.yaml} (each term's id to its word, other forms and meaning) to glossary terms. */
final class GlossaryReader {

    private GlossaryReader() {
    }

    /** @return the terms that read without error, in file order; empty when the file is not a mapping (reported) */
    static List<GlossaryTerm> read(YNode root, Diagnostics diagnostics) {
        if (!(root instanceof YNode.YMap map)) {
            diagnostics.error("schema.wrong-type", root.at(), "glossary.yaml must map each term's id to its "
                    + "details, for example \"kneecap:\" followed by indented \"term:\" and \"definition:\" lines");
            return List.of();
        }
        List<GlossaryTerm> terms = new ArrayList<>();
        for (YNode.Entry entry : map.entries().values()) {
            if (!ContentDocument.SLUG.matcher(entry.key()).matches()) {
                diagnostics.error("slug.invalid", entry.keyAt(), "the glossary id \"" + entry.key() + "\" must use "
                        + "lower-case letters, digits and hyphens only, for example \"gluteus-medius\"");
                continue;
            }
            Fields.of(entry.value(), "glossary term \"" + entry.key() + "\"", diagnostics).ifPresent(f -> {
                var term = f.string("term", true);
                var also = f.strings("also", false);
                var definition = f.prose("definition", true);
                var seeAlso = f.keys("see_also", false);
                f.finish();
                if (!f.failed() && term.isPresent() && definition.isPresent()) {
                    List<String> forms = new ArrayList<>();
                    forms.add(term.get().strip());
                    also.stream().map(String::strip).filter(s -> !s.isEmpty() && !forms.contains(s))
                            .forEach(forms::add);
                    terms.add(new GlossaryTerm(entry.key(), entry.keyAt(), term.get().strip(), forms,
                            definition.get(), seeAlso));
                }
            });
        }
        return terms;
    }
}

package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.index.Urls;
import dev.patella.model.GlossaryTerm;
import java.util.List;
import java.util.Set;

/** A glossary term that no page uses explains nothing to anyone: it is reported where it is defined. */
public final class GlossaryCheck {

    private GlossaryCheck() {
    }

    /** @param targets every site-root path (with {@code #anchor}) the rendered pages link to */
    public static void unused(List<GlossaryTerm> glossary, Set<String> targets, Diagnostics diagnostics) {
        for (GlossaryTerm term : glossary) {
            if (!targets.contains(Urls.term(term.id()))) {
                diagnostics.error("glossary.unused-term", term.at(), "no page uses the glossary term \""
                        + term.term() + "\" or any of its forms; use it on a page, add the form the pages use "
                        + "under \"also:\", or remove the term");
            }
        }
    }
}

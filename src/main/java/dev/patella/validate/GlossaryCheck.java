package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.index.Urls;
import dev.patella.model.GlossaryTerm;
import dev.patella.model.Site;
import java.util.List;
import java.util.Set;

/**
 * A glossary term that no page uses explains nothing to anyone: it is reported where it is defined, unless a
 * draft uses it (it is linked there once the draft is published).
 */
public final class GlossaryCheck {

    private GlossaryCheck() {
    }

    /**
     * @param targets every site-root path (with {@code #anchor}) the rendered pages link to
     * @param site    the edition's content, its drafts too
     * @param orphans the texts of the edition's translations left without their source (an error of their own),
     *                which may be the pages that use a term
     */
    public static void unused(List<GlossaryTerm> glossary, Set<String> targets, Site site, List<String> orphans,
                              Diagnostics diagnostics) {
        DraftWords drafts = null;
        DraftWords orphaned = DraftWords.ofTexts(orphans);
        for (GlossaryTerm term : glossary) {
            if (!targets.contains(Urls.term(term.id()))) {
                drafts = drafts == null ? DraftWords.of(site) : drafts;
                DraftWords inDrafts = drafts;
                if (term.forms().stream().anyMatch(f -> inDrafts.uses(f) || orphaned.uses(f))) {
                    continue;
                }
                diagnostics.error("glossary.unused-term", term.at(), "no page uses the glossary term \""
                        + term.term() + "\" or any of its forms; use it on a page, add the form the pages use "
                        + "under \"also:\", or remove the term");
            }
        }
    }
}

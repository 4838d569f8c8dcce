package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.markdown.CitationUse;
import dev.patella.model.Reference;
import dev.patella.model.Site;
import dev.patella.model.UnreadEntries;
import dev.patella.diag.Suggestions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks citations: every cited key is a known source, and every source is used somewhere. */
public final class CitationChecker {

    private CitationChecker() {
    }

    /**
     * @param citations every {@code [@key]} written in Markdown
     * @param unread    the entries of sources.yaml that had errors of their own: a key of theirs is not
     *                  unknown (every key, when the file could not be read), and no entry of theirs is unused
     * @param listed    every key a page lists (cited in text or under {@code sources:})
     * @param site      the content, its drafts too: a source only a draft cites is not unused, only not cited by a
     *                  published page yet (as a glossary term only a draft uses)
     */
    public static void check(List<Reference> references, UnreadEntries unread, Collection<CitationUse> citations,
                             Set<String> listed, Site site, Diagnostics diagnostics) {
        Set<String> known = new TreeSet<>(unread.ids());
        references.forEach(r -> known.add(r.id()));
        for (CitationUse use : citations) {
            if (!known.contains(use.key()) && !unread.covers(use.key())) {
                diagnostics.error("cite.unknown-key", use.at(), "there is no source \"" + use.key()
                        + "\" in content/sources.yaml" + Suggestions.closest(use.key(), known)
                        .map(k -> "; did you mean \"" + k + "\"?").orElse("; add it there or fix the key"));
            }
        }
        Set<String> used = new HashSet<>(listed);
        citations.forEach(c -> used.add(c.key()));
        DraftWords drafts = null;
        for (Reference reference : references) {
            if (!used.contains(reference.id())) {
                drafts = drafts == null ? DraftWords.of(site) : drafts;
                if (drafts.cites(reference.id())) {
                    continue;
                }
                diagnostics.warning("cite.unused", reference.at(), "the source \"" + reference.id() + "\" is not "
                        + "cited by any page; cite it with [@" + reference.id() + "] or remove it");
            }
        }
    }
}

package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.markdown.CitationUse;
import dev.patella.model.Reference;
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
     * @param referencesReadable false when sources.yaml had errors: nothing is checked then
     * @param listed    every key a page lists (cited in text or under {@code sources:})
     */
    public static void check(List<Reference> references, boolean referencesReadable, Collection<CitationUse> citations,
                             Set<String> listed, Diagnostics diagnostics) {
        if (!referencesReadable) {
            return; // sources.yaml has errors of its own; every key would look unknown
        }
        Set<String> known = new TreeSet<>();
        references.forEach(r -> known.add(r.id()));
        for (CitationUse use : citations) {
            if (!known.contains(use.key())) {
                diagnostics.error("cite.unknown-key", use.at(), "there is no source \"" + use.key()
                        + "\" in content/sources.yaml" + Suggestions.closest(use.key(), known)
                        .map(k -> "; did you mean \"" + k + "\"?").orElse("; add it there or fix the key"));
            }
        }
        Set<String> used = new HashSet<>(listed);
        citations.forEach(c -> used.add(c.key()));
        for (Reference reference : references) {
            if (!used.contains(reference.id())) {
                diagnostics.warning("cite.unused", reference.at(), "the source \"" + reference.id() + "\" is not "
                        + "cited by any page; cite it with [@" + reference.id() + "] or remove it");
            }
        }
    }
}

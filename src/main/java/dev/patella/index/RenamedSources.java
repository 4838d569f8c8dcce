package dev.patella.index;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Page;
import dev.patella.model.Reference;
import dev.patella.model.Site;
import dev.patella.model.UnreadEntries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds an entry of {@code sources.yaml} whose id was changed by mistake: several pages list a
 * source under {@code sources:} (or {@code adapted_from:}) that no entry has, and the entry closest
 * to it is cited by no page. That is one mistake, at the entry; told at every page, and at every
 * {@code [@key]} in its text, "did you mean" would have the editor copy the typo into each of them.
 */
public final class RenamedSources {

    private RenamedSources() {
    }

    /**
     * @return {@code site} with each renamed entry under the id its pages use, each reported once at
     *         the entry; {@code site} itself when no entry was renamed
     */
    public static Site settle(Site site, boolean drafts, Diagnostics diagnostics) {
        Set<String> ids = new TreeSet<>();
        Set<String> twice = new HashSet<>();
        site.references().forEach(r -> {
            if (!ids.add(r.id())) {
                twice.add(r.id());
            }
        });
        Scan scan = new Scan(ids, site.unreadable().sources(), drafts, new TreeMap<>(), new HashSet<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        scan.pages(site.conditions(), site.exercises(), site.pages());
        site.translations().forEach(t -> scan.pages(t.conditions(), t.exercises(), t.pages()));
        Map<String, List<Key>> unknown = scan.unknown();
        if (unknown.isEmpty()) {
            return site;
        }
        Set<String> offered = new TreeSet<>(ids);
        offered.addAll(site.unreadable().sources().ids());
        // an id two entries have is told as such; which of the two was renamed is not clear
        Set<String> once = new TreeSet<>(ids);
        once.removeAll(twice);
        Map<String, String> meant = Renames.meant(once, offered, unknown, scan::names);
        if (meant.isEmpty()) {
            return site;
        }
        List<Reference> references = Renames.renamed(site.references(), Reference::id, meant,
                (r, id) -> new Reference(id, r.at(), r.type(), r.typeAt(), r.authors(), r.title(), r.containerTitle(),
                        r.containerTitleShort(), r.issued(), r.volume(), r.issue(), r.page(), r.doi(), r.pmid(),
                        r.pmcid(), r.url(), r.accessed(), r.language()),
                (r, id) -> diagnostics.error("cite.unknown-key", r.at(), Renames.told(id, unknown.get(id), "cite")
                        + ", but this entry is \"" + r.id() + "\", and no page cites it; change the entry to \"id: " + id
                        + "\", or, if the pages have it wrong, have them cite \"" + r.id() + "\""));
        return new Site(site.config(), site.people(), references, site.conditions(), site.exercises(), site.pages(),
                site.files(), site.unreadable(), site.glossary(), site.translations());
    }

    /**
     * The keys the pages list: {@code unknown} gets each key that names no entry (a draft's only when
     * {@code drafts}), {@code listed} every key; the pages are kept for their texts, which are read
     * only when an entry may have been renamed.
     */
    private record Scan(Set<String> ids, UnreadEntries unread, boolean drafts, Map<String, List<Key>> unknown,
                        Set<String> listed, List<Condition> conditions, List<Exercise> exercises, List<Page> pages) {

        void pages(List<Condition> conditions, List<Exercise> exercises, List<Page> pages) {
            for (Condition c : conditions) {
                keys(c.sources(), c.editorial().adaptedFrom(), drafts || !c.draft());
            }
            for (Exercise e : exercises) {
                keys(e.sources(), e.editorial().adaptedFrom(), drafts || !e.draft());
            }
            this.conditions.addAll(conditions);
            this.exercises.addAll(exercises);
            this.pages.addAll(pages);
        }

        private void keys(List<Key> sources, Optional<Key> adaptedFrom, boolean checked) {
            List<Key> keys = new ArrayList<>(sources);
            adaptedFrom.ifPresent(keys::add);
            for (Key key : keys) {
                listed.add(key.value());
                if (checked && key.several().isEmpty() && !ids.contains(key.value()) && !unread.covers(key.value())) {
                    unknown.computeIfAbsent(key.value(), k -> new ArrayList<>()).add(key);
                }
            }
        }

        /**
         * Whether a page lists {@code id}, or cites it in any of its texts (a body, a step, a dose's
         * frequency: {@code @id}), drafts and translations included.
         */
        boolean names(String id) {
            String cited = "@" + id;
            return listed.contains(id)
                    || conditions.stream().anyMatch(c -> c.texts().stream().anyMatch(t -> t.markdown().contains(cited)))
                    || exercises.stream().anyMatch(e -> e.texts().stream().anyMatch(t -> t.markdown().contains(cited)))
                    || pages.stream().anyMatch(p -> p.body().markdown().contains(cited));
        }
    }
}

package dev.patella.index;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Condition;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Person;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds an entry of {@code people.yaml} whose id was changed by mistake: several pages name an id
 * that no entry has, and the entry closest to it (as "did you mean" finds it) is named by no page.
 * That is one mistake, at the entry, not one at every page: the advice "did you mean" gives the pages
 * would copy the typo into each of them.
 */
public final class RenamedPeople {

    private RenamedPeople() {
    }

    /**
     * @return {@code site} with each renamed entry under the id its pages use, each reported once at
     *         the entry; {@code site} itself when no entry was renamed
     */
    public static Site settle(Site site, boolean drafts, Diagnostics diagnostics) {
        Set<String> ids = new TreeSet<>();
        site.people().forEach(p -> ids.add(p.id()));
        Set<String> named = new HashSet<>();
        Map<String, List<Key>> unknown = new TreeMap<>();
        List<Editorial> checked = new ArrayList<>();
        List<Editorial> all = new ArrayList<>();
        collect(site.conditions(), site.exercises(), drafts, checked, all);
        for (Translation t : site.translations()) {
            collect(t.conditions(), t.exercises(), drafts, checked, all);
        }
        all.forEach(e -> keys(e).forEach(k -> named.add(k.value())));
        for (Editorial e : checked) {
            for (Key key : keys(e)) {
                if (!ids.contains(key.value()) && !site.unreadable().people().covers(key.value())) {
                    unknown.computeIfAbsent(key.value(), k -> new ArrayList<>()).add(key);
                }
            }
        }
        Set<String> offered = new TreeSet<>(ids);
        offered.addAll(site.unreadable().people().ids());
        Map<String, String> meant = Renames.meant(ids, offered, unknown, named::contains);
        if (meant.isEmpty()) {
            return site;
        }
        List<Person> people = Renames.renamed(site.people(), Person::id, meant,
                (p, id) -> new Person(id, p.at(), p.name(), p.credentials(), p.role(), p.bio(), p.organization()),
                (p, id) -> diagnostics.error("ref.unknown-person", p.at(), Renames.told(id, unknown.get(id), "name")
                        + ", but this entry is \"" + p.id() + "\", and no page names it; rename the entry \"" + id
                        + ":\", or, if the pages have it wrong, have them name \"" + p.id() + "\""));
        return new Site(site.config(), people, site.references(), site.conditions(), site.exercises(), site.pages(),
                site.files(), site.unreadable(), site.glossary(), site.translations());
    }

    private static void collect(List<Condition> conditions, List<Exercise> exercises, boolean drafts,
                                List<Editorial> checked, List<Editorial> all) {
        for (Condition c : conditions) {
            all.add(c.editorial());
            if (drafts || !c.draft()) {
                checked.add(c.editorial());
            }
        }
        for (Exercise e : exercises) {
            all.add(e.editorial());
            if (drafts || !e.draft()) {
                checked.add(e.editorial());
            }
        }
    }

    private static List<Key> keys(Editorial editorial) {
        List<Key> out = new ArrayList<>(List.of(editorial.author()));
        editorial.reviewer().ifPresent(out::add);
        return out;
    }
}

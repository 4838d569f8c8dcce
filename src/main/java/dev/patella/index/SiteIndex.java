package dev.patella.index;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Person;
import dev.patella.model.Reference;
import dev.patella.model.Site;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The published part of a site with every cross-reference resolved: which pages exist and at
 * which URL, which exercises each condition uses and the other way round. Made by {@link Indexer};
 * every key it holds has been checked.
 *
 * @param conditions conditions sorted by title
 * @param exercises  exercises in program order (phase, then first use, then title)
 * @param pages      plain pages sorted by title
 * @param urls       every page URL of the site, for link checks
 * @param pageInfo   the title and content file of every page made from a content file, by URL
 * @param moved      the old addresses the pages keep ({@code moved_from:}), by old URL, in URL order;
 *                   none of them is in {@code urls}
 */
public record SiteIndex(
        Site site,
        List<Condition> conditions,
        List<Exercise> exercises,
        List<Page> pages,
        Map<String, Person> people,
        Map<String, Reference> references,
        Map<String, List<Usage>> usages,
        Set<String> urls,
        Map<String, Exercise> exercisesBySlug,
        Map<String, PageInfo> pageInfo,
        Map<String, MovedAddresses.Move> moved) {

    /** The title and content file of one page. */
    public record PageInfo(String title, SourceSpan origin) {
    }

    public SiteIndex {
        conditions = List.copyOf(conditions);
        exercises = List.copyOf(exercises);
        pages = List.copyOf(pages);
        people = Map.copyOf(people);
        references = Map.copyOf(references);
        usages = Map.copyOf(usages);
        urls = Set.copyOf(urls);
        exercisesBySlug = Map.copyOf(exercisesBySlug);
        pageInfo = Map.copyOf(pageInfo);
        moved = Collections.unmodifiableMap(new TreeMap<>(moved));
    }

    /** An index of these items; the lookup maps are derived from the lists. */
    static SiteIndex of(Site site, List<Condition> conditions, List<Exercise> exercises, List<Page> pages,
                        Map<String, Person> people, Map<String, Reference> references,
                        Map<String, List<Usage>> usages, Set<String> urls, Map<String, MovedAddresses.Move> moved) {
        var bySlug = new HashMap<String, Exercise>();
        var info = new HashMap<String, PageInfo>();
        for (Condition c : conditions) {
            info.put(Urls.condition(c.slug()), new PageInfo(c.title(), c.origin()));
        }
        for (Exercise e : exercises) {
            bySlug.put(e.slug(), e);
            info.put(Urls.exercise(e.slug()), new PageInfo(e.title(), e.origin()));
        }
        for (Page p : pages) {
            info.put(Urls.page(p.slug()), new PageInfo(p.title(), p.origin()));
        }
        return new SiteIndex(site, conditions, exercises, pages, people, references, usages, urls, bySlug, info, moved);
    }

    /** @return where the page that kept the old address {@code url} is now, or empty when no page keeps it */
    public Optional<MovedAddresses.Move> findMove(String url) {
        return Optional.ofNullable(moved.get(url));
    }

    /** @return the exercise with this slug, or empty when there is none (or it is an unpublished draft) */
    public Optional<Exercise> findExercise(String slug) {
        return Optional.ofNullable(exercisesBySlug.get(slug));
    }

    /** @throws NoSuchElementException when no published exercise has this slug */
    public Exercise requireExercise(String slug) {
        return findExercise(slug).orElseThrow(() -> new NoSuchElementException("no exercise " + slug));
    }

    /** @return the person with this id, or empty when people.yaml has none */
    public Optional<Person> findPerson(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** @return the reference with this id, or empty when sources.yaml has none */
    public Optional<Reference> findReference(String id) {
        return Optional.ofNullable(references.get(id));
    }

    /** Where an exercise is used; empty when no condition uses it. */
    public List<Usage> usagesOf(String exerciseSlug) {
        return usages.getOrDefault(exerciseSlug, List.of());
    }

    /** The content file a page URL was made from; empty for pages Patella makes itself (home, lists). */
    public Optional<SourceSpan> originOf(String url) {
        return Optional.ofNullable(pageInfo.get(url)).map(PageInfo::origin);
    }

    /** The title of the page at {@code url}; empty for pages Patella makes itself. */
    public Optional<String> findTitle(String url) {
        return Optional.ofNullable(pageInfo.get(url)).map(PageInfo::title);
    }
}

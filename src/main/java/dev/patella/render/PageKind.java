package dev.patella.render;

import dev.patella.index.SiteIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One kind of page (home, condition, exercise, …): its URLs, how each of its pages' view and
 * spec is built, its template, its navigation entry and what the search index knows of it.
 * Everything else (the render cache, the reserved URLs, the sitemap, the link checker's list of
 * pages) is derived from the kinds listed in {@link PageKinds}. Adding a kind of page is one class
 * here, listed there, one template and its tests.
 */
interface PageKind {

    /** The template in {@code templates/} its pages are rendered with. */
    String template();

    /** Each page of this kind the site has, with how to build its view; empty when it has none. */
    List<PageJob> pages(Inputs inputs);

    /**
     * The job of the page this kind makes from {@code model} (a page, exercise or condition read again from
     * its file) when the index holds the same item with only another body: the page as the next
     * render would make it, to show ahead of it. Empty when this kind makes no page of it, or the
     * item changed in more than its body (which other pages may show).
     */
    default Optional<PageJob> pageOf(Inputs inputs, Object model) {
        return Optional.empty();
    }

    /** Its entries in the main navigation, in order, named in {@code words}' language; empty when it has none. */
    default List<Views.Link> navigation(SiteIndex index, Messages words) {
        return List.of();
    }

    /**
     * The URLs its pages have whatever the content says ({@code /exercises/}); empty when every
     * URL of this kind comes from content.
     */
    default List<String> fixedUrls() {
        return List.of();
    }

    /**
     * The first segment of the URLs of this kind ({@code exercises}, {@code 404}), which no plain
     * page may take as its slug; empty for the home page and plain pages, which have none of their own.
     */
    default Optional<String> section() {
        return Optional.empty();
    }

    /** Whether its pages are listed in the sitemap (the 404 page is not). */
    default boolean inSitemap() {
        return true;
    }

    /**
     * Its pages as the search index and the search page list them, their kinds named in
     * {@code words}' language; empty when none is worth finding.
     */
    default List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        return List.of();
    }

    /** Whether the first use of each glossary term on its pages links to the term's meaning. */
    default boolean linksTerms() {
        return true;
    }

    /**
     * Whether its pages show facts of the other pages once those are rendered (the sources page
     * lists which pages cite each source, the search page names the search index made from their
     * texts), so they are specified and rendered after all others.
     */
    default boolean afterOthers() {
        return false;
    }

    /**
     * What a kind may build its pages from.
     *
     * @param findable    the search index's entries; empty until the other pages are rendered
     * @param searchIndex the site path of the search index file; empty until the other pages are rendered
     * @param words       the words of the pages' language
     * @param citedBy     for each source key, the pages that cite it; empty until the other pages are rendered
     */
    /**
     * @param same gives back an equal object the last render used when there is one, else its
     *             argument: keys of inputs shared by many pages, made the same object, compare at once
     * @param keys those keys, each made once for the edition however many kinds ask for it
     * @param renamed the names exercises had in handout links before they were renamed, each with its
     *             name now, from the default language's exercises: a handout link names an exercise by
     *             its file's name, which its translations share whatever their slugs
     */
    record Inputs(SiteIndex index, Messages words, List<SearchIndex.Entry> findable, String searchIndex,
                  Map<String, List<Views.Link>> citedBy, UnaryOperator<Object> same, SharedKeys keys,
                  Map<String, String> renamed) {
    }

    /**
     * The keys many pages of one edition share ({@link PlainPageKind#shared(Inputs)},
     * {@link PlainPageKind#overview(Inputs)}), each worked out once per render: seven kinds ask for
     * the overview, which reads every drawing's size from its file.
     */
    final class SharedKeys {
        private final Map<String, Object> made = new HashMap<>();

        /** The key called {@code name}, made by {@code make} the first time it is asked for. */
        synchronized Object get(String name, Supplier<Object> make) {
            Object known = made.get(name);
            if (known == null) {
                known = make.get();
                made.put(name, known);
            }
            return known;
        }
    }
}

package dev.patella.render;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of page the site has, in the order of the main navigation. What the rest of
 * Patella needs to know about pages it learns here, never from a list of its own.
 */
public final class PageKinds {

    static final List<PageKind> ALL = List.of(new HomeKind(), new ConditionKind(), new ProgramKind(), new HandoutKind(),
            new ExerciseListKind(), new ExerciseKind(), new PlainPageKind(), new GlossaryKind(), new SourcesKind(),
            new SearchKind(), new NotFoundKind(), new RedirectKind());

    private PageKinds() {
    }

    /** The URLs the site's own pages have whatever the content says ({@code /}, {@code /exercises/}, …). */
    public static Set<String> fixedUrls() {
        Set<String> out = new TreeSet<>();
        ALL.forEach(k -> out.addAll(k.fixedUrls()));
        return Set.copyOf(out);
    }

    /** The first URL segments the kinds of page use, which a plain page may not take as its slug. */
    public static Set<String> sections() {
        Set<String> out = new TreeSet<>();
        ALL.stream().map(PageKind::section).flatMap(Optional::stream).forEach(out::add);
        return Set.copyOf(out);
    }

    /** Whether a page rendered with {@code template} belongs in the sitemap; false for a template no kind uses. */
    public static boolean inSitemap(String template) {
        return ALL.stream().filter(k -> k.template().equals(template)).anyMatch(PageKind::inSitemap);
    }
}

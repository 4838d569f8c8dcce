package dev.patella.build;

import dev.patella.index.Reserved;
import dev.patella.output.SiteOutput;
import dev.patella.render.PageKinds;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the site takes for itself, from the page kinds and the output's files that are not pages. */
public final class ReservedNames {

    private ReservedNames() {
    }

    public static Reserved all() {
        return all(List.of());
    }

    /** What the site takes, with the folders of its other languages ({@code es}: {@code /es/…}). */
    public static Reserved all(List<String> languages) {
        Set<String> slugs = new HashSet<>(PageKinds.sections());
        slugs.addAll(SiteOutput.reservedNames());
        slugs.addAll(languages);
        return new Reserved(PageKinds.fixedUrls(), slugs);
    }

    /** Whether a plain page may not be called {@code slug} because the site itself uses the name. */
    public static boolean isReserved(String slug) {
        return isReserved(slug, List.of());
    }

    /**
     * Whether a plain page may not be called {@code slug} in a site whose other languages are
     * {@code languages}: the same rule the build refuses a page's slug by ({@code slug.reserved}).
     */
    public static boolean isReserved(String slug, List<String> languages) {
        return all(languages).slugs().contains(slug);
    }
}

package dev.patella.render;

import dev.patella.config.SiteConfig;
import dev.patella.index.SiteIndex;
import dev.patella.model.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every page's versions in the site's languages: a page and its translation are the same page
 * (made from files of the same name, or Patella's own page at the same URL), each at its own
 * URL. Made from the pages of every edition before any is rendered, for the {@code hreflang}
 * links, the language switcher and the sitemap.
 */
public final class Alternates {

    /** One language's version of a page: its language code and its site path ({@code /es/exercises/almeja/}). */
    public record Version(String language, String siteUrl) {
    }

    private final List<String> languages;
    private final Map<String, String> homes;
    /** The versions of each page, in the order of the site's languages, by the site path of each version. */
    private final Map<String, List<Version>> bySiteUrl = new HashMap<>();
    /** The translated pages with slugs of their own, by the site path their source's slug would give them. */
    private LinkAliases aliases = LinkAliases.none();

    private Alternates(List<String> languages, Map<String, String> homes) {
        this.languages = List.copyOf(languages);
        this.homes = Map.copyOf(homes);
    }

    /** A site in one language: every page has only itself. */
    public static Alternates none() {
        return new Alternates(List.of(), Map.of());
    }

    /** @param jobs the pages of each edition, in the order of {@code editions} */
    static Alternates of(List<SiteIndex> editions, List<List<PageJob>> jobs) {
        Map<String, String> homes = new LinkedHashMap<>();
        List<String> languages = new ArrayList<>();
        for (SiteIndex index : editions) {
            SiteConfig config = index.site().config();
            languages.add(config.language());
            homes.put(config.language(), config.prefix() + "/");
        }
        var out = new Alternates(languages, homes);
        Map<String, List<Version>> byIdentity = new LinkedHashMap<>();
        for (int i = 0; i < editions.size(); i++) {
            String language = languages.get(i);
            for (PageJob job : jobs.get(i)) {
                byIdentity.computeIfAbsent(identity(job, language), k -> new ArrayList<>())
                        .add(new Version(language, job.siteUrl()));
            }
        }
        Map<String, String> aliases = new HashMap<>();
        for (List<Version> versions : byIdentity.values()) {
            versions.forEach(v -> out.bySiteUrl.put(v.siteUrl(), List.copyOf(versions)));
            Version source = versions.get(0);
            if (source.language().equals(languages.get(0))) {
                for (Version v : versions.subList(1, versions.size())) {
                    String written = homes.get(v.language()) + source.siteUrl().substring(1);
                    if (!written.equals(v.siteUrl())) {
                        aliases.put(written, v.siteUrl());
                    }
                }
            }
        }
        List<String> prefixes = new ArrayList<>();
        homes.values().stream().filter(home -> !home.equals("/"))
                .forEach(home -> prefixes.add(home.substring(0, home.length() - 1)));
        out.aliases = new LinkAliases(aliases, prefixes);
        return out;
    }

    /** What makes two pages the same page in two languages: their kind, and their content file or URL. */
    private static String identity(PageJob job, String language) {
        String made = job.origin().map(o -> Translation.sourceFile(o.file(), language)).orElse(job.url());
        return job.template() + " " + made;
    }

    /** The translated pages that links may name by their source's slug. */
    LinkAliases aliases() {
        return aliases;
    }

    /** The site's languages, the default first; empty for a site in one language. */
    public List<String> languages() {
        return languages;
    }

    /** The versions of the page at {@code siteUrl}, itself included, in language order; empty for a site in one language. */
    public List<Version> of(String siteUrl) {
        return bySiteUrl.getOrDefault(siteUrl, List.of());
    }

    /** The version of the page at {@code siteUrl} in {@code language}; empty when it is not translated into it. */
    public Optional<Version> find(String siteUrl, String language) {
        return of(siteUrl).stream().filter(v -> v.language().equals(language)).findFirst();
    }

    /** The site path of the home page in {@code language}: {@code /} or {@code /es/}. */
    public String home(String language) {
        return homes.getOrDefault(language, "/");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alternates a && a.languages.equals(languages) && a.bySiteUrl.equals(bySiteUrl);
    }

    @Override
    public int hashCode() {
        return bySiteUrl.hashCode();
    }
}

package dev.patella.render;

import dev.patella.config.BaseUrls;
import dev.patella.config.SiteConfig;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Page;
import dev.patella.source.ExampleAddresses;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the frame every page shares: navigation, breadcrumbs, canonical URL, stylesheet. */
final class Layouts {

    private final SiteIndex index;
    private final SiteConfig config;
    private final String css;
    private final String icon;
    /** The pages listed in the footer, found once: every page's footer links to them. */
    private final List<Page> footerPages;
    /** The main navigation, from the page kinds: site-root URLs. */
    private final List<Views.Link> nav;
    private final Alternates alternates;
    /** The edition's language as {@code og:locale} writes it, the same on every page. */
    private final String ogLocale;
    /** The words of the pages' language. */
    private final Messages words;
    /** Each language's name in itself and its writing direction, asked of ICU once, not on every page. */
    private final Map<String, String> names;
    private final Map<String, String> directions;
    /**
     * This language's home page's address as printed, as a reader types it (no https://); empty while
     * the base URL is an example address, so that no address that goes nowhere is printed.
     */
    private final String printedHome;
    private final String printScript;

    /**
     * @param css the stylesheet's site path; {@code icon} the favicon's, both without a leading slash
     * @param nav the main navigation's entries, in order, with site-root URLs
     * @param words the words of the pages' language
     */
    Layouts(SiteIndex index, String css, String icon, List<Views.Link> nav, Messages words) {
        this(index, css, icon, nav, words, Alternates.none(), "");
    }

    /**
     * @param alternates  every page's versions in the site's languages
     * @param printScript the site path of the script that writes a page's addresses for paper from the
     *                    address it was opened at, which every page loads while the base URL is an example
     *                    address (so that the printout still says where its links lead); empty for none
     */
    Layouts(SiteIndex index, String css, String icon, List<Views.Link> nav, Messages words, Alternates alternates,
            String printScript) {
        this.alternates = alternates;
        this.words = words;
        this.index = index;
        this.config = index.site().config();
        this.ogLocale = ogLocale(config.language());
        String home = config.baseUrl().toString();
        // printed for people: the server name and the letters of the path as they are written
        this.printedHome = ExampleAddresses.reservedName(home).isPresent() ? ""
                : BaseUrls.readable(config.baseUrl()).replaceFirst("^https?://", "");
        this.css = css;
        this.icon = icon;
        this.printScript = printedHome.isEmpty() ? printScript : "";
        this.nav = List.copyOf(nav);
        this.footerPages = index.pages().stream().filter(Page::nav).toList();
        Map<String, String> names = new HashMap<>();
        Map<String, String> directions = new HashMap<>();
        for (String code : alternates.languages()) {
            names.put(code, LanguageNames.name(code));
            directions.put(code, LanguageNames.dir(code));
        }
        directions.computeIfAbsent(config.language(), LanguageNames::dir);
        this.names = Map.copyOf(names);
        this.directions = Map.copyOf(directions);
    }

    /**
     * @param section     the main navigation entry to mark as current (its URL)
     * @param breadcrumbs the pages above this one, home first; this page is added last
     * @param disclaimerHtml the site's disclaimer, rendered for this page
     */
    Views.Layout layout(String url, String title, String description, String section, List<Views.Link> breadcrumbs,
                        String disclaimerHtml, String jsonLd) {
        return layout(url, Urls.relative(url, "/"), Urls.relative(config.prefix() + url, "/"), title, description,
                section, breadcrumbs, disclaimerHtml, jsonLd);
    }

    /** The frame for the 404 page, which is served at any URL and so links from the base path. */
    Views.Layout notFoundLayout(String title, String disclaimerHtml, String jsonLd) {
        return layout(Urls.NOT_FOUND, config.basePath(), config.siteBaseUrl().getRawPath(), title,
                config.description(), "", List.of(), disclaimerHtml, jsonLd);
    }

    /**
     * @param root       the href of this edition's home page from this page
     * @param siteRoot   the href of the site's root (where the shared assets are) from this page
     */
    private Views.Layout layout(String url, String root, String siteRoot, String title, String description,
                                String section, List<Views.Link> breadcrumbs, String disclaimerHtml, String jsonLd) {
        List<Views.Link> crumbs = new ArrayList<>();
        if (!url.equals(Urls.HOME) && !url.equals(Urls.NOT_FOUND)) {
            crumbs.add(new Views.Link(words.text("nav.home"), root, false));
            for (Views.Link crumb : breadcrumbs) {
                crumbs.add(new Views.Link(crumb.title(), root + crumb.href().substring(1), false));
            }
            crumbs.add(new Views.Link(title, "", true));
        }
        String fullTitle = url.equals(Urls.HOME) ? config.title()
                : words.format("title.page", Map.of("page", title, "site", config.title()));
        var head = new Views.Layout.Head(fullTitle, title, description, config.language(), siteRoot + css,
                siteRoot + icon, root + SiteRenderer.MANIFEST,
                printScript.isEmpty() ? List.of() : List.of(siteRoot + printScript), jsonLd, "website",
                ogLocale);
        var frame = new Views.Layout.Frame(config.title(), nav(root, url, section), footer(root, url), disclaimerHtml,
                config.publisher().name());
        String printed = printedHome.isEmpty() ? "" : config.baseUrl().getScheme() + "://" + printed(url);
        var place = new Views.Layout.Place(url, root, config.baseUrl().toString() + url.substring(1), printed,
                printedHome, section, crumbs);
        return new Views.Layout(head, frame, place, language(config.prefix() + url, siteRoot));
    }

    /** Every page's versions in the site's languages. */
    Alternates alternates() {
        return alternates;
    }

    /**
     * A language code as Open Graph's {@code og:locale} wants it, language and region joined by
     * {@code _}: ICU's likely region completes a bare language ({@code es} is {@code es_ES},
     * {@code en} is {@code en_US}, {@code pt-BR} stays {@code pt_BR}).
     */
    static String ogLocale(String code) {
        ULocale likely = ULocale.addLikelySubtags(ULocale.forLanguageTag(code));
        String region = likely.getCountry();
        return region.isEmpty() ? likely.getLanguage() : likely.getLanguage() + "_" + region;
    }

    /** The page's language, its versions in the others, and the switcher to them. */
    private Views.Layout.Language language(String siteUrl, String siteRoot) {
        String code = config.language();
        List<Views.Layout.Alternate> links = new ArrayList<>();
        List<Views.Layout.LanguageLink> switcher = new ArrayList<>();
        var versions = alternates.of(siteUrl);
        if (alternates.languages().size() > 1) {
            String base = config.siteBaseUrl().toString();
            // a page in one language only has no alternates to name
            versions.stream().filter(v -> versions.size() > 1).forEach(v -> links.add(new Views.Layout.Alternate(v.language(), base + v.siteUrl().substring(1))));
            alternates.find(siteUrl, config.languages().defaultLanguage()).filter(v -> versions.size() > 1).ifPresent(v ->
                    links.add(new Views.Layout.Alternate("x-default", base + v.siteUrl().substring(1))));
            for (String other : alternates.languages()) {
                if (other.equals(code)) {
                    continue;
                }
                var version = alternates.find(siteUrl, other);
                String target = version.map(Alternates.Version::siteUrl).orElse(alternates.home(other));
                switcher.add(new Views.Layout.LanguageLink(other, names.get(other), directions.get(other),
                        siteRoot + target.substring(1), version.isPresent()));
            }
        }
        return new Views.Layout.Language(code, directions.get(code), links, switcher);
    }

    private List<Views.NavLink> nav(String root, String url, String section) {
        return nav.stream().map(entry -> link(entry.title(), entry.href(), root, url, section)).toList();
    }

    private List<Views.NavLink> footer(String root, String url) {
        List<Views.NavLink> links = new ArrayList<>();
        for (Page p : footerPages) {
            links.add(link(p.title(), Urls.page(p.slug()), root, url, url));
        }
        // the same help link in the same place on every page (WCAG 3.2.6)
        index.conditions().stream().findFirst().ifPresent(c -> links.add(new Views.NavLink(words.text("footer.help"),
                root + Urls.condition(c.slug()).substring(1) + "#help-heading", "")));
        config.reportErrorsTo().ifPresent(to -> links.add(new Views.NavLink(words.text("footer.report"), to.toString(), "")));
        return links;
    }

    /** "page" when the link is this page, "true" when it is the section this page belongs to. */
    private static Views.NavLink link(String title, String target, String root, String url, String section) {
        String current = target.equals(url) ? "page" : target.equals(section) ? "true" : "";
        return new Views.NavLink(title, root + target.substring(1), current);
    }

    /** The address of the page at {@code url} (of this language) as printed; empty while the base URL is an example address. */
    String printed(String url) {
        return printedHome.isEmpty() ? "" : printedHome + url.substring(1);
    }
}

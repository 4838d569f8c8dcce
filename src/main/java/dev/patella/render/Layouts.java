package dev.patella.render;

import dev.patella.config.SiteConfig;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Page;
import java.util.ArrayList;
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
    /** The words of the pages' language. */
    private final Messages words;

    /**
     * @param css the stylesheet's site path; {@code icon} the favicon's, both without a leading slash
     * @param nav the main navigation's entries, in order, with site-root URLs
     * @param words the words of the pages' language
     */
    Layouts(SiteIndex index, String css, String icon, List<Views.Link> nav, Messages words) {
        this.words = words;
        this.index = index;
        this.config = index.site().config();
        this.css = css;
        this.icon = icon;
        this.nav = List.copyOf(nav);
        this.footerPages = index.pages().stream().filter(Page::nav).toList();
    }

    /**
     * @param section     the main navigation entry to mark as current (its URL)
     * @param breadcrumbs the pages above this one, home first; this page is added last
     * @param disclaimerHtml the site's disclaimer, rendered for this page
     */
    Views.Layout layout(String url, String title, String description, String section, List<Views.Link> breadcrumbs,
                        String disclaimerHtml, String jsonLd) {
        return layout(url, Urls.relative(url, "/"), title, description, section, breadcrumbs, disclaimerHtml, jsonLd);
    }

    /** The frame for the 404 page, which is served at any URL and so links from the base path. */
    Views.Layout notFoundLayout(String title, String disclaimerHtml, String jsonLd) {
        return layout(Urls.NOT_FOUND, config.basePath(), title, config.description(), "", List.of(), disclaimerHtml,
                jsonLd);
    }

    private Views.Layout layout(String url, String root, String title, String description, String section,
                                List<Views.Link> breadcrumbs, String disclaimerHtml, String jsonLd) {
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
        var head = new Views.Layout.Head(fullTitle, title, description, config.language(), root + css, root + icon,
                root + SiteRenderer.MANIFEST, List.of(), jsonLd, "website");
        var frame = new Views.Layout.Frame(config.title(), nav(root, url, section), footer(root, url), disclaimerHtml,
                config.publisher().name());
        var place = new Views.Layout.Place(url, root, config.baseUrl().toString() + url.substring(1), section, crumbs);
        return new Views.Layout(head, frame, place);
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
}

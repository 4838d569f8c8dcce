package dev.patella.validate;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.render.TemplateLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the links of the finished pages, whoever wrote them: every {@code href} and {@code src}
 * that points into the site must find its page, heading or file. Links written in Markdown are
 * left to {@link ContentLinkChecker}, which knows their line in the content. A broken link that a
 * template writes literally is reported once, at the template line; any other (made by a
 * template from data) at the content file of the page that shows it.
 */
public final class OutputLinkChecker {

    /**
     * What the check needs to know about one page.
     *
     * @param origin  the content file the page was made from; empty for pages Patella makes itself
     * @param template the template that rendered it, such as {@code exercise.ftlh}
     * @param targets every site-root target its HTML links to, with {@code #anchor}
     * @param written the targets the page's Markdown and front matter wrote (checked elsewhere)
     */
    public record PageLinks(String url, Optional<SourceSpan> origin, String template, Collection<String> targets,
                            Collection<String> written) {
    }

    private OutputLinkChecker() {
    }

    /**
     * @param unrendered pages the site has but could not render (their own errors say why): links
     *                   to them are not reported again
     */
    public static void check(ContentLinkChecker site, Collection<PageLinks> pages, List<TemplateLink> templateLinks,
                             Set<String> unrendered, Diagnostics diagnostics) {
        Map<TemplateLink, List<String>> brokenTemplateLinks = new LinkedHashMap<>();
        for (TemplateLink link : templateLinks) {
            if (link.kind() == TemplateLink.Kind.SITE && !site.resolves(link.target())) {
                brokenTemplateLinks.computeIfAbsent(link, l -> new ArrayList<>());
            }
        }
        // most targets (the navigation, the stylesheet) are the same on every page: judge each once
        Map<String, Boolean> fine = new HashMap<>();
        for (PageLinks page : pages) {
            for (String target : page.targets()) {
                if (fine.computeIfAbsent(target, t -> resolves(t, site, unrendered)) || page.written().contains(target)) {
                    continue;
                }
                Optional<TemplateLink> source = writtenBy(target, page.url(), templateLinks);
                if (source.isPresent()) {
                    brokenTemplateLinks.computeIfAbsent(source.get(), l -> new ArrayList<>()).add(page.url());
                } else {
                    SourceSpan at = page.origin().orElse(SourceSpan.startOf("templates/" + page.template()));
                    diagnostics.error(code(target, site), at, "the page " + page.url() + " links to " + target
                            + ", which the site does not have; the link is made by templates/" + page.template()
                            + " from this file's data: fix the data it names, or the template");
                }
            }
        }
        brokenTemplateLinks.forEach((link, urls) -> diagnostics.add(describe(link, urls, site)));
    }

    private static boolean resolves(String target, ContentLinkChecker site, Set<String> unrendered) {
        int hash = target.indexOf('#');
        return site.resolves(target) || unrendered.contains(hash < 0 ? target : target.substring(0, hash));
    }

    private static Optional<TemplateLink> writtenBy(String target, String pageUrl, List<TemplateLink> links) {
        for (TemplateLink link : links) {
            boolean same = switch (link.kind()) {
                case SITE -> link.target().equals(target);
                case ANCHOR -> target.equals(pageUrl + link.target());
                case RELATIVE -> Urls.resolve(pageUrl, link.target(), "/").filter(target::equals).isPresent();
                default -> false;
            };
            if (same) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    private static Diagnostic describe(TemplateLink link, List<String> pages, ContentLinkChecker site) {
        String where = pages.isEmpty() ? "" : " (on " + (pages.size() == 1 ? "the page " + pages.get(0)
                : pages.size() + " pages, for example " + pages.get(0)) + ")";
        if (link.kind() == TemplateLink.Kind.ANCHOR) {
            return Diagnostic.error("link.broken-anchor", link.at(), "the template links to \""
                    + link.written() + "\", but the page has no element with the id \"" + link.target().substring(1)
                    + "\"" + where + "; add id=\"" + link.target().substring(1) + "\" to the part it should jump "
                    + "to, or fix the link");
        }
        return Diagnostic.error(code(link.target(), site), link.at(), "the template links to \""
                + link.written() + "\", which points at " + link.target() + ", but the site has no such "
                + (link.target().contains("#") ? "heading" : "page or file") + where
                + "; fix the address (pages end in /, for example ${page.layout.place.root}exercises/)");
    }

    /** {@code link.broken-anchor} when only the heading is missing, {@code link.broken} when the page is. */
    private static String code(String target, ContentLinkChecker site) {
        int hash = target.indexOf('#');
        return hash >= 0 && site.resolves(target.substring(0, hash)) ? "link.broken-anchor" : "link.broken";
    }
}

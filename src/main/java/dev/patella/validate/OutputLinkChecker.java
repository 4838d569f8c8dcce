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
     * @param written the targets the page's Markdown and front matter wrote (checked elsewhere), as
     *                {@code targets} has them: without a {@code ?query}
     */
    public record PageLinks(String url, Optional<SourceSpan> origin, String template, Collection<String> targets,
                            Collection<String> written) {
    }

    /**
     * What one check leaves for the next, in a long-lived session: the pages that had no broken
     * link, and whether each target seen resolved. A page equal to one of them has no broken link
     * either, and is not looked at again, as long as no target that resolved has stopped
     * resolving. Used by one check at a time.
     */
    public static final class Memory {
        private Map<String, Boolean> fine = new HashMap<>();
        private Map<String, PageLinks> clean = new HashMap<>();
    }

    private OutputLinkChecker() {
    }

    /**
     * @param unrendered pages the site has but could not render (their own errors say why): links
     *                   to them are not reported again
     */
    public static void check(ContentLinkChecker site, Collection<PageLinks> pages, List<TemplateLink> templateLinks,
                             Set<String> unrendered, Diagnostics diagnostics) {
        check(site, pages, templateLinks, unrendered, new Memory(), diagnostics);
    }

    /** As {@link #check(ContentLinkChecker, Collection, List, Set, Diagnostics)}, skipping pages {@code memory} knows to be fine. */
    public static void check(ContentLinkChecker site, Collection<PageLinks> pages, List<TemplateLink> templateLinks,
                             Set<String> unrendered, Memory memory, Diagnostics diagnostics) {
        // a page with no broken link last time has none now if it is the same page and every
        // target that resolved then resolves now: judge again the targets judged last time
        // (a few thousand), not every page's (a hundred thousand)
        Map<String, Boolean> fine = new HashMap<>();
        boolean noneLost = memory.fine.size() < 200_000; // a bound, for a server that runs for days
        if (noneLost) {
            for (Map.Entry<String, Boolean> before : memory.fine.entrySet()) {
                boolean now = resolves(before.getKey(), site, unrendered);
                fine.put(before.getKey(), now);
                noneLost &= now || !before.getValue();
            }
        }
        Map<String, PageLinks> knownClean = noneLost ? memory.clean : Map.of();
        Map<String, PageLinks> clean = new HashMap<>();
        Map<TemplateLink, List<String>> brokenTemplateLinks = new LinkedHashMap<>();
        for (TemplateLink link : templateLinks) {
            if (link.kind() == TemplateLink.Kind.SITE && !site.resolves(link.target())) {
                brokenTemplateLinks.computeIfAbsent(link, l -> new ArrayList<>());
            }
        }
        // most targets (the navigation, the stylesheet) are the same on every page: judge each once
        for (PageLinks page : pages) {
            if (page.equals(knownClean.get(page.url()))) {
                clean.put(page.url(), page);
                continue;
            }
            boolean fineHere = true;
            for (String target : page.targets()) {
                if (fine.computeIfAbsent(target, t -> resolves(t, site, unrendered)) || page.written().contains(target)) {
                    continue;
                }
                fineHere = false;
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
            if (fineHere) {
                clean.put(page.url(), page);
            }
        }
        memory.fine = fine;
        memory.clean = clean;
        brokenTemplateLinks.forEach((link, urls) -> diagnostics.add(describe(link, urls, site)));
    }

    private static boolean resolves(String target, ContentLinkChecker site, Set<String> unrendered) {
        return site.resolves(target) || unrendered.contains(ContentLinkChecker.pathOf(target));
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

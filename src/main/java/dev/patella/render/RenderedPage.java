package dev.patella.render;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.SourceSpan;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One finished page, with the facts the checks need, so that a page that did not change can be
 * reused without looking at its HTML again.
 *
 * @param url         where it is published, for example {@code /exercises/clamshell/}
 * @param template    the template that rendered it, such as {@code exercise.ftlh}
 * @param origin      the content file it was made from; empty for pages Patella makes itself
 * @param html        the page, UTF-8
 * @param links       the links its Markdown made, for link checks
 * @param citations   the citations in its Markdown, for citation checks
 * @param sources     every source key the page lists (cited in text or under {@code sources:})
 * @param ids         every {@code id} in its HTML, for anchor checks
 * @param targets     every site-root path (with {@code #anchor}) its HTML links to or loads
 * @param diagnostics the problems found while making this page
 * @param title       the page's own title, in its edition's language (the sources page names the
 *                    pages that cite a source by it); empty for a page without a layout
 */
public record RenderedPage(String url, String template, Optional<SourceSpan> origin, byte[] html,
                           List<LinkUse> links, List<CitationUse> citations, List<String> sources, Set<String> ids,
                           Set<String> targets, List<Diagnostic> diagnostics, String title) {
    public RenderedPage {
        links = List.copyOf(links);
        citations = List.copyOf(citations);
        sources = List.copyOf(sources);
        ids = Set.copyOf(ids);
        targets = Set.copyOf(targets);
        diagnostics = List.copyOf(diagnostics);
    }

    /** This page with other bytes: the same page read back from disk, or remembered without them. */
    public RenderedPage withHtml(byte[] bytes) {
        return new RenderedPage(url, template, origin, bytes, links, citations, sources, ids, targets, diagnostics,
                title);
    }

    /** The page as text. */
    public String text() {
        return new String(html, StandardCharsets.UTF_8);
    }
}

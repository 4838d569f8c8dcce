package dev.patella.render;

import dev.patella.diag.SourceSpan;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import java.util.List;
import java.util.Optional;

/**
 * One finished page.
 *
 * @param url       where it is published, for example {@code /exercises/clamshell/}
 * @param origin    the content file it was made from; empty for pages Patella makes itself
 * @param links     the internal links its Markdown made, for link checks
 * @param citations the citations in its Markdown, for citation checks
 * @param sources   every source key the page lists (cited in text or under {@code sources:})
 */
public record RenderedPage(String url, String html, Optional<SourceSpan> origin, List<LinkUse> links,
                           List<CitationUse> citations, List<String> sources) {
    public RenderedPage {
        links = List.copyOf(links);
        citations = List.copyOf(citations);
        sources = List.copyOf(sources);
    }
}

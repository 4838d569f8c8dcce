package dev.patella.render;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * Everything one page shows, with its Markdown still as source: the page's view built over
 * {@link SourceText} by the same code that builds the view its template receives. Two equal specs
 * (records compare by value, all the way down) give the same page, so the render cache keys on
 * it and nothing is copied by hand to decide what changed.
 *
 * @param url      where the page is published
 * @param template the template that renders it
 * @param origin   the content file it is made from; empty for pages Patella makes itself
 * @param shows    the view, with each Markdown text in place as its source
 * @param markdown each Markdown text of the page with where it was written, in the order the view reads them
 * @param aliases  where the page's Markdown links that name a translated page by its source's slug
 *                 lead; {@link LinkAliases#none()} for a page without Markdown
 */
record PageSpec(String url, String template, Optional<SourceSpan> origin, Object shows,
                List<SourceText.Text> markdown, LinkAliases aliases) {
    PageSpec {
        markdown = List.copyOf(markdown);
    }
}

package dev.patella.markdown;

import java.util.List;
import java.util.Optional;

/**
 * HTML made from one piece of Markdown, with what it referred to.
 *
 * @param html       safe HTML: raw HTML in the Markdown is escaped
 * @param links      links and images, as written: to this site (site-root paths, possibly with
 *                   {@code #anchor}) and to others ({@code https://...})
 * @param citations  citation keys in the order they appear
 * @param plain      the Markdown's words as {@link MarkdownRenderer#plainText} gives them, when they
 *                   could be read from the same parse as the HTML (empty otherwise: a text with a
 *                   citation, or one that was not parsed), so a caller that needs both parses once
 */
public record Rendered(String html, List<LinkUse> links, List<CitationUse> citations, Optional<String> plain) {
    public Rendered {
        links = List.copyOf(links);
        citations = List.copyOf(citations);
    }

    /** HTML with its links and citations, its plain text not known. */
    public Rendered(String html, List<LinkUse> links, List<CitationUse> citations) {
        this(html, links, citations, Optional.empty());
    }
}

package dev.patella.markdown;

import java.util.List;

/**
 * HTML made from one piece of Markdown, with what it referred to.
 *
 * @param html       safe HTML: raw HTML in the Markdown is escaped
 * @param links      links and images, as written: to this site (site-root paths, possibly with
 *                   {@code #anchor}) and to others ({@code https://...})
 * @param citations  citation keys in the order they appear
 */
public record Rendered(String html, List<LinkUse> links, List<CitationUse> citations) {
    public Rendered {
        links = List.copyOf(links);
        citations = List.copyOf(citations);
    }
}

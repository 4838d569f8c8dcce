package dev.patella.markdown;

import java.util.Set;
import java.util.function.Function;

/**
 * What rendering Markdown for one page needs to know.
 *
 * @param pageUrl     the URL of the page being made, for relative links
 * @param link        turns a site-root path into the href written in the page
 * @param citeKeys    the known citation keys: an unknown one is rendered as plain text
 * @param numbers     the page's citation numbering
 */
public record PageContext(String pageUrl, Function<String, String> link, Set<String> citeKeys,
                          CitationNumbers numbers) {
}

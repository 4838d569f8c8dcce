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
 * @param writtenKeys every key the sources file names, also those of entries with a mistake (which
 *                    are not numbered): a citation of one written without its {@code @} is still told
 */
public record PageContext(String pageUrl, Function<String, String> link, Set<String> citeKeys,
                          CitationNumbers numbers, Set<String> writtenKeys) {

    /** A page whose sources were all read: the keys it may number are all those written. */
    public PageContext(String pageUrl, Function<String, String> link, Set<String> citeKeys, CitationNumbers numbers) {
        this(pageUrl, link, citeKeys, numbers, citeKeys);
    }
}

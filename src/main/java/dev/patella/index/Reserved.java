package dev.patella.index;

import java.util.Set;

/**
 * What the site itself takes before any content is read, told to the indexer by the stages that
 * know it (the page kinds, the output's files that are not pages).
 *
 * @param urls  the URLs the site's own pages have whatever the content says ({@code /exercises/})
 * @param slugs the names a plain page may not take as its slug ({@code exercises}, {@code sitemap})
 */
public record Reserved(Set<String> urls, Set<String> slugs) {
    public Reserved {
        urls = Set.copyOf(urls);
        slugs = Set.copyOf(slugs);
    }
}

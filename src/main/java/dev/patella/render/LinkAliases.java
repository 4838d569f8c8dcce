package dev.patella.render;

import java.util.List;
import java.util.Map;

/**
 * The addresses a link in content may use for a translated page that has a slug of its own. A
 * translation keeps its source's links ({@code /exercises/clamshell/}); where the page it names is
 * translated with its own slug ({@code content/es/exercises/clamshell.md} with {@code slug: almeja}),
 * the link leads to that page in the language of the page it is written in
 * ({@code /es/exercises/almeja/}). A link to another language's page written with the source's
 * slug ({@code /es/exercises/clamshell/}) leads there too, and so does any link into the folder of
 * the page's own language ({@code /es/pain-guide/} from a Spanish page).
 *
 * @param bySitePath the site path of each translated page under its source's slug
 *                   ({@code /es/exercises/clamshell/}), to its own ({@code /es/exercises/almeja/})
 * @param prefixes   the folders of the languages other than the default ({@code /es})
 */
record LinkAliases(Map<String, String> bySitePath, List<String> prefixes) {

    LinkAliases {
        bySitePath = Map.copyOf(bySitePath);
        prefixes = List.copyOf(prefixes);
    }

    static LinkAliases none() {
        return new LinkAliases(Map.of(), List.of());
    }

    /**
     * The path, within the edition published under {@code prefix} ({@code ""} or {@code /es}), that
     * a link written as {@code target} in that edition's content leads to: {@code target} itself
     * unless it names a translated page by its source's slug (whatever {@code ?query} and
     * {@code #anchor} follow its path). A target outside the site's pages
     * (another site, a shared file, an anchor) is returned as it is.
     */
    String local(String prefix, String target) {
        if (prefixes.isEmpty() || !target.startsWith("/") || target.startsWith("//")) {
            return target;
        }
        int hash = target.indexOf('#');
        int query = target.indexOf('?');
        int end = query >= 0 && (hash < 0 || query < hash) ? query : hash;
        String path = end < 0 ? target : target.substring(0, end);
        String anchor = end < 0 ? "" : target.substring(end); // with the ?query, kept as written
        if (!prefix.isEmpty() && path.equals(prefix)) {
            return "/" + anchor; // "/es" from a Spanish page: its edition's home
        }
        boolean named = prefixes.stream().anyMatch(p -> path.startsWith(p + "/"));
        String site = named ? path : prefix + path;
        String mapped = bySitePath.get(site);
        if (mapped == null) {
            // a link into the page's own language's folder ("/es/pain-guide/" from a Spanish page)
            // names a path of its edition: without the folder, or the page's own folder is added twice
            return named && !prefix.isEmpty() && path.startsWith(prefix + "/")
                    ? path.substring(prefix.length()) + anchor : target;
        }
        if (prefix.isEmpty()) {
            return mapped + anchor;
        }
        return mapped.startsWith(prefix + "/") ? mapped.substring(prefix.length()) + anchor : target;
    }
}

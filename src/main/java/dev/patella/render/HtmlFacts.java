package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the ids and link targets of a finished page in one pass over its HTML. */
final class HtmlFacts {

    private static final String[] NAMES = {"id", "href", "src"};

    final Set<String> ids = new LinkedHashSet<>();
    final Set<String> targets = new LinkedHashSet<>();

    /**
     * @param basePath the site's base path, which the links of pages served at any address start with
     * @param origin   where an id used twice is reported
     */
    HtmlFacts(String url, String html, String basePath, SourceSpan origin, Diagnostics diagnostics) {
        // a hand-written scan: this runs on every page of every build, and a regular expression
        // over the whole page was a noticeable part of a large build (see bench/README.md)
        int at = html.indexOf("=\"");
        while (at >= 0) {
            int end = html.indexOf('"', at + 2);
            if (end < 0) {
                break;
            }
            String name = attributeBefore(html, at);
            if (name.isEmpty()) {
                at = html.indexOf("=\"", end + 1);
                continue;
            }
            String value = html.substring(at + 2, end);
            at = html.indexOf("=\"", end + 1);
            if (name.equals("id")) {
                if (!ids.add(value)) {
                    diagnostics.error("html.duplicate-id", origin, "the page " + url + " has two parts with the id \""
                            + value + "\", so links to it are ambiguous; rename the heading (or the template "
                            + "section) called " + value);
                }
            } else {
                Optional<String> target = Urls.resolve(url, unescape(value), basePath);
                target.ifPresent(targets::add);
            }
        }
    }

    /** "id", "href" or "src" when the attribute ending at {@code equals} is one of them and follows white space; else "". */
    private static String attributeBefore(String html, int equals) {
        for (String name : NAMES) {
            int start = equals - name.length();
            if (start > 0 && html.startsWith(name, start) && Character.isWhitespace(html.charAt(start - 1))) {
                return name;
            }
        }
        return "";
    }

    private static String unescape(String value) {
        return value.indexOf('&') < 0 ? value : value.replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}

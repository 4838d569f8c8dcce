package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the ids and link targets of a finished page in one pass over its HTML. */
final class HtmlFacts {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(id|href|src)=\"([^\"]*)\"");

    final Set<String> ids = new LinkedHashSet<>();
    final Set<String> targets = new LinkedHashSet<>();

    /**
     * @param basePath the site's base path, which the links of pages served at any address start with
     * @param origin   where an id used twice is reported
     */
    HtmlFacts(String url, String html, String basePath, SourceSpan origin, Diagnostics diagnostics) {
        Matcher m = ATTRIBUTE.matcher(html);
        while (m.find()) {
            String value = m.group(2);
            if (m.group(1).equals("id")) {
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

    private static String unescape(String value) {
        return value.indexOf('&') < 0 ? value : value.replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}

package dev.patella.render;

import dev.patella.index.Urls;
import dev.patella.model.GlossaryTerm;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Links the first use of each glossary term on a page to its meaning on the glossary page: a
 * plain link, so it works without JavaScript. Only the text of the page's {@code <main>} is
 * looked at, in document order, and never text inside a heading, a link, code, a form control
 * or a navigation block. The HTML is Patella's own, already escaped, so the words found are
 * safe to wrap as they are. Safe to share between threads.
 */
final class GlossaryLinker {

    /** Elements whose text is never linked: links cannot nest, and headings and controls stay plain. */
    private static final Set<String> SKIP = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre",
            "script", "style", "nav", "dfn", "abbr", "button", "label", "select", "option", "textarea", "summary",
            "dt", "th", "caption", "figcaption", "legend");
    /** Parts of a page that are about the page rather than its subject: its reference list and byline. */
    private static final Pattern SKIP_CLASS = Pattern.compile("\\sclass=\"(?:references|editorial)[\" ]");

    /** Any form of any term as a whole word; empty when the glossary is. */
    private final Optional<Pattern> words;
    /** Each form of each term, in lower case, to the term's id. */
    private final Map<String, String> idOf = new HashMap<>();

    GlossaryLinker(List<GlossaryTerm> terms) {
        terms.forEach(t -> t.forms().forEach(f -> idOf.putIfAbsent(f.toLowerCase(Locale.ROOT), t.id())));
        // longest first, so "gluteus medius" wins over a term "gluteus"
        String alternatives = idOf.keySet().stream().sorted(Comparator.comparing(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).map(Pattern::quote).collect(Collectors.joining("|"));
        this.words = alternatives.isEmpty() ? Optional.empty()
                : Optional.of(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The anchor of a term on the glossary page. */
    static String anchor(String id) {
        String entry = Urls.term(id);
        return entry.substring(entry.indexOf('#') + 1);
    }

    /** {@code html} of the page at {@code url} with the first use of each term linked; the same HTML when none is used. */
    String link(String url, String html) {
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        if (words.isEmpty() || start < 0 || end < start) {
            return html;
        }
        String href = Urls.relative(url, Urls.GLOSSARY) + "#";
        Set<String> linked = new HashSet<>();
        StringBuilder out = new StringBuilder(html.length() + 256).append(html, 0, start);
        int skipping = 0;
        String skippedPart = ""; // the element name of a part skipped by its class, while inside it
        int partDepth = 0;
        int at = start;
        while (at < end) {
            int tag = html.indexOf('<', at);
            if (tag < 0 || tag > end) {
                tag = end;
            }
            String text = html.substring(at, tag);
            out.append(skipping > 0 || partDepth > 0 ? text : linkText(words.get(), text, href, linked));
            if (tag == end) {
                break;
            }
            int close = html.indexOf('>', tag);
            String element = html.substring(tag, close + 1);
            String name = name(element);
            boolean closing = element.startsWith("</");
            if (SKIP.contains(name) && !element.endsWith("/>")) {
                skipping = Math.max(skipping + (closing ? -1 : 1), 0);
            }
            if (partDepth > 0 && name.equals(skippedPart)) {
                partDepth += closing ? -1 : 1;
            } else if (partDepth == 0 && !closing && SKIP_CLASS.matcher(element).find()) {
                skippedPart = name;
                partDepth = 1;
            }
            out.append(element);
            at = close + 1;
        }
        return out.append(html, end, html.length()).toString();
    }

    private String linkText(Pattern words, String text, String href, Set<String> linked) {
        Matcher m = words.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String id = idOf.get(m.group().toLowerCase(Locale.ROOT));
            if (id == null || !linked.add(id)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 64);
            }
            out.append(text, last, m.start()).append("<a class=\"term\" href=\"").append(href).append(anchor(id))
                    .append("\">").append(m.group()).append("</a>");
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** The element name of a tag such as {@code <h2 id="x">} or {@code </h2>}, in lower case. */
    private static String name(String tag) {
        int from = tag.startsWith("</") ? 2 : 1;
        int to = from;
        while (to < tag.length() && Character.isLetterOrDigit(tag.charAt(to))) {
            to++;
        }
        return tag.substring(from, to).toLowerCase(Locale.ROOT);
    }
}

package dev.patella.render;

import dev.patella.index.Urls;
import dev.patella.model.GlossaryTerm;
import java.util.ArrayList;
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
    /**
     * The forms in the order {@link #words} tries them, each folded as the regular expression
     * folds a case-insensitive literal; null when some form needs the regular expression itself
     * (an empty form, or a character outside the Basic Multilingual Plane).
     */
    private final char[][] folded;
    /** For each folded first character, the indexes into {@link #folded} of the forms starting with it, in order. */
    private final Map<Character, int[]> byFirst = new HashMap<>();

    GlossaryLinker(List<GlossaryTerm> terms) {
        terms.forEach(t -> t.forms().forEach(f -> idOf.putIfAbsent(f.toLowerCase(Locale.ROOT), t.id())));
        // longest first, so "gluteus medius" wins over a term "gluteus"
        List<String> ordered = idOf.keySet().stream().sorted(Comparator.comparing(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
        String alternatives = ordered.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.folded = fold(ordered);
        if (folded != null) {
            Map<Character, List<Integer>> starts = new HashMap<>();
            for (int i = 0; i < folded.length; i++) {
                starts.computeIfAbsent(folded[i][0], c -> new ArrayList<>()).add(i);
            }
            starts.forEach((c, list) -> byFirst.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
        }
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
            } else if (partDepth == 0 && !closing && element.contains("class=\"") && SKIP_CLASS.matcher(element).find()) {
                skippedPart = name;
                partDepth = 1;
            }
            out.append(element);
            at = close + 1;
        }
        return out.append(html, end, html.length()).toString();
    }

    /**
     * Each form's characters as a case-insensitive, Unicode-case literal of a regular expression
     * holds them ({@code toLowerCase(toUpperCase(c))}); null if a form is empty or has a
     * supplementary character, which the hand-written search below does not handle.
     */
    private static char[][] fold(List<String> forms) {
        char[][] out = new char[forms.size()][];
        for (int i = 0; i < out.length; i++) {
            String form = forms.get(i);
            if (form.isEmpty() || form.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                return null;
            }
            out[i] = new char[form.length()];
            for (int j = 0; j < form.length(); j++) {
                out[i][j] = Character.toLowerCase(Character.toUpperCase(form.charAt(j)));
            }
        }
        return out;
    }

    private String linkText(Pattern words, String text, String href, Set<String> linked) {
        if (folded == null) {
            return linkTextByPattern(words, text, href, linked);
        }
        // the same search as the pattern's, by hand: each text of each page goes through it, and the
        // pattern tried every term at every word start (see bench/README.md, the profile)
        StringBuilder out = null;
        int last = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = i < n ? matchAt(text, i) : -1;
            if (end < 0) {
                i++;
                continue;
            }
            String found = text.substring(i, end);
            String id = idOf.get(found.toLowerCase(Locale.ROOT));
            if (id != null && linked.add(id)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 64);
                }
                out.append(text, last, i).append("<a class=\"term\" href=\"").append(href).append(anchor(id))
                        .append("\">").append(found).append("</a>");
                last = end;
            }
            i = end;
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** Where the first form (in pattern order) that matches at {@code i} as a whole word ends; -1 for none. */
    private int matchAt(String text, int i) {
        if (i > 0) {
            int before = Character.codePointAt(text, i - 1);
            if (Character.charCount(before) == 1 && letterOrNumber(before)) {
                return -1; // (?<![\p{L}\p{N}])
            }
        }
        char c = text.charAt(i);
        char f = Character.toLowerCase(Character.toUpperCase(c));
        int[] same = byFirst.get(c);
        int[] foldedSame = f == c ? null : byFirst.get(f);
        int a = 0;
        int b = 0;
        while ((same != null && a < same.length) || (foldedSame != null && b < foldedSame.length)) {
            int next;
            if (foldedSame == null || b >= foldedSame.length || same != null && a < same.length && same[a] < foldedSame[b]) {
                next = same[a++];
            } else {
                next = foldedSame[b++];
            }
            int end = i + folded[next].length;
            if (end <= text.length() && literalAt(text, i, folded[next])
                    && (end == text.length() || !letterOrNumber(Character.codePointAt(text, end)))) {
                return end;
            }
        }
        return -1;
    }

    private static boolean literalAt(String text, int at, char[] form) {
        for (int j = 0; j < form.length; j++) {
            char c = text.charAt(at + j);
            if (form[j] != c && form[j] != Character.toLowerCase(Character.toUpperCase(c))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [\p{L}\p{N}]}: a letter or a number of any kind. */
    private static boolean letterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private String linkTextByPattern(Pattern words, String text, String href, Set<String> linked) {
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

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
    /**
     * Parts of a page that are about the page rather than its subject: its reference list and
     * byline, the list of every source on {@code /sources/} (reference entries too), the addresses
     * written out for paper, whose words ({@code chondromalacia-patella}) are a URL's, and the other
     * names of an exercise or condition ("Prone hip extension"), which are names, not text to explain.
     */
    private static final Pattern SKIP_CLASS = Pattern.compile(
            "\\sclass=\"(?:references|sources|editorial|print-only|print-url|sheet-url|other-names)[\" ]");

    /** Named references that stand for punctuation or space, not part of a word; any other name is taken for a letter. */
    private static final Set<String> NOT_WORDS = Set.of("amp", "lt", "gt", "quot", "apos", "nbsp", "ndash", "mdash",
            "hellip", "lsquo", "rsquo", "ldquo", "rdquo", "laquo", "raquo", "middot", "bull", "thinsp", "ensp", "emsp");

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

    /**
     * {@code html} of the page at {@code url} with the first use of each term linked; the same HTML
     * when none is used. One pass over the page's {@code <main>} that builds no string for its
     * texts and tags and copies the page only once a term is linked: it runs on every page.
     */
    String link(String url, String html) {
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        if (words.isEmpty() || start < 0 || end < start) {
            return html;
        }
        var out = new Copy(html, Urls.relative(url, Urls.GLOSSARY) + "#");
        Set<String> linked = new HashSet<>();
        int skipping = 0;
        String skippedPart = ""; // the element name of a part skipped by its class, while inside it
        int partDepth = 0;
        int at = start;
        while (at < end) {
            int tag = html.indexOf('<', at);
            if (tag < 0 || tag > end) {
                tag = end;
            }
            if (skipping == 0 && partDepth == 0) {
                linkText(words.get(), html, at, tag, linked, out);
            }
            if (tag == end) {
                break;
            }
            int close = html.indexOf('>', tag);
            if (close < 0) {
                throw new StringIndexOutOfBoundsException("a tag without its > at " + tag); // as substring did
            }
            boolean closing = html.startsWith("</", tag);
            String name = name(html, tag, closing);
            if (SKIP.contains(name) && html.charAt(close - 1) != '/') {
                skipping = Math.max(skipping + (closing ? -1 : 1), 0);
            }
            if (partDepth > 0 && name.equals(skippedPart)) {
                partDepth += closing ? -1 : 1;
            } else if (partDepth == 0 && !closing && contains(html, tag, close + 1, "class=\"")
                    && SKIP_CLASS.matcher(html).region(tag, close + 1).find()) {
                skippedPart = name;
                partDepth = 1;
            }
            at = close + 1;
        }
        return out.result();
    }

    /** The page being linked: copied into a builder from the first link on, until then left as it is. */
    private static final class Copy {
        private final String html;
        private final String href;
        private StringBuilder out;
        private int copied;

        Copy(String html, String href) {
            this.html = html;
            this.href = href;
        }

        /** Replaces {@code html[from, to)}, the text {@code found}, by a link to the term {@code id}. */
        void link(int from, int to, String found, String id) {
            if (out == null) {
                out = new StringBuilder(html.length() + 256);
            }
            out.append(html, copied, from).append("<a class=\"term\" href=\"").append(href).append(anchor(id))
                    .append("\">").append(found).append("</a>");
            copied = to;
        }

        String result() {
            return out == null ? html : out.append(html, copied, html.length()).toString();
        }
    }

    /** Whether {@code html[from, to)} holds {@code part}. */
    private static boolean contains(String html, int from, int to, String part) {
        for (int i = from; i + part.length() <= to; i++) {
            if (html.startsWith(part, i)) {
                return true;
            }
        }
        return false;
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

    /**
     * Links the first use of each term not yet linked in the text {@code html[from, to)}, never
     * inside a character reference ({@code &quot;}, {@code &#39;}, {@code &#x1F;}): the words are
     * looked for in the runs of text between them. A reference that stands for a letter or a number
     * ({@code &eacute;}, {@code &#233;}) is part of the word next to it, as its character would be.
     */
    private void linkText(Pattern words, String html, int from, int to, Set<String> linked, Copy out) {
        int run = from;
        boolean wordBefore = false;
        int amp = ampersand(html, from, to);
        while (amp >= 0) {
            int end = referenceEnd(html, amp, to);
            if (end < 0) {
                amp = ampersand(html, amp + 1, to);
                continue;
            }
            boolean word = standsForWord(html, amp, end);
            linkRun(words, html, run, amp, wordBefore, word, linked, out);
            run = end;
            wordBefore = word;
            amp = ampersand(html, end, to);
        }
        linkRun(words, html, run, to, wordBefore, false, linked, out);
    }

    /**
     * The first {@code &} in {@code html[from, to)}, -1 for none. The search stops at {@code to}:
     * looking on to the end of the page for each of its texts made a page with few {@code &} and
     * many texts (the handout of a site with a thousand exercises) quadratic, 88% of a rebuild.
     */
    private static int ampersand(String html, int from, int to) {
        for (int i = from; i < to; i++) {
            if (html.charAt(i) == '&') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the character reference at {@code amp} ({@code &name;}, {@code &#123;} or
     * {@code &#x1F;}) ends, after its {@code ;}, within {@code to}; -1 when there is none there.
     */
    private static int referenceEnd(String html, int amp, int to) {
        int i = amp + 1;
        boolean numeric = i < to && html.charAt(i) == '#';
        boolean hex = numeric && i + 1 < to && (html.charAt(i + 1) == 'x' || html.charAt(i + 1) == 'X');
        i += numeric ? (hex ? 2 : 1) : 0;
        int digits = i;
        while (i < to && (hex ? Character.digit(html.charAt(i), 16) >= 0
                : numeric ? html.charAt(i) >= '0' && html.charAt(i) <= '9'
                : isAsciiLetterOrDigit(html.charAt(i)))) {
            i++;
        }
        boolean named = !numeric && i > digits && isAsciiLetter(html.charAt(digits));
        return (named || numeric && i > digits) && i < to && html.charAt(i) == ';' ? i + 1 : -1;
    }

    /** Whether the reference {@code html[amp, end)} stands for a letter or a number. */
    private static boolean standsForWord(String html, int amp, int end) {
        if (html.charAt(amp + 1) != '#') {
            return !NOT_WORDS.contains(html.substring(amp + 1, end - 1));
        }
        boolean hex = html.charAt(amp + 2) == 'x' || html.charAt(amp + 2) == 'X';
        String digits = html.substring(amp + (hex ? 3 : 2), end - 1);
        try {
            int c = Integer.parseInt(digits, hex ? 16 : 10);
            return Character.isValidCodePoint(c) && letterOrNumber(c);
        } catch (NumberFormatException tooLong) {
            return false; // not a character at all: no word goes on through it
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    /**
     * Links the first use of each term not yet linked in the run of text {@code html[from, to)},
     * which holds no character reference; {@code wordBefore} and {@code wordAfter} say whether
     * the run is next to one that stands for a letter or number, which a term may not touch.
     */
    private void linkRun(Pattern words, String html, int from, int to, boolean wordBefore, boolean wordAfter,
                         Set<String> linked, Copy out) {
        if (from >= to) {
            return;
        }
        if (folded == null) {
            linkRunByPattern(words, html, from, to, wordBefore, wordAfter, linked, out);
            return;
        }
        // the same search as the pattern's, by hand: each text of each page goes through it, and the
        // pattern tried every term at every word start (see bench/README.md, the profile)
        int i = from;
        while (i < to) {
            int end = matchAt(html, from, to, i, wordBefore, wordAfter);
            if (end < 0) {
                i++;
                continue;
            }
            String found = html.substring(i, end);
            String id = idOf.get(found.toLowerCase(Locale.ROOT));
            if (id != null && linked.add(id)) {
                out.link(i, end, found, id);
            }
            i = end;
        }
    }

    /**
     * Where the first form (in pattern order) that matches at {@code i} as a whole word ends, in the
     * text {@code text[from, to)}; -1 for none. {@code wordBefore}, {@code wordAfter}: the text
     * has a letter or number just before {@code from}, just after {@code to} (a character reference).
     */
    private int matchAt(String text, int from, int to, int i, boolean wordBefore, boolean wordAfter) {
        if (i > from) {
            int before = Character.codePointAt(text, i - 1);
            if (Character.charCount(before) == 1 && letterOrNumber(before)) {
                return -1; // (?<![\p{L}\p{N}])
            }
        } else if (wordBefore) {
            return -1;
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
            if (end <= to && literalAt(text, i, folded[next])
                    && (end == to ? !wordAfter : !letterOrNumber(Character.codePointAt(text, end)))) {
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

    private void linkRunByPattern(Pattern words, String html, int from, int to, boolean wordBefore, boolean wordAfter,
                                  Set<String> linked, Copy out) {
        Matcher m = words.matcher(html).region(from, to); // opaque bounds: the text alone, as a substring
        while (m.find()) {
            if (wordBefore && m.start() == from || wordAfter && m.end() == to) {
                continue; // the word goes on through a reference that stands for a letter
            }
            String id = idOf.get(m.group().toLowerCase(Locale.ROOT));
            if (id != null && linked.add(id)) {
                out.link(m.start(), m.end(), m.group(), id);
            }
        }
    }

    /** The element name of the tag at {@code tag} such as {@code <h2 id="x">} or {@code </h2>}, in lower case. */
    private static String name(String html, int tag, boolean closing) {
        int from = tag + (closing ? 2 : 1);
        int to = from;
        while (to < html.length() && Character.isLetterOrDigit(html.charAt(to))) {
            to++;
        }
        return html.substring(from, to).toLowerCase(Locale.ROOT);
    }
}

package dev.patella.render;

import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patella.index.SiteIndex;
import dev.patella.diag.Diagnostics;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.markdown.PageContext;
import dev.patella.markdown.Rendered;
import dev.patella.model.Prose;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's search index: one small JSON file the search page's script reads. Each entry has
 * the page's title ({@code t}), its URL from the site root without the leading slash
 * ({@code u}), its kind ({@code k}), its summary ({@code s}) and the words it is found by
 * ({@code w}: other names, muscles, equipment, symptoms) and the words of its body text
 * ({@code b}: each distinct word once, lower case, in order of first use, ranked below the
 * rest by the search script). Entries are in URL order, so the same content gives the same
 * bytes. What each page is found by is up to its {@link PageKind}.
 */
final class SearchIndex {

    /**
     * One page as the search index and the search page list it: {@code words} and {@code body}
     * are empty for none; {@code body} holds distinct words (see {@link #bodyWords}).
     */
    record Entry(String title, String url, String kind, String summary, String words, String body) {

        Entry(String title, String url, String kind, String summary, String words) {
            this(title, url, kind, summary, words, "");
        }
    }

    /** Words shorter than this are left out of the body words: "a", "of", "to" find nothing useful. */
    private static final int SHORTEST_WORD = 3;

    /**
     * The distinct words of some plain texts, lower case, in order of first use, joined by
     * spaces: each word once keeps the index small however long the page. An apostrophe is
     * dropped rather than splitting a word, so "runner's" is found by "runners".
     */
    static String bodyWords(List<String> texts) {
        // a hand-written scan, not a lower-casing, a replaceAll and a split by regular expressions:
        // this runs over every page's text in every build (see bench/README.md, the profile)
        var seen = new LinkedHashSet<String>();
        var word = new StringBuilder();
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.length(); ) {
                int c = lower.codePointAt(i);
                i += Character.charCount(c);
                if (c == '\'' || c == '\u2019') {
                    continue; // dropped, not a break between words
                }
                if (letterOrNumber(c)) {
                    word.appendCodePoint(c);
                } else {
                    keep(word, seen);
                }
            }
            keep(word, seen);
        }
        return String.join(" ", seen);
    }

    /** Whether a code point is a letter or a number, as {@code \p{L}} and {@code \p{N}} say. */
    private static boolean letterOrNumber(int c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static void keep(StringBuilder word, Set<String> seen) {
        if (word.length() >= SHORTEST_WORD) {
            seen.add(word.toString());
        }
        word.setLength(0);
    }

    /** What kinds list their pages' words with; safe for several threads. */
    interface Plain {
        /** The words of some Markdown without its markup, as the index holds them. */
        String of(Prose prose);

        /** The body words of some Markdown texts (their plain texts, {@link #of}), as {@link #bodyWords} makes them. */
        String words(List<Prose> texts);
    }

    private final ObjectMapper json;
    private final MarkdownRenderer markdown;
    private final List<PageKind> kinds;
    /** Plain text by Markdown: a long-lived index (the dev server's) renders each text once. */
    private final Map<String, String> plainText = new ConcurrentHashMap<>();
    /**
     * Body words by the Markdown texts they come from: a long-lived index splits each page's text
     * once, not on every rebuild (at 4,000 pages that split was most of a one-page rebuild).
     * The texts are the very strings the content records hold, so a lookup hashes nothing new,
     * and a text whose words are known needs no plain text made or remembered.
     */
    private final Map<List<String>, String> bodyWords = new ConcurrentHashMap<>();
    /**
     * Plain texts the pages' renders read from their own parse of the Markdown, by Markdown, until
     * the entries are made: then {@link #plain} parses again only the texts no page rendered
     * (or those with citations, see {@link Rendered#plain}).
     */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    /** Each entry's JSON, as {@link #write} joins them. */
    private final Map<Entry, String> written = new ConcurrentHashMap<>();
    private final Plain plain = new Plain() {
        @Override
        public String of(Prose prose) {
            return plain(prose);
        }

        @Override
        public String words(List<Prose> texts) {
            if (bodyWords.size() > 100_000) {
                bodyWords.clear(); // a bound, for a server that runs for days
            }
            RenderCache kept = memory;
            List<String> markdown = new ArrayList<>(texts.size());
            texts.forEach(t -> markdown.add(t.markdown()));
            return bodyWords.computeIfAbsent(markdown, m -> kept == null
                    ? wordsOf(texts) : kept.bodyWords(m, () -> wordsOf(texts)));
        }

        /** Their plain texts are made here, not taken from nor left in an earlier run's notes: the words are kept instead. */
        private String wordsOf(List<Prose> texts) {
            List<String> plainTexts = new ArrayList<>(texts.size());
            texts.forEach(t -> plainTexts.add(plain(t, false)));
            return SearchIndex.bodyWords(plainTexts);
        }
    };

    private volatile Listed listed;
    /** Where plain texts an earlier run of Patella made are remembered; null for none. */
    private volatile RenderCache memory;

    SearchIndex(ObjectMapper json, MarkdownRenderer markdown, List<PageKind> kinds) {
        this.json = json;
        this.markdown = markdown;
        this.kinds = kinds;
    }

    /**
     * {@code inner}, keeping the plain text each render reads from its parse for {@link #entries}:
     * render the pages with it first, then make the entries, and each page's Markdown is parsed once.
     */
    MarkdownRenderer keepingPlainTexts(MarkdownRenderer inner) {
        return new MarkdownRenderer() {
            @Override
            public Rendered render(Prose prose, PageContext page, Diagnostics diagnostics) {
                return keep(prose, inner.render(prose, page, diagnostics));
            }

            @Override
            public Rendered renderInline(Prose prose, PageContext page, Diagnostics diagnostics) {
                return keep(prose, inner.renderInline(prose, page, diagnostics));
            }

            @Override
            public String plainText(String markdown) {
                return inner.plainText(markdown);
            }
        };
    }

    private Rendered keep(Prose prose, Rendered out) {
        if (out.plain().isPresent() && !plainText.containsKey(prose.markdown())) {
            if (rendered.size() > 100_000) {
                rendered.clear(); // a bound: entries were not asked for since
            }
            rendered.put(prose.markdown(), out.plain().get());
        }
        return out;
    }

    /** Drops the plain texts kept from renders: called once the entries that needed them are made. */
    void forgetRendered() {
        rendered.clear();
    }

    /** Takes the plain texts of Markdown from {@code cache} when it remembers them, and leaves new ones there. */
    void rememberIn(RenderCache cache) {
        memory = cache.keeping ? cache : null;
    }

    /** Every page worth finding, in URL order, from every kind of page. */
    List<Entry> entries(SiteIndex index, Messages words) {
        Listed last = listed;
        if (last != null && last.index() == index && last.words() == words) {
            return last.entries(); // the search page and the index file both list them: made once per index
        }
        List<Entry> out = new ArrayList<>();
        kinds.forEach(kind -> out.addAll(kind.findable(index, words, plain)));
        out.sort(Comparator.comparing(Entry::url));
        List<Entry> entries = List.copyOf(out);
        listed = new Listed(index, words, entries);
        return entries;
    }

    /** The entries last made, with the index they were made from. */
    private record Listed(SiteIndex index, Messages words, List<Entry> entries) {
    }

    /**
     * The index as UTF-8 JSON, of {@code findable}: what {@link #entries} gave. Each entry's JSON
     * is kept, so a long-lived index writes again only the entries that changed; the bytes are
     * those of the whole tree written at once (compact JSON, entries joined by commas).
     */
    byte[] write(List<Entry> findable) {
        if (written.size() > 100_000) {
            written.clear(); // a bound, for a server that runs for days
        }
        var out = new StringBuilder(findable.size() * 256).append("{\"pages\":[");
        for (int i = 0; i < findable.size(); i++) {
            out.append(i == 0 ? "" : ",").append(written.computeIfAbsent(findable.get(i), this::json));
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String json(Entry entry) {
        ObjectNode node = json.createObjectNode().put("t", entry.title()).put("u", entry.url().substring(1))
                .put("k", entry.kind()).put("s", entry.summary());
        if (!entry.words().isEmpty()) {
            node.put("w", entry.words());
        }
        if (!entry.body().isEmpty()) {
            node.put("b", entry.body());
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private String plain(Prose prose) {
        return plain(prose, true);
    }

    /** @param remembered whether to look the text up in, and leave it in, the notes of {@link #rememberIn} */
    private String plain(Prose prose, boolean remembered) {
        if (plainText.size() > 100_000) {
            plainText.clear(); // a bound, for a server that runs for days
        }
        RenderCache kept = remembered ? memory : null;
        return plainText.computeIfAbsent(prose.markdown(), text -> kept == null
                ? made(text) : kept.plainText(text, () -> made(text)));
    }

    /** The plain text of some Markdown: as a render read it from its parse, else from a parse of its own. */
    private String made(String markdown) {
        String fromRender = rendered.get(markdown);
        return fromRender != null ? fromRender.strip() : this.markdown.plainText(markdown).strip();
    }
}

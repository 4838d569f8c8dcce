package dev.patella.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Prose;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's search index: one small JSON file the search page's script reads. Each entry has
 * the page's title ({@code t}), its URL from the site root without the leading slash
 * ({@code u}), its kind ({@code k}), its summary ({@code s}) and the words it is found by
 * ({@code w}: other names, muscles, equipment, symptoms). Entries are in URL order, so the
 * same content gives the same bytes.
 */
final class SearchIndex {

    private final ObjectMapper json;
    private final MarkdownRenderer markdown;
    /** Plain text by Markdown: a long-lived index (the dev server's) renders each text once. */
    private final Map<String, String> plainText = new java.util.concurrent.ConcurrentHashMap<>();

    SearchIndex(ObjectMapper json, MarkdownRenderer markdown) {
        this.json = json;
        this.markdown = markdown;
    }

    /** Every page worth finding, as the search page lists it without JavaScript. */
    List<Views.SearchEntry> entries(SiteIndex index) {
        List<Views.SearchEntry> out = new ArrayList<>();
        var config = index.site().config();
        out.add(new Views.SearchEntry("Home", Urls.HOME, "Page", config.description().strip()));
        out.add(new Views.SearchEntry("Exercises", Urls.EXERCISES, "Page",
                "Every exercise on this site, by phase, muscle, type and equipment."));
        for (Condition c : index.conditions()) {
            out.add(new Views.SearchEntry(c.title(), Urls.condition(c.slug()), "Condition", c.summary()));
            out.add(new Views.SearchEntry("Home exercise program: " + c.title(), Urls.program(c.slug()),
                    "Printable program", "Every exercise of the program on a sheet to print, with a weekly table."));
        }
        for (Exercise e : index.exercises()) {
            out.add(new Views.SearchEntry(e.title(), Urls.exercise(e.slug()), "Exercise", e.summary()));
        }
        for (Page p : index.pages()) {
            out.add(new Views.SearchEntry(p.title(), Urls.page(p.slug()), "Page", p.summary()));
        }
        out.add(new Views.SearchEntry("Sources", Urls.SOURCES, "Page", "The research and articles this site is based on."));
        out.sort(Comparator.comparing(Views.SearchEntry::href));
        return List.copyOf(out);
    }

    /** The index as UTF-8 JSON. */
    byte[] write(SiteIndex index) {
        ArrayNode entries = json.createArrayNode();
        Map<String, String> wordsByUrl = words(index);
        for (Views.SearchEntry entry : entries(index)) {
            ObjectNode node = entries.addObject().put("t", entry.title()).put("u", entry.href().substring(1))
                    .put("k", entry.kind()).put("s", entry.summary());
            String words = wordsByUrl.getOrDefault(entry.href(), "");
            if (!words.isEmpty()) {
                node.put("w", words);
            }
        }
        try {
            return json.writeValueAsString(json.createObjectNode().set("pages", entries))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The extra words each exercise, condition and program page is found by, by URL. */
    private Map<String, String> words(SiteIndex index) {
        Map<String, String> out = new HashMap<>();
        for (Exercise e : index.exercises()) {
            List<String> words = new ArrayList<>(e.otherNames());
            words.addAll(e.muscles().primary());
            words.addAll(e.muscles().secondary());
            words.add(e.chain().label());
            words.add(e.phase().label());
            words.addAll(e.equipment());
            words.addAll(e.optionalEquipment());
            words.add(plain(e.feelIt()));
            out.put(Urls.exercise(e.slug()), String.join(" · ", words));
        }
        for (Condition c : index.conditions()) {
            List<String> words = new ArrayList<>(c.otherNames());
            c.symptoms().forEach(s -> words.add(plain(s)));
            out.put(Urls.condition(c.slug()), String.join(" · ", words));
            out.put(Urls.program(c.slug()), String.join(" · ", c.otherNames()) + " · print handout sheet");
        }
        return out;
    }

    private String plain(Prose prose) {
        if (plainText.size() > 100_000) {
            plainText.clear(); // a bound, for a server that runs for days
        }
        return plainText.computeIfAbsent(prose.markdown(), text -> markdown.plainText(text).strip());
    }
}

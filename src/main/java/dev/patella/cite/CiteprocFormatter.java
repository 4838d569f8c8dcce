package dev.patella.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLDateBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import dev.patella.model.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats references with citeproc-java, a CSL processor, and a style from the CSL repository.
 * The processor's HTML is adjusted in two ways: the list number is dropped (pages number their
 * own lists) and the DOI or URL becomes a link, of class {@code address} as its text is its address
 * already (printed pages write out the address of other links).
 */
final class CiteprocFormatter implements ReferenceFormatter {

    private static final Pattern ENTRY = Pattern.compile(
            "<div class=\"csl-right-inline\">(.*?)</div>", Pattern.DOTALL);
    private static final Pattern LEFT_MARGIN = Pattern.compile("^\\s*\\d+\\.\\s*");
    private static final Pattern ITALIC = Pattern.compile("<span style=\"font-style: ?italic;?\">([^<]*)</span>");
    private static final Pattern INITIALS = Pattern.compile("[A-Z]{1,4}");

    private final String styleName;
    /** The style's XML, read on first use: a build whose references are kept in its notes never needs it. */
    private String style;

    /** @param style the name of a style of the CSL repository, read from the class path */
    CiteprocFormatter(String style) {
        this.styleName = style;
    }

    private synchronized String style() {
        if (style == null) {
            style = LocalizedDates.style(styleName);
        }
        return style;
    }

    @Override
    public Map<String, FormattedReference> format(List<Reference> all) {
        return format(all, "en-US");
    }

    /**
     * Formats with the CSL locale of {@code language} (its terms, such as "accessed" or "et al",
     * and its date formats): the locale named by the code itself ({@code ar}), else by the code
     * and the region ICU finds most likely for it ({@code es} gives {@code es-ES}), else US English.
     * The locales shipped are those the build keeps in the jar (see pom.xml).
     */
    @Override
    public Map<String, FormattedReference> format(List<Reference> all, String language) {
        return formatIn(all, cslLocale(language), ULocale.forLanguageTag(language).getLanguage());
    }

    static String cslLocale(String language) {
        ULocale locale = ULocale.addLikelySubtags(ULocale.forLanguageTag(language));
        List<String> candidates = List.of(language, locale.getLanguage() + "-" + locale.getCountry(),
                locale.getLanguage());
        for (String candidate : candidates) {
            if (CiteprocFormatter.class.getResource("/locales-" + candidate + ".xml") != null) {
                return candidate;
            }
        }
        return "en-US";
    }

    private Map<String, FormattedReference> formatIn(List<Reference> all, String cslLocale, String pageLanguage) {
        Map<String, FormattedReference> out = new LinkedHashMap<>();
        // an id used twice is the reader's error to report; citeproc would merge the two entries
        // and leave the lists below out of step, so only the first of each id is formatted
        Map<String, Reference> firstOfEach = new LinkedHashMap<>();
        all.forEach(r -> firstOfEach.putIfAbsent(r.id(), r));
        List<Reference> references = List.copyOf(firstOfEach.values());
        if (references.isEmpty()) {
            return out;
        }
        int n = references.size();
        List<CSLItemData> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        references.forEach(r -> {
            items.add(item(r, r.id(), r.title(), r.containerTitle(), r.containerTitleShort()));
            ids.add(r.id());
        });
        // for a page in another language than a source's: two copies of each reference, one with a mark
        // for its title, one for its journal or site, show where the style writes them (see marked)
        boolean foreign = references.stream().anyMatch(r -> !language(r).equals(pageLanguage));
        if (foreign) {
            for (Reference r : references) {
                items.add(item(r, r.id() + "#title", TITLE_MARK, r.containerTitle(), r.containerTitleShort()));
                items.add(item(r, r.id() + "#container", r.title(), r.containerTitle().map(c -> CONTAINER_MARK),
                        r.containerTitleShort().map(c -> CONTAINER_MARK)));
            }
        }
        List<String> copies = items.stream().map(CSLItemData::getId).toList();
        try {
            CSL csl = new CSL(new ListItemDataProvider(items.toArray(CSLItemData[]::new)), style(), cslLocale);
            csl.setOutputFormat("html");
            csl.registerCitationItems(copies.toArray(String[]::new));
            String[] html = csl.makeBibliography().getEntries();
            csl.setOutputFormat("text");
            csl.registerCitationItems(ids.toArray(String[]::new));
            String[] text = csl.makeBibliography().getEntries();
            // citeproc sorts entries by citation order, which is the order registered
            for (int i = 0; i < n; i++) {
                Reference reference = references.get(i);
                String body = body(html[i]);
                if (!language(reference).equals(pageLanguage)) {
                    body = marked(body, body(html[n + 2 * i]), body(html[n + 2 * i + 1]), reference.language());
                }
                out.put(ids.get(i), new FormattedReference(ids.get(i), linked(body, reference),
                        LEFT_MARGIN.matcher(text[i].strip()).replaceFirst("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the citation style", e);
        }
        return out;
    }

    /** The primary language a reference is written in, as {@code en}. */
    private static String language(Reference reference) {
        return ULocale.forLanguageTag(reference.language()).getLanguage();
    }

    /** An entry of the bibliography without its list number, in italics without inline styles. */
    private static String body(String entry) {
        Matcher m = ENTRY.matcher(entry);
        String body = m.find() ? m.group(1) : entry.strip();
        // inline styles would need a looser Content-Security-Policy: use plain italics instead
        return ITALIC.matcher(body).replaceAll("<i>$1</i>");
    }

    /** The entry with its DOI, else its web address, as a link. */
    private static String linked(String body, Reference reference) {
        if (reference.doi().isPresent()) {
            String doi = "doi:" + Html.escape(reference.doi().get());
            return body.replace(doi, "<a class=\"address\" href=\"" + Html.escape(reference.doiUrl().orElseThrow())
                    + "\">" + doi + "</a>");
        }
        if (reference.url().isPresent()) {
            String url = Html.escape(reference.url().get());
            return body.replace(url, "<a class=\"address\" href=\"" + url + "\">" + url + "</a>");
        }
        return body;
    }

    /** What stands for a reference's title, and for its journal or site, in the copies that show where they are. */
    private static final String TITLE_MARK = "\uE000";
    private static final String CONTAINER_MARK = "\uE001";

    /**
     * The entry with the source's own words, its title and its journal or site, marked with its
     * language ({@code lang}) for a page in another language; the names, numbers, addresses and the
     * style's terms ("Accedido") are left as they are. Where the style wrote each is read off a copy
     * of the entry made with a mark in its place ({@code titled}, {@code contained}): the entry and the
     * copy are the same before the mark, and the same again from some point after it, so what lies
     * between is the title as the style wrote it (its case, its quotation marks, its entities). A
     * copy that does not line up so leaves its part unmarked.
     */
    private static String marked(String body, String titled, String contained, String language) {
        String lang = " lang=\"" + Html.escape(language) + "\"";
        List<int[]> spans = new ArrayList<>();
        where(body, titled, TITLE_MARK).ifPresent(spans::add);
        where(body, contained, CONTAINER_MARK).filter(c -> spans.isEmpty() || c[0] >= spans.get(0)[1]
                || c[1] <= spans.get(0)[0]).ifPresent(spans::add);
        spans.sort((a, b) -> b[0] - a[0]); // from the end, so that the places before stay true
        for (int[] span : spans) {
            String words = body.substring(span[0], span[1]);
            boolean italic = body.startsWith("<i>", span[0] - 3) && body.startsWith("</i>", span[1])
                    && words.indexOf('<') < 0;
            body = italic ? body.substring(0, span[0] - 3) + "<i" + lang + ">" + body.substring(span[0])
                    : body.substring(0, span[0]) + "<span" + lang + ">" + words + "</span>" + body.substring(span[1]);
        }
        return body;
    }

    /** Where in {@code body} the style wrote what {@code copy} has {@code mark} for: start and end; empty if unknown. */
    private static Optional<int[]> where(String body, String copy, String mark) {
        int at = copy.indexOf(mark);
        if (at < 0 || copy.indexOf(mark, at + 1) >= 0 || !body.startsWith(copy.substring(0, at))) {
            return Optional.empty();
        }
        int after = at + mark.length();
        int same = 0;
        while (same < copy.length() - after && same < body.length() - at
                && body.charAt(body.length() - 1 - same) == copy.charAt(copy.length() - 1 - same)) {
            same++;
        }
        int end = body.length() - same;
        return end > at ? Optional.of(new int[] {at, end}) : Optional.empty();
    }

    /** The reference as citeproc reads it, under {@code id}, with this title and journal or site. */
    private static CSLItemData item(Reference r, String id, String title, Optional<String> container,
                                    Optional<String> containerShort) {
        var b = new CSLItemDataBuilder().id(id).type(type(r.type())).title(title);
        if (!r.authors().isEmpty()) {
            b.author(r.authors().stream().map(CiteprocFormatter::name).toArray(CSLName[]::new));
        }
        container.ifPresent(b::containerTitle);
        containerShort.ifPresent(b::containerTitleShort);
        if (!r.issued().isEmpty()) {
            b.issued(new CSLDateBuilder().dateParts(r.issued().stream().mapToInt(Integer::intValue).toArray()).build());
        }
        r.volume().ifPresent(b::volume);
        r.issue().ifPresent(b::issue);
        r.page().ifPresent(b::page);
        r.doi().ifPresent(b::DOI);
        r.pmid().ifPresent(b::PMID);
        r.pmcid().ifPresent(b::PMCID);
        r.url().ifPresent(b::URL);
        if (!r.accessed().isEmpty()) {
            b.accessed(new CSLDateBuilder().dateParts(r.accessed().stream().mapToInt(Integer::intValue).toArray())
                    .build());
        }
        return b.build();
    }

    /** Initials written together ("BE") are split so the style can print them as "BE". */
    private static CSLName name(Reference.Name name) {
        var b = new CSLNameBuilder().family(name.family());
        String given = name.given().strip();
        if (INITIALS.matcher(given).matches()) {
            given = String.join(" ", given.chars().mapToObj(c -> (char) c + ".").toList());
        }
        if (!given.isEmpty()) {
            b.given(given);
        }
        return b.build();
    }

    private static CSLType type(String type) {
        try {
            return CSLType.fromString(type);
        } catch (IllegalArgumentException e) {
            return CSLType.ARTICLE;
        }
    }
}

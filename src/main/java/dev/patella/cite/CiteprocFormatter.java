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
        CSLItemData[] items = references.stream().map(CiteprocFormatter::item).toArray(CSLItemData[]::new);
        String[] ids = references.stream().map(Reference::id).toArray(String[]::new);
        try {
            CSL csl = new CSL(new ListItemDataProvider(items), style(), cslLocale);
            csl.setOutputFormat("html");
            csl.registerCitationItems(ids);
            String[] html = csl.makeBibliography().getEntries();
            csl.setOutputFormat("text");
            csl.registerCitationItems(ids);
            String[] text = csl.makeBibliography().getEntries();
            // citeproc sorts entries by citation order, which is the order registered
            for (int i = 0; i < ids.length; i++) {
                Reference reference = references.get(i);
                out.put(ids[i], new FormattedReference(ids[i], html(html[i], reference, pageLanguage),
                        LEFT_MARGIN.matcher(text[i].strip()).replaceFirst("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the citation style", e);
        }
        return out;
    }

    private static String html(String entry, Reference reference, String pageLanguage) {
        Matcher m = ENTRY.matcher(entry);
        String body = m.find() ? m.group(1) : entry.strip();
        // inline styles would need a looser Content-Security-Policy: use plain italics instead
        body = ITALIC.matcher(body).replaceAll("<i>$1</i>");
        if (!ULocale.forLanguageTag(reference.language()).getLanguage().equals(pageLanguage)) {
            body = marked(body, reference);
        }
        if (reference.doi().isPresent()) {
            String doi = "doi:" + Html.escape(reference.doi().get());
            body = body.replace(doi, "<a class=\"address\" href=\"" + Html.escape(reference.doiUrl().orElseThrow()) + "\">"
                    + doi + "</a>");
        } else if (reference.url().isPresent()) {
            String url = Html.escape(reference.url().get());
            body = body.replace(url, "<a class=\"address\" href=\"" + url + "\">" + url + "</a>");
        }
        return body;
    }

    /**
     * The entry with the source's own words, its title and its journal or site, marked with its
     * language ({@code lang}) for a page in another language; the names, numbers and the style's
     * terms ("Accedido") are left as they are. The words are found as the style writes them, with its
     * curly apostrophes, the page language's quotation marks and its entities; an entry whose title
     * the style changed otherwise is left unmarked.
     */
    private static String marked(String body, Reference reference) {
        String lang = " lang=\"" + Html.escape(reference.language()) + "\"";
        Matcher title = written(reference.title()).matcher(body);
        if (!title.find()) {
            return body; // the journal is looked for after the title, not in the authors' names
        }
        String span = "<span" + lang + ">" + title.group() + "</span>";
        body = body.substring(0, title.start()) + span + body.substring(title.end());
        int after = title.start() + span.length();
        for (Optional<String> container : List.of(reference.containerTitleShort(), reference.containerTitle())) {
            if (container.isEmpty()) {
                continue;
            }
            Matcher italic = Pattern.compile("<i>" + written(container.get()).pattern() + "</i>").matcher(body);
            if (italic.find(after)) {
                return body.substring(0, italic.start()) + "<i" + lang + ">" + body.substring(italic.start() + 3);
            }
            Matcher plain = written(container.get()).matcher(body);
            if (plain.find(after)) {
                return body.substring(0, plain.start()) + "<span" + lang + ">" + plain.group() + "</span>"
                        + body.substring(plain.end());
            }
        }
        return body;
    }

    /** One quotation mark or apostrophe as a style may write it: plain, curly, angled, or an entity. */
    private static final String QUOTE = "(?:&[a-z]+;|&#\\d+;|[\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u00a0 ]){1,3}";

    /** A character beyond ASCII as itself or as an entity, named or numbered ({@code &iacute;}, {@code &#237;}). */
    private static final String ENTITY = "|&[A-Za-z][A-Za-z0-9]*;|&#[0-9]+;|&#[xX][0-9A-Fa-f]+;)";

    /**
     * {@code words} as the style's HTML writes them: escaped, with any quotation marks or apostrophes,
     * and letters beyond ASCII as entities.
     */
    private static Pattern written(String words) {
        StringBuilder out = new StringBuilder();
        words.codePoints().forEach(c -> {
            String quoted = Pattern.quote(Html.escape(Character.toString(c)));
            out.append(c == '"' || c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201c || c == 0x201d ? QUOTE
                    : c > 0x7f ? "(?:" + quoted + ENTITY : quoted);
        });
        return Pattern.compile(out.toString());
    }

    private static CSLItemData item(Reference r) {
        var b = new CSLItemDataBuilder().id(r.id()).type(type(r.type())).title(r.title());
        if (!r.authors().isEmpty()) {
            b.author(r.authors().stream().map(CiteprocFormatter::name).toArray(CSLName[]::new));
        }
        r.containerTitle().ifPresent(b::containerTitle);
        r.containerTitleShort().ifPresent(b::containerTitleShort);
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

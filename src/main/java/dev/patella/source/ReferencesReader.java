package dev.patella.source;

import com.ibm.icu.util.ULocale;
import dev.patella.diag.Diagnostics;
import dev.patella.model.Reference;
import dev.patella.model.UnreadEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code content/sources.yaml}: CSL-YAML, a {@code references:} list of CSL items. Only the
 * CSL variables Patella shows are accepted, so a misspelt variable is caught.
 */
final class ReferencesReader {

    /** DOIs are "10." then a registrant code, a slash and a suffix with no spaces. */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("\\d{1,9}");
    private static final Pattern PMCID = Pattern.compile("PMC\\d{1,9}");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern YEAR = Pattern.compile("\\d{1,4}");
    private static final Pattern WRITTEN_DATE = Pattern.compile("\\d{4}(-\\d{1,2}(-\\d{1,2})?)?");

    private ReferencesReader() {
    }

    /**
     * @param siteLanguage the site's default language: that of every reference that names none
     * @return the references read correctly, and the ids of the malformed ones (reported and left out); every
     *         id counts as unread when a malformed one's id, or the file itself, could not be read
     */
    static EntriesRead<Reference> read(YNode root, String siteLanguage, Diagnostics diagnostics) {
        return read(root, siteLanguage, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(YNode, String, Diagnostics)}, noting every field asked for in {@code log}. */
    static EntriesRead<Reference> read(YNode root, String siteLanguage, Diagnostics diagnostics, FieldLog log) {
        return Fields.of(root, "sources file", diagnostics, log).map(top -> {
            List<Reference> out = new ArrayList<>();
            Set<String> unread = new TreeSet<>();
            boolean anonymous = false;
            for (Fields item : top.separateElements("references", true, "reference", "- id: ...")) {
                var id = item.requiredText("id").trim();
                var reference = reference(item, id, siteLanguage);
                reference.ifPresent(out::add);
                if (reference.isEmpty() && id.isEmpty()) {
                    anonymous = true; // a page may cite it by any key
                } else if (reference.isEmpty()) {
                    unread.add(id);
                }
            }
            top.finish();
            // a mistake outside the entries (no references: list, an item that is no entry) may hide any of them
            return new EntriesRead<>(out, new UnreadEntries(anonymous || top.failed(), unread));
        }).orElseGet(EntriesRead::nothing);
    }

    private static Optional<Reference> reference(Fields f, String id, String siteLanguage) {
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            f.invalid("id", "the reference id \"" + id + "\" must start with a letter and use letters, digits, "
                    + "- and _ only");
        }
        var type = f.requiredText("type");
        var authors = names(f);
        var title = f.requiredText("title");
        var container = f.string("container-title", false);
        var containerShort = f.string("container-title-short", false);
        var issued = f.nested("issued", "issued date", n -> dateExample("issued", n))
                .map(d -> dateParts(d, "issued")).orElse(List.of());
        var accessed = f.nested("accessed", "accessed date", n -> dateExample("accessed", n))
                .map(d -> dateParts(d, "accessed")).orElse(List.of());
        var volume = f.string("volume", false);
        var issue = f.string("issue", false);
        var page = f.string("page", false);
        var doi = checked(f, "DOI", DOI, "a DOI such as 10.1371/journal.pone.0190892, without https://doi.org/");
        var pmid = checked(f, "PMID", PMID, "a PubMed id: digits only");
        var pmcid = checked(f, "PMCID", PMCID, "a PubMed Central id such as PMC5764329");
        var url = f.string("URL", false);
        url.filter(u -> !u.startsWith("https://") && !u.startsWith("http://"))
                .ifPresent(u -> f.invalid("URL", "\"URL\" must start with https:// (or http://)"));
        var language = f.string("language", false).map(String::trim).filter(code -> {
            if (SiteConfigReader.knownLanguage(code)) {
                return true;
            }
            f.invalid("language", "\"language\" is the language the source is written in, as a code such as en, "
                    + "es or de (BCP 47), but it is \"" + code + "\"; leave it out for a source in the site's own "
                    + "language");
            return false;
        }).map(code -> ULocale.forLanguageTag(code).toLanguageTag()).orElse(siteLanguage); // EN is en
        return f.build(() -> new Reference(id, f.keyAt("id").orElse(f.at()), type, f.valueAt("type").orElse(f.at()), authors, title, container, containerShort, issued,
                volume, issue, page, doi, pmid, pmcid, url, accessed, language));
    }

    private static Optional<String> checked(Fields f, String key, Pattern pattern, String expected) {
        return f.string(key, false).map(String::trim).filter(value -> {
            if (pattern.matcher(value).matches()) {
                return true;
            }
            f.invalid(key, "\"" + key + "\" must be " + expected + ", but it is \"" + value + "\"");
            return false;
        });
    }

    private static List<Reference.Name> names(Fields f) {
        List<Reference.Name> names = new ArrayList<>();
        for (Fields n : f.elements("author", false, "author name", "- family: ...")) {
            var family = n.string("family", false);
            var literal = n.string("literal", false);
            var given = n.string("given", false);
            n.finish();
            if (family.isEmpty() && literal.isEmpty()) {
                if (!n.failed() && !n.hadUnknownKeys()) {
                    n.error("schema.missing-key", n.at(), "an author needs \"family\" (a person's family name) "
                            + "or \"literal\" (an organisation's name)");
                }
                continue;
            }
            family.or(() -> literal).ifPresent(name -> names.add(new Reference.Name(name, given.orElse(""))));
        }
        return names;
    }

    /**
     * How to write a date given as a value of its own: {@code issued: 2018} as
     * {@code issued: {date-parts: [[2018]]}}, {@code 2018-01-11} as {@code [[2018, 1, 11]]}.
     */
    private static String dateExample(String field, YNode written) {
        String parts = "2018, 1, 11";
        if (written instanceof YNode.YScalar s && WRITTEN_DATE.matcher(s.text().strip()).matches()) {
            parts = String.join(", ", List.of(s.text().strip().split("-")).stream()
                    .map(p -> String.valueOf(Integer.parseInt(p))).toList());
        }
        return field + ": {date-parts: [[" + parts + "]]}";
    }

    private static List<Integer> dateParts(Fields d, String field) {
        var parts = d.required("date-parts");
        d.finish();
        return parts.map(p -> dateParts(p, d, field)).orElse(List.of());
    }

    private static List<Integer> dateParts(YNode parts, Fields d, String field) {
        if (parts instanceof YNode.YList outer && outer.items().size() == 1
                && outer.items().get(0) instanceof YNode.YList inner && !inner.items().isEmpty()
                && inner.items().size() <= 3) {
            List<Integer> out = new ArrayList<>();
            for (YNode p : inner.items()) {
                // 08 and 09 reach here as text (a leading 0 makes YAML read 01 to 07 as octal numbers,
                // and 08 and 09 as no number): digits are a number however YAML typed them
                if (!(p instanceof YNode.YScalar s) || s.type() != YNode.YScalar.Type.INTEGER
                        && s.type() != YNode.YScalar.Type.STRING || !YEAR.matcher(s.text()).matches()) {
                    break;
                }
                out.add(Integer.parseInt(s.text()));
            }
            if (out.size() == inner.items().size()) {
                Optional<Scalars.NotADate> wrong = Scalars.notADate(out, "1");
                if (wrong.isEmpty() && field.equals("accessed") && out.get(0) < Scalars.FIRST_YEAR) {
                    // no one read a web page then: a year typed wrong, as a page's "published: 0206-11-21"
                    d.error("schema.invalid-value", inner.items().get(0).at(), Scalars.mistypedYear(field, out.get(0)));
                    return List.of();
                }
                if (wrong.isEmpty()) {
                    return out;
                }
                // written the right way, but no such month or day: said at the number that is wrong
                d.error("schema.invalid-value", inner.items().get(wrong.get().part()).at(), "\"" + field + "\" is "
                        + out + ", which is not a date of the calendar (" + wrong.get().why() + "); write the real date");
                return List.of();
            }
        }
        d.invalid("date-parts", "\"" + field + "\" must be written as {date-parts: [[2018, 1, 11]]} "
                + "(year, then month and day if known)");
        return List.of();
    }
}

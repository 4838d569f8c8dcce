package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private ReferencesReader() {
    }

    /** @return the references read correctly; malformed ones are reported and left out */
    static List<Reference> read(YNode root, Diagnostics diagnostics) {
        var top = Fields.of(root, "sources file", diagnostics);
        if (top.isEmpty()) {
            return List.of();
        }
        Optional<YNode> list = top.get().required("references");
        top.get().finish();
        if (list.isEmpty()) {
            return List.of();
        }
        if (!(list.get() instanceof YNode.YList items)) {
            diagnostics.error("schema.wrong-type", list.get().at(), "\"references\" must be a list, each item "
                    + "starting with \"- id: ...\"");
            return List.of();
        }
        List<Reference> out = new ArrayList<>();
        for (YNode item : items.items()) {
            Fields.of(item, "reference", diagnostics).flatMap(f -> reference(f, diagnostics)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Reference> reference(Fields f, Diagnostics diagnostics) {
        var id = f.string("id", true);
        var type = f.string("type", true);
        var authors = f.node("author").map(n -> names(n, diagnostics)).orElse(List.of());
        var title = f.string("title", true);
        var container = f.string("container-title", false);
        var containerShort = f.string("container-title-short", false);
        var issued = f.nested("issued", false, "issued date").map(ReferencesReader::dateParts).orElse(List.of());
        var volume = f.string("volume", false);
        var issue = f.string("issue", false);
        var page = f.string("page", false);
        var doi = checked(f, "DOI", DOI, "a DOI such as 10.1371/journal.pone.0190892, without https://doi.org/");
        var pmid = checked(f, "PMID", PMID, "a PubMed id: digits only");
        var pmcid = checked(f, "PMCID", PMCID, "a PubMed Central id such as PMC5764329");
        var url = f.string("URL", false);
        url.filter(u -> !u.startsWith("https://") && !u.startsWith("http://"))
                .ifPresent(u -> f.invalid("URL", "\"URL\" must start with https:// (or http://)"));
        id.filter(i -> !ID.matcher(i).matches()).ifPresent(i -> f.invalid("id",
                "the reference id \"" + i + "\" must start with a letter and use letters, digits, - and _ only"));
        f.finish();
        if (f.failed()) {
            return Optional.empty();
        }
        return Optional.of(new Reference(id.orElseThrow(), f.at(), type.orElseThrow(), authors, title.orElseThrow(),
                container, containerShort, issued, volume, issue, page, doi, pmid, pmcid, url));
    }

    private static Optional<String> checked(Fields f, String key, Pattern pattern, String expected) {
        var value = f.string(key, false).map(String::trim);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            f.invalid(key, "\"" + key + "\" must be " + expected + ", but it is \"" + value.get() + "\"");
            return Optional.empty();
        }
        return value;
    }

    private static List<Reference.Name> names(YNode node, Diagnostics diagnostics) {
        if (!(node instanceof YNode.YList list)) {
            diagnostics.error("schema.wrong-type", node.at(), "\"author\" must be a list of names, "
                    + "for example \"- {family: Smith, given: BE}\"");
            return List.of();
        }
        List<Reference.Name> names = new ArrayList<>();
        for (YNode item : list.items()) {
            Fields.of(item, "author name", diagnostics).ifPresent(n -> {
                var family = n.string("family", false);
                var literal = n.string("literal", false);
                var given = n.string("given", false);
                n.finish();
                if (family.isEmpty() && literal.isEmpty()) {
                    n.invalid("family", "an author needs \"family\" (a person's family name) or \"literal\" "
                            + "(an organisation's name)");
                } else if (!n.failed()) {
                    names.add(new Reference.Name(family.or(() -> literal).orElseThrow(), given.orElse("")));
                }
            });
        }
        return names;
    }

    private static List<Integer> dateParts(Fields d) {
        var parts = d.node("date-parts");
        d.finish();
        if (parts.isPresent() && parts.get() instanceof YNode.YList outer && outer.items().size() == 1
                && outer.items().get(0) instanceof YNode.YList inner && !inner.items().isEmpty()
                && inner.items().size() <= 3) {
            List<Integer> out = new ArrayList<>();
            for (YNode p : inner.items()) {
                if (!(p instanceof YNode.YScalar s) || s.type() != YNode.YScalar.Type.INTEGER) {
                    break;
                }
                out.add(Integer.parseInt(s.text()));
            }
            if (out.size() == inner.items().size()) {
                return out;
            }
        }
        d.invalid("date-parts", "\"issued\" must be written as {date-parts: [[2018, 1, 11]]} "
                + "(year, then month and day if known)");
        return List.of();
    }
}

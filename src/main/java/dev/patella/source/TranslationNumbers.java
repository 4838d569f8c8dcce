package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a translation's numbers are not its source's: a dose, a hold, an angle in a step, the
 * number of items in a list of steps or warnings. Health advice must say the same in every
 * language, so a number field must be equal, a yes/no field too, and a text must hold the same
 * numbers (as a multiset, whatever the words around them; a decimal comma is a point). Citation
 * keys, link targets and heading ids are not text. A list keeps its length (a dropped step or
 * warning is a dropped instruction), except a glossary term's other word forms ({@code also}).
 * Fields missing on either side are {@link TranslationGaps}' to report.
 */
final class TranslationNumbers {

    private static final Pattern NOT_TEXT = Pattern.compile(
            "\\[@[^\\]]*\\]" // a citation: [@smith2018] or [@a; @b]
                    + "|\\]\\([^)]*\\)" // a link's target: [words](/exercises/clamshell/)
                    + "|\\{[#.][^}]*\\}"); // a heading's id or class: {#symptoms}
    /** A file's own fields: its dates and people, which a translation may have of its own. */
    private static final Set<String> OWN = Set.of("published", "reviewed", "review_due",
            "author", "reviewer");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{N}+(?:[.,]\\p{N}+)?");

    /**
     * One difference.
     *
     * @param what          what differs, as a clause: {@code dose.sets is 2, but the source has 3}
     * @param sourceAt      where the source has it
     * @param translationAt where the translation has it
     */
    record Difference(String what, SourceSpan sourceAt, SourceSpan translationAt) {
    }

    private TranslationNumbers() {
    }

    static List<Difference> find(TranslationKind kind, TranslationDocument source, TranslationDocument translation) {
        List<Difference> out = new ArrayList<>();
        for (YNode.Entry entry : kind.compared(source.root(), Optional.of(translation.root())).entries().values()) {
            boolean compared = kind == TranslationKind.SETTINGS ? kind.partOf(entry.key()).isPresent()
                    : !TranslationKind.OWN.contains(entry.key()) && !OWN.contains(entry.key());
            Optional<YNode.Entry> other = translation.root().find(entry.key());
            if (compared && other.isPresent()) {
                compare(entry.value(), other.get().value(), entry.key(), out);
            }
        }
        if (source.body().isPresent() && translation.body().isPresent()) {
            text("the text below the front matter", source.body().get().markdown(), source.body().get().at(),
                    translation.body().get().markdown(), translation.body().get().at(), out);
        }
        return out;
    }

    private static void compare(YNode source, YNode translation, String path, List<Difference> out) {
        if (source instanceof YNode.YMap map && translation instanceof YNode.YMap other) {
            for (YNode.Entry entry : map.entries().values()) {
                Optional<YNode.Entry> mine = other.find(entry.key());
                if (mine.isPresent()) {
                    compare(entry.value(), mine.get().value(), path + "." + entry.key(), out);
                }
            }
        } else if (source instanceof YNode.YList list && translation instanceof YNode.YList other) {
            if (path.endsWith("also")) {
                return; // a glossary term's other word forms: each language has its own
            }
            if (list.items().size() != other.items().size()) {
                out.add(new Difference(path + " has " + items(other.items().size()) + " here, but "
                        + items(list.items().size()) + " in the source", list.at(), other.at()));
                return;
            }
            for (int i = 0; i < list.items().size(); i++) {
                compare(list.items().get(i), other.items().get(i), path + " item " + (i + 1), out);
            }
        } else if (source instanceof YNode.YScalar a && translation instanceof YNode.YScalar b) {
            if (a.type() == YNode.YScalar.Type.BOOLEAN || b.type() == YNode.YScalar.Type.BOOLEAN) {
                if (!a.text().equals(b.text())) {
                    out.add(new Difference(path + " is " + b.text() + " here, but " + a.text() + " in the source",
                            a.at(), b.at()));
                }
            } else {
                text(path, a.text(), a.at(), b.text(), b.at(), out);
            }
        }
    }

    private static void text(String path, String source, SourceSpan sourceAt, String translation,
                             SourceSpan translationAt, List<Difference> out) {
        List<String> expected = numbers(source);
        List<String> found = numbers(translation);
        if (!expected.equals(found)) {
            out.add(new Difference(path + " has the numbers " + found + " here, but " + expected + " in the source",
                    sourceAt, translationAt));
        }
    }

    /** The numbers a text holds, sorted: digits, with a decimal point or comma read as one. */
    static List<String> numbers(String text) {
        Matcher m = NUMBER.matcher(NOT_TEXT.matcher(text).replaceAll(" "));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(new BigDecimal(m.group().replace(',', '.')).stripTrailingZeros().toPlainString());
        }
        out.sort(null);
        return out;
    }

    private static String items(int n) {
        return n == 1 ? "1 item" : n + " items";
    }
}

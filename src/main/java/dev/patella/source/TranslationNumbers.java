package dev.patella.source;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a translation's numbers are not its source's: a dose, a hold, an angle in a step, the
 * number of items in a list of steps or warnings. Health advice must say the same in every
 * language, so a number field must be equal, a yes/no field too, and a text must hold the same
 * numbers (as a multiset, whatever the words around them; a decimal comma is a point). Citation
 * keys, link targets, heading ids and editors' notes ({@code <!-- -->}) are not text. A field that holds a choice or a key rather
 * than words ({@link #SAME}: an exercise's phase and chain, a program's phases and the
 * exercises in each, a condition's ICD-10 code, the keys of the references a page lists in
 * {@code sources} or is {@code adapted_from}) must be written exactly as in the source, except that a
 * choice may be written in any case ({@link TranslationKind#choices}), as the content reader takes it. A list
 * keeps its length (a dropped step or warning is a dropped instruction), except a glossary term's
 * other word forms ({@code also}). Fields missing on either side are {@link TranslationGaps}' to
 * report.
 */
final class TranslationNumbers {

    private static final Pattern NOT_TEXT = Pattern.compile(
            "\\[@[^\\]]*\\]" // a citation: [@smith2018] or [@a; @b]
                    + "|\\]\\([^)]*\\)" // a link's target: [words](/exercises/clamshell/)
                    + "|\\{[#.][^}]*\\}"); // a heading's id or class: {#symptoms}
    /**
     * A file's own fields: its dates and people, which a translation may have of its own, and
     * whether it is a draft (a translation may be one while its source is published, or not).
     */
    private static final Set<String> OWN = Set.of("published", "reviewed", "review_due",
            "author", "reviewer", "draft");
    /**
     * The fields, by kind, whose values are choices or keys, not words: a translation keeps them as
     * they are. A field inside a list is named without its item numbers ({@code program.phase}).
     */
    private static final Map<TranslationKind, Set<String>> SAME = Map.of(
            // the references a page cites are keys, whatever the language: a swapped key cites another study
            TranslationKind.EXERCISE, Set.of("chain", "phase", "sources", "adapted_from"),
            TranslationKind.CONDITION, Set.of("icd10", "program.phase", "program.exercises", "sources", "adapted_from"),
            TranslationKind.PAGE, Set.of("adapted_from"));
    private static final Pattern ITEM = Pattern.compile(" item \\d+");
    /** Decimal digits only: a fraction or a superscript (½, ²) is a sign, not a number BigDecimal reads. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Nd}+(?:[.,]\\p{Nd}+)?");

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
                compare(entry.value(), other.get().value(), entry.key(), SAME.getOrDefault(kind, Set.of()),
                        kind.choices(), out);
            }
        }
        if (source.body().isPresent() && translation.body().isPresent()) {
            text("the text below the front matter", source.body().get().markdown(), source.body().get().at(),
                    translation.body().get().markdown(), translation.body().get().at(), out);
        }
        return out;
    }

    private static void compare(YNode source, YNode translation, String path, Set<String> same,
                                Set<String> choices, List<Difference> out) {
        if (source instanceof YNode.YMap map && translation instanceof YNode.YMap other) {
            for (YNode.Entry entry : map.entries().values()) {
                Optional<YNode.Entry> mine = other.find(entry.key());
                if (mine.isPresent()) {
                    compare(entry.value(), mine.get().value(), path + "." + entry.key(), same, choices, out);
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
                compare(list.items().get(i), other.items().get(i), path + " item " + (i + 1), same, choices, out);
            }
        } else if (source instanceof YNode.YScalar a && translation instanceof YNode.YScalar b) {
            String field = ITEM.matcher(path).replaceAll("");
            if (a.type() == YNode.YScalar.Type.BOOLEAN || b.type() == YNode.YScalar.Type.BOOLEAN || same.contains(field)) {
                boolean choice = choices.contains(field);
                // per_side: yes is per_side: true, and chain: Open is chain: open
                if (!TranslationKind.said(a, choice).equals(TranslationKind.said(b, choice))) {
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
        List<BigDecimal> expected = numbers(source);
        List<BigDecimal> found = numbers(translation);
        if (!sorted(expected).equals(sorted(found))) {
            out.add(new Difference(path + " has " + (found.isEmpty() ? "no numbers" : "the numbers " + listed(found))
                    + " here, but " + (expected.isEmpty() ? "none" : listed(expected)) + " in the source",
                    sourceAt, translationAt));
        }
    }

    /**
     * The numbers a text holds, in the order it gives them: digits, with a decimal point or comma
     * read as one, without trailing zeros ({@code 7,20} is 7.2).
     */
    static List<BigDecimal> numbers(String text) {
        Matcher m = NUMBER.matcher(NOT_TEXT.matcher(Prose.withoutComments(text)).replaceAll(" "));
        List<BigDecimal> out = new ArrayList<>();
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group().replace(',', '.')).stripTrailingZeros();
            out.add(n.scale() < 0 ? n.setScale(0) : n);
        }
        return out;
    }

    /** The numbers as a multiset: sorted by value. */
    private static List<BigDecimal> sorted(List<BigDecimal> numbers) {
        List<BigDecimal> out = new ArrayList<>(numbers);
        out.sort(null);
        return out;
    }

    /** The numbers as the reader wrote them, in their order: "8, 12". */
    private static String listed(List<BigDecimal> numbers) {
        List<String> plain = new ArrayList<>();
        for (BigDecimal n : numbers) {
            plain.add(n.toPlainString());
        }
        return String.join(", ", plain);
    }

    private static String items(int n) {
        return n == 1 ? "1 item" : n + " items";
    }
}

package dev.patella.source;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text a translation still gives in its source's words: a field or a paragraph copied from the English
 * file and not yet translated. Only a sentence of several words is counted, so that a name, a muscle
 * or a term the two languages share ("gluteus medius", "ACL") is never taken for one.
 */
final class TranslationCopies {

    /** Fewer words than this are a name or a term, which a translation may well keep as it is. */
    static final int WORDS = 4;
    static final String PARAGRAPH = "this paragraph";

    /**
     * One text left as the source wrote it.
     *
     * @param field         the field as an editor finds it ({@code dose.rest}, {@code steps item 2}), or
     *                      {@link #PARAGRAPH} for a paragraph of the text below the front matter
     * @param text          the text, as the source has it
     * @param sourceAt      where the source has it
     * @param translationAt where the translation has it
     */
    record Copy(String field, String text, SourceSpan sourceAt, SourceSpan translationAt) {
    }

    private TranslationCopies() {
    }

    static List<Copy> find(TranslationKind kind, TranslationDocument source, TranslationDocument translation) {
        List<Copy> out = new ArrayList<>();
        for (YNode.Entry entry : kind.compared(source.root(), Optional.of(translation.root())).entries().values()) {
            boolean compared = kind == TranslationKind.SETTINGS ? kind.partOf(entry.key()).isPresent()
                    : !TranslationKind.NOT_TRANSLATED.contains(entry.key());
            if (compared) {
                translation.root().find(entry.key())
                        .ifPresent(mine -> compare(entry.value(), mine.value(), entry.key(), out));
            }
        }
        if (source.body().isPresent() && translation.body().isPresent()) {
            paragraphs(source.body().get(), translation.body().get(), out);
        }
        return out;
    }

    private static void compare(YNode source, YNode translation, String field, List<Copy> out) {
        if (source instanceof YNode.YScalar s && translation instanceof YNode.YScalar t) {
            if (s.type() == YNode.YScalar.Type.STRING && t.type() == YNode.YScalar.Type.STRING
                    && sentence(Prose.withoutComments(s.text())) && spaced(s.text()).equals(spaced(t.text()))) {
                out.add(new Copy(field, spaced(s.text()), s.textAt(), t.textAt()));
            }
        } else if (source instanceof YNode.YMap map && translation instanceof YNode.YMap other) {
            for (YNode.Entry entry : map.entries().values()) {
                other.find(entry.key()).ifPresent(mine -> compare(entry.value(), mine.value(),
                        field + "." + entry.key(), out));
            }
        } else if (source instanceof YNode.YList list && translation instanceof YNode.YList other) {
            for (int i = 0; i < Math.min(list.items().size(), other.items().size()); i++) {
                compare(list.items().get(i), other.items().get(i), field + " item " + (i + 1), out);
            }
        }
    }

    /** Paragraphs of the translation's text that are paragraphs of the source's, word for word. */
    private static void paragraphs(Prose source, Prose translation, List<Copy> out) {
        Map<String, SourceSpan> sourceParagraphs = new HashMap<>();
        for (Paragraph p : Paragraph.of(source)) {
            sourceParagraphs.putIfAbsent(p.text(), p.at());
        }
        for (Paragraph p : Paragraph.of(translation)) {
            SourceSpan at = sourceParagraphs.get(p.text());
            if (at != null && sentence(p.text())) {
                out.add(new Copy(PARAGRAPH, p.text(), at, p.at()));
            }
        }
    }

    /** A paragraph of Markdown, its lines joined with single spaces, and the line it starts on. */
    private record Paragraph(String text, SourceSpan at) {
        static List<Paragraph> of(Prose prose) {
            List<Paragraph> out = new ArrayList<>();
            String[] lines = Prose.withoutComments(prose.markdown()).split("\n", -1);
            StringBuilder text = new StringBuilder();
            int first = -1;
            for (int i = 0; i <= lines.length; i++) {
                String line = i < lines.length ? lines[i].strip() : "";
                if (line.isEmpty()) {
                    if (first >= 0) {
                        out.add(new Paragraph(spaced(text.toString()), prose.at().shiftLines(first)));
                    }
                    text.setLength(0);
                    first = -1;
                } else {
                    first = first < 0 ? i : first;
                    text.append(line).append(' ');
                }
            }
            return out;
        }
    }

    /** Whether {@code text} has as many words of letters as a sentence, not a name. */
    static boolean sentence(String text) {
        int words = 0;
        boolean inWord = false;
        int letters = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                letters++;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord && letters >= 2) {
                    words++;
                }
                inWord = false;
                letters = 0;
            }
        }
        if (inWord && letters >= 2) {
            words++;
        }
        return words >= WORDS;
    }

    private static String spaced(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }
}

package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a source has and its translation lacks (or leaves empty), nested ones included, so
 * that a translation never quietly shows less than its source: a "stop if" list, a hold time.
 * Lists of mappings (a condition's program) are compared item by item; lists of sentences are not,
 * since a translation may say the same thing in more or fewer sentences.
 */
final class TranslationGaps {

    /**
     * One missing field.
     *
     * @param field         the field as an editor finds it, such as {@code dose.hold_seconds}
     * @param sourceAt      where the source has it
     * @param translationAt where it belongs in the translation: the mapping it is missing from
     */
    record Gap(String field, SourceSpan sourceAt, SourceSpan translationAt) {
        /** The field's own key, the last part of a path such as {@code dose.sets}; the field itself otherwise. */
        String key() {
            return field.substring(field.lastIndexOf('.') + 1);
        }
    }

    private TranslationGaps() {
    }

    static List<Gap> find(TranslationKind kind, TranslationDocument source, TranslationDocument translation) {
        List<Gap> out = new ArrayList<>();
        SourceSpan top = SourceSpan.startOf(translation.file());
        Set<String> misspelt = kind == TranslationKind.GLOSSARY ? misspelt(source, translation) : Set.of();
        for (YNode.Entry entry : kind.compared(source.root(), Optional.of(translation.root())).entries().values()) {
            boolean compared = kind == TranslationKind.SETTINGS ? kind.partOf(entry.key()).isPresent()
                    : !TranslationKind.NOT_TRANSLATED.contains(entry.key());
            // a reviewer, a review date, a draft flag belong to each file: a translation is not told to copy them;
            // a glossary term whose id the translation misspells is that id's error (translation.no-source)
            if (compared && !empty(entry.value()) && !misspelt.contains(entry.key())) {
                Optional<YNode.Entry> other = translation.root().find(entry.key());
                if (other.isEmpty() || empty(other.get().value())) {
                    out.add(new Gap(entry.key(), entry.keyAt(), other.map(YNode.Entry::keyAt).orElse(top)));
                } else {
                    compare(entry.value(), other.get().value(), entry.key(), other.get().keyAt(), out);
                }
            }
        }
        if (kind.markdown() && source.body().isPresent() && !source.body().get().isBlank()
                && translation.body().map(b -> b.isBlank()).orElse(true)) {
            out.add(new Gap("the text below the front matter", source.body().get().at(),
                    translation.body().map(b -> b.at()).orElse(top)));
        }
        return out;
    }

    /**
     * The source's glossary ids that an id of the translation which the source lacks stands for
     * (kneecap for {@code kneecapp:}, or for {@code Rótula:} when kneecap is the only term not translated).
     */
    private static Set<String> misspelt(TranslationDocument source, TranslationDocument translation) {
        Set<String> ids = new HashSet<>(translation.root().entries().keySet());
        ids.removeAll(TranslationKind.OWN);
        Set<String> sourceIds = source.root().entries().keySet();
        Set<String> untranslated = GlossaryReader.untranslated(sourceIds, ids);
        Set<String> out = new HashSet<>();
        ids.stream().filter(id -> !sourceIds.contains(id))
                .forEach(id -> GlossaryReader.meant(id, untranslated).ifPresent(out::add));
        return out;
    }

    private static void compare(YNode source, YNode translation, String path, SourceSpan at, List<Gap> out) {
        if (source instanceof YNode.YMap map && translation instanceof YNode.YMap other) {
            for (YNode.Entry entry : map.entries().values()) {
                if (empty(entry.value())) {
                    continue;
                }
                Optional<YNode.Entry> mine = other.find(entry.key());
                String field = path + "." + entry.key();
                if (mine.isEmpty() || empty(mine.get().value())) {
                    out.add(new Gap(field, entry.keyAt(), mine.map(YNode.Entry::keyAt).orElse(at)));
                } else {
                    compare(entry.value(), mine.get().value(), field, mine.get().keyAt(), out);
                }
            }
        } else if (source instanceof YNode.YList list && translation instanceof YNode.YList other) {
            for (int i = 0; i < list.items().size(); i++) {
                YNode item = list.items().get(i);
                if (!(item instanceof YNode.YMap)) {
                    continue;
                }
                String field = path + " item " + (i + 1);
                if (i >= other.items().size()) {
                    out.add(new Gap(field, item.at(), other.at()));
                } else {
                    compare(item, other.items().get(i), field, other.items().get(i).at(), out);
                }
            }
        }
    }

    private static boolean empty(YNode node) {
        if (node instanceof YNode.YScalar s) {
            return s.isNull() || s.text().isBlank();
        }
        if (node instanceof YNode.YList l) {
            return l.items().isEmpty();
        }
        return ((YNode.YMap) node).entries().isEmpty();
    }
}

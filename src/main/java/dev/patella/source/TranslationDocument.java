package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.model.Prose;
import java.util.List;
import java.util.Optional;

/**
 * A source or translation file read for drift: its YAML (front matter or whole file) with
 * positions, and its Markdown body when it has one.
 *
 * @param file the path relative to the project, with forward slashes
 * @param text the file as text, line endings made {@code \n}
 */
record TranslationDocument(String file, YNode.YMap root, Optional<Prose> body, String text) {

    /**
     * @return the document; empty when it cannot be read (the reason goes to {@code diagnostics})
     */
    static Optional<TranslationDocument> read(byte[] bytes, String file, boolean markdown, YamlReader yaml,
                                              Diagnostics diagnostics) {
        return TextDecoder.decode(bytes, file, diagnostics).flatMap(text -> {
            if (!markdown) {
                return yaml.read(text, file, 1, diagnostics).flatMap(root -> map(root, file, Optional.empty(), text,
                        diagnostics));
            }
            return FrontMatter.split(text, file, diagnostics).flatMap(fm -> yaml.read(fm.yaml(), file,
                    fm.yamlFirstLine(), diagnostics).flatMap(root -> map(root, file,
                    Optional.of(new Prose(fm.body(), new SourceSpan(file, fm.bodyFirstLine(), 1))), text, diagnostics)));
        });
    }

    private static Optional<TranslationDocument> map(YNode root, String file, Optional<Prose> body, String text,
                                                     Diagnostics diagnostics) {
        if (root instanceof YNode.YMap map) {
            return Optional.of(new TranslationDocument(file, map, body, text));
        }
        diagnostics.error("schema.wrong-type", root.at(), file + " must be key: value lines, but it is " + root.kind());
        return Optional.empty();
    }

    /** @return the {@code translated_from} entry, when the file has one */
    Optional<YNode.Entry> stampEntry() {
        return root.find(TranslationKind.FIELD);
    }

    /**
     * A key spelt nearly as {@link TranslationKind#FIELD} ({@code translated_form}) in a front
     * matter that lacks it: that line, misspelt, reported as such rather than as a translation with
     * no record of its source's version.
     */
    static Optional<YNode.Entry> misspeltStamp(YNode.YMap map) {
        if (map.entries().containsKey(TranslationKind.FIELD)) {
            return Optional.empty();
        }
        return map.entries().values().stream()
                .filter(e -> Suggestions.closest(e.key(), List.of(TranslationKind.FIELD)).isPresent()).findFirst();
    }
}

package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;

/**
 * One entry of {@code content/glossary.yaml}: a medical word and its meaning in plain words.
 *
 * @param id         the entry's key, a slug: its anchor on the glossary page is {@code term-<id>}
 * @param term       the word as the glossary shows it, for example {@code gluteus medius}
 * @param forms      every form a page may use it in, the term first ({@code kneecap}, {@code kneecaps})
 * @param definition what it means, in Markdown
 * @param seeAlso    other entries worth reading with it, by id
 */
public record GlossaryTerm(String id, SourceSpan at, String term, List<String> forms, Prose definition,
                           List<Key> seeAlso) {
    public GlossaryTerm {
        forms = List.copyOf(forms);
        seeAlso = List.copyOf(seeAlso);
    }
}

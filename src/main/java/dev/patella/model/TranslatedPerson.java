package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.Optional;

/**
 * One person of {@code content/<code>/people.yaml}: the words a reader sees about them, in that
 * language. The same id links it to its source in {@code content/people.yaml}, which keeps
 * everything else (credentials, whether it is an organisation, and a person's name).
 *
 * @param at   where the id is written in the translation
 * @param name the name in this language, which only a team or body may have (the edition checks
 *             that, knowing the source): its text and where the key is written; empty when the
 *             translation gives none (the source's is kept)
 * @param bio  empty when the translation gives none (the source's is kept)
 */
public record TranslatedPerson(String id, SourceSpan at, Optional<Name> name, String role, Optional<Prose> bio) {

    /** A translated name and where its key is written. */
    public record Name(String text, SourceSpan at) {
    }

    /** The source person with this translation's words: its own role, and its name and bio when it gives them. */
    public Person applyTo(Person source) {
        return new Person(source.id(), source.at(), name.map(Name::text).orElse(source.name()), source.credentials(),
                role, bio.or(source::bio), source.organization());
    }
}

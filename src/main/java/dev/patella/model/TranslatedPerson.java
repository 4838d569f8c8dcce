package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.Optional;

/**
 * One person of {@code content/<code>/people.yaml}: the words a reader sees about them, in that
 * language. The same id links it to its source in {@code content/people.yaml}, which keeps
 * everything else (name, credentials, whether it is an organisation).
 *
 * @param at  where the id is written in the translation
 * @param bio empty when the translation gives none (the source's is kept)
 */
public record TranslatedPerson(String id, SourceSpan at, String role, Optional<Prose> bio) {

    /** The source person with this translation's words: its own role, and its bio when it gives one. */
    public Person applyTo(Person source) {
        return new Person(source.id(), source.at(), source.name(), source.credentials(), role,
                bio.or(source::bio), source.organization());
    }
}

package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.Optional;

/**
 * An author or reviewer from {@code content/people.yaml}. {@code credentials} is empty when they
 * have none; {@code organization} is true for a team or body rather than one person.
 */
public record Person(String id, SourceSpan at, String name, String credentials, String role, Optional<Prose> bio,
                     boolean organization) {

    /** The name with credentials, as shown in bylines: "Jane Doe, PT, DPT". */
    public String displayName() {
        return credentials.isBlank() ? name : name + ", " + credentials;
    }

    /** A named person with credentials, who can give a page a clinical review. */
    public boolean clinician() {
        return !organization && !credentials.isBlank();
    }
}

package dev.patella.model;

import java.util.Set;

/**
 * The entries of a file of named entries ({@code people.yaml}, {@code sources.yaml}) that could not
 * be read because of errors already reported, so that a page naming one is not also told it does
 * not exist, while a name that is in no entry at all still is.
 *
 * @param all whether any name may be one of them: the file could not be read as a whole, or an entry's
 *            own name could not be read
 * @param ids the names of the entries that had errors, as written
 */
public record UnreadEntries(boolean all, Set<String> ids) {

    public UnreadEntries {
        ids = Set.copyOf(ids);
    }

    /** Every entry read. */
    public static UnreadEntries none() {
        return new UnreadEntries(false, Set.of());
    }

    /** Nothing read: any name may be in the file. */
    public static UnreadEntries everything() {
        return new UnreadEntries(true, Set.of());
    }

    /** Whether {@code id} may name an entry that could not be read: then it is not reported as unknown. */
    public boolean covers(String id) {
        return all || ids.contains(id);
    }
}

package dev.patella.source;

import dev.patella.model.UnreadEntries;
import java.util.List;

/**
 * What a file of named entries gave: the entries that read, and those that did not (reported), whose
 * names what refers to them are not told are unknown.
 */
record EntriesRead<T>(List<T> read, UnreadEntries unread) {

    EntriesRead {
        read = List.copyOf(read);
    }

    /** A file that could not be read at all (reported). */
    static <T> EntriesRead<T> nothing() {
        return new EntriesRead<>(List.of(), UnreadEntries.everything());
    }
}

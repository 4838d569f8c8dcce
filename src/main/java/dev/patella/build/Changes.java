package dev.patella.build;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * What changed in a project since a session's last build: some files (added, edited or
 * deleted), or possibly anything.
 *
 * @param all   whether anything may have changed, so every file must be looked at again
 * @param paths the files that changed, absolute; empty when {@code all}
 */
public record Changes(boolean all, Set<Path> paths) {

    public Changes {
        paths = Set.copyOf(paths);
    }

    /** Anything may have changed: the first build of a session, or after lost file events. */
    public static Changes everything() {
        return new Changes(true, Set.of());
    }

    /** These files changed; nothing else did. */
    public static Changes of(Collection<Path> paths) {
        return new Changes(false, Set.copyOf(paths.stream().map(p -> p.toAbsolutePath().normalize()).toList()));
    }
}

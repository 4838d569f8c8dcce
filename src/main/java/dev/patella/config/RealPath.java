package dev.patella.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real path of a file or folder: links in the part that exists are resolved, and the part that
 * does not exist yet is appended as written, so that two names for one folder (one through a link)
 * compare equal.
 */
public final class RealPath {

    private RealPath() {
    }

    /** The real path of {@code path}; its absolute, normalised form when even that cannot be read. */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}

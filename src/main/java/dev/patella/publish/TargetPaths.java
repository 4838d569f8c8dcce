package dev.patella.publish;

import dev.patella.config.RealPath;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/** Rules for the site paths a target is asked to touch. */
final class TargetPaths {

    /** Files being written are called this until they are renamed into place. */
    static final String TEMP_PREFIX = ".patella-tmp-";

    private TargetPaths() {
    }

    /** @throws IllegalArgumentException when {@code path} is not a plain relative path inside the root */
    static String requireSafe(String path) {
        boolean bad = path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0
                || Arrays.stream(path.split("/", -1)).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (bad) {
            throw new IllegalArgumentException("unsafe path for a publish target: " + path);
        }
        return path;
    }

    static boolean isSafe(String path) {
        try {
            requireSafe(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The real path of {@code path}: links in the part that exists are resolved (the part that does not
     * exist yet is appended as written), so two names for one folder compare equal.
     */
    static Path realPath(Path path) {
        return RealPath.of(path);
    }

    /**
     * The refusal of a target whose folder above does not exist.
     *
     * @param parent the folder that is missing, as the user knows it
     * @param last   the target's own folder, the only one publishing makes
     * @param create the command that creates {@code parent}
     */
    static String parentMissing(String parent, String target, String last, String create) {
        return parent + " does not exist, so nothing was published to " + target + ": publish makes the last folder "
                + "of the address (" + last + ") when it is not there, never the folders above it, so that a mistyped "
                + "address makes nothing. Check the address; if it is right, create the folder first (" + create
                + ") and publish again";
    }

    /** A fresh temporary name in the folder of {@code path}. */
    static String temporary(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + TEMP_PREFIX + UUID.randomUUID();
    }

    static boolean isTemporary(String path) {
        return path.substring(path.lastIndexOf('/') + 1).startsWith(TEMP_PREFIX);
    }
}

package dev.patella.diag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What to tell about a symbolic link that leads to no file: where it leads (a path of the project
 * when it stays inside it) and what to do, whether that file is gone or is a link itself that
 * goes round in a circle or on to a file that is gone.
 */
public final class DeadLink {

    private DeadLink() {
    }

    /**
     * The sentence for the link {@code link}, shown as {@code shown}: "… is a link to …; do this".
     *
     * @param project the project folder, against which paths inside it are shown
     */
    public static String explain(Path link, String shown, Path project) {
        Path root = project.toAbsolutePath().normalize();
        Path target;
        try {
            target = link.resolveSibling(Files.readSymbolicLink(link)).toAbsolutePath().normalize();
        } catch (IOException | UnsupportedOperationException e) {
            return shown + " is a link to a file that cannot be found; delete the link, and put the file itself there";
        }
        String to = target.startsWith(root) ? root.relativize(target).toString().replace('\\', '/') : target.toString();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return shown + " is a link to " + to + ", a link itself, and the links go round in a circle or on to a file "
                    + "that does not exist; put the file itself in the place of " + shown;
        }
        return shown + " is a link to " + to + ", which does not exist; put that file back, or delete the link";
    }
}

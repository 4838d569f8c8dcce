package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The project's folders ({@code content/} and its folders, {@code templates/}) must be folders: a
 * file saved in place of one (a slip in a file manager, a failed checkout) would otherwise make
 * everything in it vanish from the site without a word.
 */
public final class Folders {

    /** The code of the error for a file where a folder must be. */
    public static final String NOT_A_FOLDER = "file.not-a-folder";

    private Folders() {
    }

    /**
     * Reports {@code folder} when something other than a folder is there.
     *
     * @param rel   the folder's path relative to the project, with forward slashes
     * @param holds what the folder holds, for the message ("the plain pages (.md files)")
     * @return true when {@code folder} is a folder or is not there at all; false (reported) otherwise
     */
    public static boolean check(Path folder, String rel, String holds, Diagnostics diagnostics) {
        if (Files.isDirectory(folder) || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        diagnostics.error(NOT_A_FOLDER, SourceSpan.startOf(rel), rel + " is a file, but it must be a folder "
                + "holding " + holds + "; rename the file (mv " + rel + " " + rel + ".old) and make the folder "
                + "(mkdir " + rel + "), then put " + holds + " back in it");
        return false;
    }
}

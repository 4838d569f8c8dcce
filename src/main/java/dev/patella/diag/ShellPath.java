package dev.patella.diag;

import java.nio.file.Path;

/** A path as it must be typed in a shell, for the commands that messages tell people to run. */
public final class ShellPath {

    private ShellPath() {
    }

    /** @return the path as it is when it holds only plain characters, else in single quotes */
    public static String quoted(Path path) {
        String text = path.toString();
        return text.matches("[\\w./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}

package dev.patella.diag;

import java.nio.file.Path;

/** A path as it must be typed in a shell, for the commands that messages tell people to run. */
public final class ShellPath {

    private ShellPath() {
    }

    /** @return the path as it is when it holds only plain characters, else in single quotes */
    public static String quoted(Path path) {
        return quoted(path.toString());
    }

    /** @return {@code text} as it is when it holds only plain characters, else in single quotes */
    public static String quoted(String text) {
        return text.matches("[\\w./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * {@code command}, to be run by the shell at the other end of {@code ssh}, as it must be typed after
     * {@code ssh user@host}: the local shell takes one level of quotes off, the remote one the next.
     */
    public static String remote(String command) {
        return command.matches("[\\w./@%+=:, -]+") ? command
                : command.matches("[^\"$`\\\\!]+") ? "\"" + command + "\"" : quoted(command);
    }
}

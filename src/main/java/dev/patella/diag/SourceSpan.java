package dev.patella.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a project file: the path relative to the project root (always with forward
 * slashes) and a 1-based line and column.
 */
public record SourceSpan(String file, int line, int column) implements Comparable<SourceSpan> {

    private static final Comparator<SourceSpan> ORDER = Comparator.comparing(SourceSpan::file)
            .thenComparingInt(SourceSpan::line)
            .thenComparingInt(SourceSpan::column);

    public SourceSpan {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
        }
    }

    /** The line and column of {@code offset} (0-based) in {@code text}, which is the whole of {@code file}. */
    public static SourceSpan atOffset(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceSpan(file, line, offset - lineStart + 1);
    }

    /** The start of a file, for problems that belong to the whole file. */
    public static SourceSpan startOf(String file) {
        return new SourceSpan(file, 1, 1);
    }

    /** The same file, moved down by {@code lines} (used to map a body's lines to the file's). */
    public SourceSpan shiftLines(int lines) {
        return new SourceSpan(file, line + lines, column);
    }

    @Override
    public int compareTo(SourceSpan other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

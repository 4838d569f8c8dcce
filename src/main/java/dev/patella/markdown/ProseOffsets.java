package dev.patella.markdown;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.Arrays;

/**
 * Turns a character offset in a piece of Markdown into its place in the content file. The line
 * starts are found once, so placing many links costs a binary search each, not a scan from the
 * top (which made a text with thousands of links quadratic).
 */
final class ProseOffsets {

    private final SourceSpan start;
    private final int[] lineStarts;
    /** The places of a text YAML joined or unindented ({@link Prose#lines()}): offsets, lines, columns. */
    private final int[] placed;
    private final int[] placedLines;
    private final int[] placedColumns;

    ProseOffsets(Prose prose) {
        this.start = prose.at();
        int n = prose.lines().size() / 3;
        placed = new int[n];
        placedLines = new int[n];
        placedColumns = new int[n];
        for (int i = 0; i < n; i++) {
            placed[i] = prose.lines().get(3 * i);
            placedLines[i] = prose.lines().get(3 * i + 1);
            placedColumns[i] = prose.lines().get(3 * i + 2);
        }
        String text = prose.markdown();
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** Where {@code offset} (0-based, clamped to the text) is in the file. */
    SourceSpan at(int offset) {
        int safe = Math.max(0, offset);
        if (placed.length > 0 && safe >= placed[0]) {
            int found = Arrays.binarySearch(placed, safe);
            int i = found >= 0 ? found : -found - 2;
            return new SourceSpan(start.file(), placedLines[i], placedColumns[i] + safe - placed[i]);
        }
        int found = Arrays.binarySearch(lineStarts, safe);
        int line = found >= 0 ? found : -found - 2;
        int column = safe - lineStarts[line] + 1;
        return line == 0
                ? new SourceSpan(start.file(), start.line(), start.column() + column - 1)
                : new SourceSpan(start.file(), start.line() + line, column);
    }
}

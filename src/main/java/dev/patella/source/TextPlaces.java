package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each line of a YAML text value starts in its file. A value written over several lines
 * (a block after {@code |} or {@code >-}, or a plain text wrapped onto the next lines) reaches
 * Patella as one string, its lines joined or unindented: to report a broken link on the third
 * line of a step at that line, the string's pieces are found again in the file, in order.
 */
final class TextPlaces {

    private TextPlaces() {
    }

    /**
     * @param yaml  the YAML the value was read from
     * @param start the offset in {@code yaml} where the value's token starts
     * @param value the value as read
     * @param at    where the token starts in the file
     * @return triples (offset in {@code value}, line, column) for each line of the file the value
     *         continues on, in order; empty when the value is all on its first line (its offsets
     *         then count from {@code at}) or its pieces cannot be found (an escape changed them)
     */
    static List<Integer> of(String yaml, int start, String value, SourceSpan at) {
        if (start < 0 || start >= yaml.length()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        int cursor = 0;
        int line = at.line();
        int pos = start;
        boolean first = true;
        char opening = yaml.charAt(start);
        while (pos <= yaml.length() && cursor < value.length()) {
            int end = yaml.indexOf('\n', pos);
            if (end < 0) {
                end = yaml.length();
            }
            String raw = yaml.substring(pos, end);
            int column;
            String piece;
            if (first) {
                first = false;
                if (opening == '|' || opening == '>') { // the block's header: its text starts on the next line
                    pos = end + 1;
                    line++;
                    continue;
                }
                int skip = opening == '"' || opening == '\'' ? 1 : 0;
                column = at.column() + skip;
                piece = raw.substring(skip).stripTrailing();
            } else {
                String stripped = raw.stripLeading();
                column = raw.length() - stripped.length() + 1;
                piece = stripped.stripTrailing();
            }
            if (!piece.isEmpty()) {
                int from = cursor;
                while (from < value.length() && (value.charAt(from) == ' ' || value.charAt(from) == '\n')) {
                    from++;
                }
                if ((opening == '"' || opening == '\'') && !value.startsWith(piece, from)
                        && piece.endsWith(String.valueOf(opening))) {
                    piece = piece.substring(0, piece.length() - 1); // the closing quote
                }
                if (!value.startsWith(piece, from)) {
                    break; // an escape, a folded quote or a comment: the lines found so far stand
                }
                out.add(from);
                out.add(line);
                out.add(column);
                cursor = from + piece.length();
            }
            pos = end + 1;
            line++;
        }
        // a value on one line needs no places: its offsets count from where it starts
        return out.size() <= 3 && (out.isEmpty() || out.get(1) == at.line()) ? List.of() : List.copyOf(out);
    }
}

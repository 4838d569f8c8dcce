package dev.patella.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the {@code translated_from} line of a file and leaves every other byte as it was:
 * comments, quotes, blank lines, line endings and a byte order mark. An existing line is replaced
 * where it is (with the lines that continue its value, when someone typed one over several lines);
 * a new one goes at the end of a Markdown file's front matter, or before the first key of a YAML
 * file (after its opening comments).
 */
final class StampLine {

    private static final Pattern STAMP_LINE = Pattern.compile(TranslationKind.FIELD + "[ \\t]*:.*", Pattern.DOTALL);
    /** A line that starts a top-level key of a YAML file (not a comment, a list item, a document or directive line). */
    private static final Pattern TOP_KEY = Pattern.compile("[^\\s#%\\-].*|-[^\\s\\-].*", Pattern.DOTALL);
    private static final String BOM = "\uFEFF";

    private StampLine() {
    }

    /** @return {@code text} with its {@code translated_from} line set to {@code stamp} */
    static String write(String text, boolean markdown, String stamp) {
        boolean bom = text.startsWith(BOM);
        List<String> lines = lines(bom ? text.substring(1) : text);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        String line = TranslationKind.FIELD + ": \"" + stamp + "\"";
        int start = markdown ? 1 : 0;
        int end = markdown ? closingFence(lines) : lines.size();
        int at = -1;
        for (int i = start; i < end && at < 0; i++) {
            if (STAMP_LINE.matcher(content(lines.get(i))).matches()) {
                at = i;
            }
        }
        if (at >= 0) {
            int next = at + 1;
            while (next < end && !content(lines.get(next)).isBlank()
                    && (lines.get(next).startsWith(" ") || lines.get(next).startsWith("\t"))) {
                next++;
            }
            String ending = ending(lines.get(next - 1));
            lines.subList(at, next).clear();
            lines.add(at, line + ending);
        } else {
            int insert = end;
            if (!markdown) {
                for (int i = 0; i < lines.size(); i++) {
                    if (TOP_KEY.matcher(content(lines.get(i))).matches()) {
                        insert = i;
                        break;
                    }
                }
            }
            if (insert > 0 && insert == lines.size() && ending(lines.get(insert - 1)).isEmpty()) {
                lines.set(insert - 1, lines.get(insert - 1) + eol);
            }
            lines.add(insert, line + eol);
        }
        return (bom ? BOM : "") + String.join("", lines);
    }

    /** @return the index of the line that closes a Markdown file's front matter (the line count when none) */
    private static int closingFence(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String c = content(lines.get(i)).stripTrailing();
            if (c.equals("---") || c.equals("...")) {
                return i;
            }
        }
        return lines.size();
    }

    /** The lines of {@code text}, each with its own line ending ({@code \n}, {@code \r\n}, {@code \r} or none). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    private static String content(String line) {
        return line.substring(0, line.length() - ending(line).length());
    }

    private static String ending(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        }
        return line.endsWith("\n") || line.endsWith("\r") ? line.substring(line.length() - 1) : "";
    }
}

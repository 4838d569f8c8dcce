package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.util.Optional;

/**
 * A Markdown file split into its YAML front matter and its body.
 *
 * @param yaml          the text between the two {@code ---} lines
 * @param yamlFirstLine the file line the YAML starts on (2 when the file starts with {@code ---})
 * @param body          everything after the closing {@code ---}
 * @param bodyFirstLine the file line the body starts on
 */
record FrontMatter(String yaml, int yamlFirstLine, String body, int bodyFirstLine) {

    private static final String FENCE = "---";

    /**
     * @return the parts, or empty when the file has no front matter or it never closes (reported)
     */
    static Optional<FrontMatter> split(String text, String file, Diagnostics diagnostics) {
        if (text.isBlank()) {
            diagnostics.error("file.empty", SourceSpan.startOf(file),
                    "the file is empty; start it with front matter between two --- lines "
                            + "(run `patella new` for a filled-in example)");
            return Optional.empty();
        }
        if (!isFence(firstLine(text, 0))) {
            diagnostics.error("frontmatter.missing", SourceSpan.startOf(file),
                    "the file must start with front matter: a line with ---, the YAML fields, then another ---");
            return Optional.empty();
        }
        int start = text.indexOf('\n') + 1;
        if (start == 0) {
            start = text.length();
        }
        int line = 2;
        int cursor = start;
        while (cursor < text.length()) {
            String current = firstLine(text, cursor);
            if (isFence(current) || current.stripTrailing().equals("...")) {
                int after = cursor + current.length() + 1;
                String body = after >= text.length() ? "" : text.substring(after);
                return Optional.of(new FrontMatter(text.substring(start, cursor), 2, body, line + 1));
            }
            cursor += current.length() + 1;
            line++;
        }
        diagnostics.error("frontmatter.unclosed", SourceSpan.startOf(file),
                "the front matter that starts here never ends; add a line with only --- after the last field");
        return Optional.empty();
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals(FENCE);
    }

    private static String firstLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.substring(from) : text.substring(from, end);
    }
}

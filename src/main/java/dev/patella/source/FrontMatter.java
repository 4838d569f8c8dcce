package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A line of dashes that is no fence: "----" or "--" typed for "---". */
    private static final Pattern DASHES = Pattern.compile("-{2}|-{4,}");
    /** A page {@code new} can write: its kind and name. */
    private static final Pattern NEW_PAGE = Pattern.compile("content/(condition|exercise|page)s/([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    /**
     * @return the parts, or empty when the file has no front matter or it never closes (reported)
     */
    static Optional<FrontMatter> split(String text, String file, Diagnostics diagnostics) {
        if (text.isBlank()) {
            Matcher page = NEW_PAGE.matcher(file);
            diagnostics.error("file.empty", SourceSpan.startOf(file),
                    "the file is empty; start it with front matter between two --- lines ("
                            + (page.matches() ? "bin/patella new " + page.group(1) + " " + page.group(2)
                            + " fills it with a draft that has every field explained)"
                            : "bin/patella new writes a filled-in example)"));
            return Optional.empty();
        }
        if (!isFence(firstLine(text, 0))) {
            int blank = 0;
            while (text.startsWith("\n", blank)) {
                blank++;
            }
            diagnostics.error("frontmatter.missing", SourceSpan.startOf(file), blank > 0 && isFence(firstLine(text, blank))
                    ? "the front matter's first --- is on line " + (blank + 1) + ", but it must be the very first line "
                    + "of the file; remove the empty " + (blank == 1 ? "line" : "lines") + " above it"
                    : DASHES.matcher(firstLine(text, 0).strip()).matches()
                    ? "the front matter starts at a line of exactly three dashes (---), and this line has another "
                    + "number of them; make it ---"
                    : "the file must start with front matter: a line with ---, the YAML fields, then another ---");
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
        Optional<Integer> dashes = dashesLine(text, start);
        diagnostics.error("frontmatter.unclosed", dashes.map(at -> new SourceSpan(file, at, 1))
                .orElse(SourceSpan.startOf(file)), dashes.isPresent()
                ? "the front matter ends at a line of exactly three dashes (---), and this line has another number of "
                + "them; make it ---"
                : "the front matter that starts here never ends; add a line with only --- after the last field");
        return Optional.empty();
    }

    /** The number of the first line after the opening --- that holds only dashes, more or fewer than three. */
    private static Optional<Integer> dashesLine(String text, int from) {
        int line = 2;
        for (int cursor = from; cursor < text.length(); line++) {
            String current = firstLine(text, cursor);
            if (DASHES.matcher(current.strip()).matches()) {
                return Optional.of(line);
            }
            cursor += current.length() + 1;
        }
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

package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * Markdown written by an editor, with where it starts so that problems inside it can be
 * reported at their own line. {@code lines} places a text that YAML gave as one string although
 * it was written over several lines, indented or joined: triples (offset in {@code markdown},
 * line, column), one for each line of the file it continues on; empty when its lines are the
 * file's own lines from {@code at} on (a Markdown body, a value on one line).
 */
public record Prose(String markdown, SourceSpan at, List<Integer> lines) {
    public Prose {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
    }

    public Prose(String markdown, SourceSpan at) {
        this(markdown, at, List.of());
    }

    public boolean isBlank() {
        return markdown.isBlank();
    }

    /**
     * This text with each closed HTML comment ({@code <!-- note -->}), an editor's note that
     * readers never see, turned into spaces, its line breaks kept, so that every line and column
     * stays where it was: for the checks that read the words of the Markdown itself (reading
     * level, numbers in a translation, drafts' words). An unclosed {@code <!--} is left as it
     * is (the Markdown renderer reports it).
     */
    public Prose withoutComments() {
        return markdown.contains("<!--") ? new Prose(withoutComments(markdown), at, lines) : this;
    }

    /**
     * {@code markdown} with each {@code <!-- ... -->} turned into spaces, its line breaks kept; the
     * same string when it holds no comment.
     */
    public static String withoutComments(String markdown) {
        int open = markdown.indexOf("<!--");
        if (open < 0) {
            return markdown;
        }
        char[] out = markdown.toCharArray();
        while (open >= 0) {
            int close = markdown.indexOf("-->", open + 4);
            if (close < 0) {
                break;
            }
            for (int i = open; i < close + 3; i++) {
                if (out[i] != '\n' && out[i] != '\r') {
                    out[i] = ' ';
                }
            }
            open = markdown.indexOf("<!--", close + 3);
        }
        return new String(out);
    }
}

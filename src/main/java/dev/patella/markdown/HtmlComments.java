package dev.patella.markdown;

import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.patella.model.Prose;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Editors' notes written as HTML comments ({@code <!-- ask Dr Smith -->}): the renderer leaves
 * them out of the page. A note Markdown does not read as one would not stay private, or would
 * take text with it: one at the start of a line that is never closed hides everything below it
 * (CommonMark reads a comment block to the first line with {@code -->}, or to the end of the text),
 * and so does one closed only by the {@code -->} of a later note; one in a paragraph that is never
 * closed, or holds {@code --}, is shown to readers as text; and words after the {@code -->} of a
 * note over several lines belong to its comment block and would be hidden with it (a note of one
 * line followed by words is read as a paragraph, see {@code HTML_BLOCK_COMMENT_ONLY_FULL_LINE}).
 */
final class HtmlComments {

    static final String CODE = "markdown.broken-comment";
    /** The start of a heading written with #: up to three spaces, one to six #, then a space or a tab. */
    private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}[ \\t]");

    /** A mistake in a note: where it is, as an offset in the Markdown, and what to say. */
    record Problem(int offset, String message) {
    }

    private HtmlComments() {
    }

    /**
     * {@code markdown} with each note closed on a heading's own line turned into spaces: a note at the
     * end of a heading ({@code ## Heading <!-- note -->}) would otherwise give the heading's id a
     * trailing hyphen ({@code heading-}), which no link to {@code #heading} reaches. Every other
     * character stays where it was.
     */
    static String inHeadings(String markdown) {
        if (!markdown.contains("<!--")) {
            return markdown;
        }
        return Arrays.stream(markdown.split("\n", -1))
                .map(line -> HEADING.matcher(line).lookingAt() ? Prose.withoutComments(line) : line)
                .collect(Collectors.joining("\n"));
    }

    /** The mistake in a comment block, if it hides more than itself; empty for a note that is only a note. */
    static Optional<Problem> inBlock(HtmlCommentBlock block) {
        BasedSequence chars = block.getChars();
        int open = chars.indexOf("<!--");
        if (open < 0) {
            return Optional.empty();
        }
        int close = chars.indexOf("-->", open + 4);
        if (close < 0) {
            return Optional.of(new Problem(block.getStartOffset() + open, "this note (" + start(chars, open)
                    + ") is never closed with -->, so everything below it, to the end of the text, would be "
                    + "hidden from readers; end the note with --> where it stops"));
        }
        int next = chars.indexOf("<!--", open + 4);
        if (next >= 0 && next < close) {
            return Optional.of(new Problem(block.getStartOffset() + open, "this note (" + start(chars, open)
                    + ") is not closed with --> before the next note starts, so the text between them would be "
                    + "hidden from readers; end the note with --> where it stops"));
        }
        String after = Prose.withoutComments(chars.subSequence(close + 3).toString());
        int words = 0;
        while (words < after.length() && Character.isWhitespace(after.charAt(words))) {
            words++;
        }
        if (words == after.length()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(block.getStartOffset() + close + 3 + words, "the words after --> (\""
                + abbreviate(after.strip()) + "\") would be hidden with the note, as a note over several lines "
                + "takes the rest of its last line with it; put them on a line of their own below the note"));
    }

    /**
     * The mistake of a {@code <!--} that Markdown left in a paragraph as text, so that the note would be shown
     * to readers; empty when the text holds none (or only one written {@code \<!--} on purpose).
     */
    static Optional<Problem> inText(Text text) {
        BasedSequence chars = text.getChars();
        int open = chars.indexOf("<!--");
        while (open > 0 && chars.charAt(open - 1) == '\\') {
            open = chars.indexOf("<!--", open + 4);
        }
        if (open < 0) {
            return Optional.empty();
        }
        Node block = text.getParent();
        while (block != null && !(block instanceof Block)) {
            block = block.getParent();
        }
        int from = text.getStartOffset() + open;
        int end = block == null ? text.getEndOffset() : block.getEndOffset();
        BasedSequence rest = chars.getBaseSequence().subSequence(from, end);
        String shown = start(rest, 0);
        if (rest.indexOf("-->", 4) >= 0) {
            return Optional.of(new Problem(from, "this note (" + shown + ") would be shown to readers as text, as "
                    + "Markdown does not read a note that holds two dashes (--) inside it, or starts or ends with an "
                    + "extra dash, as a note; write it without them, like <!-- ask Dr Smith -->"));
        }
        return Optional.of(new Problem(from, "this note (" + shown + ") is never closed with --> in its paragraph, "
                + "so readers would see it as text; end it with --> (a note over several paragraphs must start "
                + "at the beginning of a line)"));
    }

    /** The first words of the note from {@code open}, on its first line. */
    private static String start(BasedSequence chars, int open) {
        String line = chars.subSequence(open).toString();
        int end = line.indexOf('\n');
        return abbreviate((end < 0 ? line : line.substring(0, end)).strip());
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}

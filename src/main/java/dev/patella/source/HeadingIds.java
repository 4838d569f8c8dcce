package dev.patella.source;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings a Markdown body starts with {@code #}, each with the id its page gives it: the one
 * written in braces ({@code ## Síntomas {#symptoms}}), else the one made from its words the way
 * the Markdown stage makes it (lower case, spaces as hyphens, punctuation left out:
 * {@code ## How often, and for how long} is {@code how-often-and-for-how-long}). Lines inside a
 * fenced code block are not headings. Headings underlined with {@code ===} or {@code ---} are not
 * looked for: the content format writes headings with {@code #}.
 */
final class HeadingIds {

    /**
     * One heading.
     *
     * @param marks    the heading's {@code #} marks, such as {@code ##}
     * @param text     its words, without the marks and the braces
     * @param id       the id its page gives it
     * @param explicit whether the id is written in braces
     * @param line     the heading's line as written, without its line end
     * @param at       where the heading starts, or its braces when it has an id of its own
     */
    record Heading(String marks, String text, String id, boolean explicit, String line, SourceSpan at) {

        /** The heading as it is written with {@code id}: its own braces with that id, or braces added. */
        String withId(String wanted) {
            if (explicit) {
                return line.replaceFirst("\\{([^}]*)#" + Pattern.quote(id) + "(?=[\\s}])",
                        "{$1#" + Matcher.quoteReplacement(wanted));
            }
            return line.stripTrailing() + " {#" + wanted + "}";
        }
    }

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)\\}[ \\t]*$");
    private static final Pattern ID_IN_BRACES = Pattern.compile("(?:^|\\s)#([^\\s}]+)");
    private static final Pattern CLOSING_MARKS = Pattern.compile("(?:^|[ \\t])#+[ \\t]*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private HeadingIds() {
    }

    /** @return the body's headings in their order; empty when it has none */
    static List<Heading> of(Prose body) {
        List<Heading> out = new ArrayList<>();
        String[] lines = Prose.withoutComments(body.markdown()).split("\n", -1); // a note holds no heading
        Optional<String> fence = Optional.empty();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (fence.isPresent()) {
                if (f.find() && f.group(1).charAt(0) == fence.get().charAt(0)
                        && f.group(1).length() >= fence.get().length()) {
                    fence = Optional.empty();
                }
                continue;
            }
            if (f.find()) {
                fence = Optional.of(f.group(1));
                continue;
            }
            Matcher m = ATX.matcher(line);
            if (m.matches()) {
                out.add(heading(m.group(1), m.group(2) == null ? "" : m.group(2), line,
                        body.at().shiftLines(i), m.start(1)));
            }
        }
        return out;
    }

    private static Heading heading(String marks, String content, String line, SourceSpan lineAt, int marksAt) {
        String text = CLOSING_MARKS.matcher(content).replaceFirst("").strip();
        Matcher braces = BRACES.matcher(text);
        if (braces.find()) {
            Matcher id = ID_IN_BRACES.matcher(braces.group(1));
            if (id.find()) {
                int column = line.lastIndexOf('{') + 1;
                return new Heading(marks, text.substring(0, braces.start()).strip(), id.group(1), true, line,
                        new SourceSpan(lineAt.file(), lineAt.line(), column));
            }
            text = text.substring(0, braces.start()).strip();
        }
        return new Heading(marks, text, idOf(text), false, line,
                new SourceSpan(lineAt.file(), lineAt.line(), marksAt + 1));
    }

    /** The id the Markdown stage makes from a heading's words. */
    static String idOf(String text) {
        String words = LINK.matcher(text).replaceAll("$1");
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (Character.isLetter(c)) {
                id.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c)) {
                id.append(c);
            } else if (c == ' ' || c == '-' || c == '_') {
                id.append('-');
            }
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }
}

package dev.patella.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.SourceSpan;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns the YAML library's exceptions into diagnostics an editor can act on. */
final class YamlErrors {
    private YamlErrors() {
    }

    /**
     * @param yaml the text that did not parse, starting at line {@code lineOffset + 1} of {@code file}
     */
    /** A key or a list's dash, then a text: "feel_it: " of "feel_it: *The front* of your thigh." */
    private static final Pattern BEFORE_TEXT = Pattern.compile("(\\s*(?:- )?(?:[A-Za-z_][A-Za-z0-9_]*:[ \\t]+)?(?:- )?)(.*)");
    /** Bold or italics with stars, a Markdown link or a bracketed word followed by more text, or code. */
    /** A key and a text that holds ": " and no quote: "title: Clamshell: side-lying hip opener". */
    private static final Pattern KEY_AND_TEXT = Pattern.compile("\\s*(?:- )?([A-Za-z_][A-Za-z0-9_]*:)[ \\t]+([^\"'\\[{|>&*!%@`#][^#]*: .*)");
    /** A YAML alias alone: "*name". */
    private static final Pattern ALIAS = Pattern.compile("\\*[A-Za-z0-9_-]+");
    private static final Pattern MARKDOWN_START = Pattern.compile("\\*+[^\\s*].*|\\[[^\\]]*\\](?!\\s*(#.*)?$).+|`.*");

    /**
     * An error when line {@code line} (counted from 0) gives a text that starts with Markdown YAML reads as
     * something else: {@code *The front* of your thigh.} (an alias), {@code [The front](/glossary/) of…} or
     * {@code [Optional] keep…} (a list in brackets), {@code `code`}; with the line as it should be written.
     */
    static Optional<Diagnostic> markdownStart(String[] lines, int line, String file, int lineOffset) {
        if (line < 0 || line >= lines.length) {
            return Optional.empty();
        }
        Matcher m = BEFORE_TEXT.matcher(lines[line]);
        if (!m.matches() || !MARKDOWN_START.matcher(m.group(2).strip()).matches()) {
            return Optional.empty();
        }
        String text = m.group(2).strip();
        if (ALIAS.matcher(text).matches() && Pattern.compile("(^|\\s)&" + Pattern.quote(text.substring(1)) + "(\\s|$)")
                .matcher(String.join("\n", lines)).find()) {
            // "mistakes: *t" where "tips: &t" marks a value: a YAML alias, meant, not bold text
            return Optional.of(Diagnostic.error("yaml.syntax", new SourceSpan(file, line + 1 + lineOffset, m.start(2) + 1),
                    "this is a YAML alias, a copy of the value marked " + text.replace('*', '&') + ", which Patella does "
                    + "not read (a page's fields are written out in full); write the value itself here, and remove "
                    + text.replace('*', '&')));
        }
        String what = switch (text.charAt(0)) {
            case '*' -> "\"*\" (bold or italics), which YAML reads as a reference to another value";
            case '[' -> text.contains("](") ? "a link, whose \"[\" YAML reads as the start of a list"
                    : "\"[\", which YAML reads as the start of a list";
            default -> "\"`\", which YAML does not allow at the start of a text";
        };
        String fixed = m.group(1) + "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return Optional.of(Diagnostic.error("yaml.syntax", new SourceSpan(file, line + 1 + lineOffset,
                m.start(2) + 1), "this text starts with " + what + "; put the whole text in "
                + "quotes: " + fixed.strip()));
    }

    static Diagnostic describe(JsonProcessingException e, String yaml, String file, int lineOffset) {
        if (e instanceof StreamConstraintsException) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            return tooComplex(new SourceSpan(file, line + lineOffset, 1));
        }
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            Mark opened = marked.getContextMark();
            String problem = String.valueOf(marked.getProblem());
            // the lines as YAML counts them, which the marks' line numbers are
            String[] lines = LINE_BREAK.split(yaml, -1);
            SourceSpan space = nonBreakingSpace(lines, mark.getLine(), file, lineOffset);
            if (space != null) {
                // the parser stops lines later, or calls it something else: the space is the mistake
                return Diagnostic.error("yaml.syntax", space, "this is a non-breaking space (U+00A0, often pasted from "
                        + "a word processor or a web page), which YAML does not read as a space, so the line is not "
                        + "read as you wrote it; delete it and type an ordinary space");
            }
            if (code(problem).equals("yaml.tab")) {
                // the parser stops right at the tab; the checks below measure columns with the tab
                // read as one space, and would blame a well-placed line next to it
                return tab(lines, mark, file, lineOffset);
            }
            for (int line : new int[] {mark.getLine(), opened == null ? -1 : opened.getLine()}) {
                Optional<Diagnostic> markdown = markdownStart(lines, line, file, lineOffset);
                if (markdown.isPresent()) {
                    return markdown.get();
                }
            }
            boolean bracket = problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'");
            // a [ or { left open is found at the end, or where the next line goes on as a new key: the
            // editor's mistake is where it opened (not when its line ends with a comma: then the list
            // goes on there on purpose, and the mistake is where the parser stopped)
            if (opened != null && bracket && (problem.contains("stream end")
                    || opened.getLine() < mark.getLine() && !continuedOnPurpose(opened))) {
                var at = new SourceSpan(file, opened.getLine() + 1 + lineOffset, opened.getColumn() + 1);
                return Diagnostic.error("yaml.syntax", at, notClosed(problem, mark.getLine() + 1 + lineOffset));
            }
            if (opened != null && problem.contains("could not find expected ':'") && opened.getLine() < mark.getLine()) {
                // the parser notices on the next line; the line without its colon is where the key began
                var at = new SourceSpan(file, opened.getLine() + 1 + lineOffset, opened.getColumn() + 1);
                String line = opened.getLine() < lines.length ? lines[opened.getLine()].strip() : "";
                Matcher key = KEY_WITHOUT_SPACE.matcher(line);
                String message;
                if (key.matches()) {
                    at = new SourceSpan(file, at.line(), at.column() + key.end(2));
                    message = colonWithoutSpace(key.group(2));
                } else if (ListChecks.bullet(line).isPresent()) {
                    message = ListChecks.bulletMessage(ListChecks.bullet(line).get(), "it is not a new item of the "
                            + "list above");
                } else if (line.matches("-\\p{L}.*")) {
                    message = "this line starts with \"-\" but no space after it, so it is not a new item of the list "
                            + "above; write \"- \" (a dash, then a space)";
                } else {
                    Diagnostic item = itemWithColon(lines, opened.getLine(), file, lineOffset);
                    if (item != null) {
                        return item;
                    }
                    message = NO_COLON;
                }
                return Diagnostic.error("yaml.syntax", at, message);
            }
            Optional<Diagnostic> left = keyLeftOfGroup(lines, mark.getLine(), file, lineOffset);
            if (left.isPresent()) {
                return left.get();
            }
            Optional<Diagnostic> right = problem.contains("mapping values are not allowed")
                    ? keyRightOfKeyAbove(lines, mark.getLine(), file, lineOffset) : Optional.empty();
            if (right.isPresent()) {
                return right.get();
            }
            Optional<Diagnostic> first = firstKeyRightOfGroup(lines, mark.getLine(), file, lineOffset);
            if (first.isPresent()) {
                return first.get();
            }
            if (problem.contains("mapping values are not allowed")) {
                // "- id:gasnick" and then "  type: webpage": the key without its space is on the line above
                int above = Math.min(mark.getLine(), lines.length) - 1;
                while (above >= 0 && lines[above].isBlank()) {
                    above--;
                }
                String previous = above >= 0 ? lines[above].strip() : "";
                int indent = above >= 0 ? lines[above].indexOf(previous) : 0;
                Matcher key = KEY_WITHOUT_SPACE.matcher(previous);
                if (above >= 0 && key.matches()) {
                    return Diagnostic.error("yaml.syntax", new SourceSpan(file, above + 1 + lineOffset,
                            indent + key.end(2) + 1), colonWithoutSpace(key.group(2)));
                }
                // "  sets 3" and then "  reps: 10-15" in the same column: the first key of a group, without its colon
                int here = mark.getLine() < lines.length ? lines[mark.getLine()].indexOf(lines[mark.getLine()].strip()) : -1;
                if (above >= 0 && indent == here && KEY_WITHOUT_COLON.matcher(previous).matches()) {
                    return Diagnostic.error("yaml.syntax", new SourceSpan(file, above + 1 + lineOffset, indent + 1),
                            NO_COLON);
                }
            }
            int curly = problem.contains("mapping values are not allowed") ? curlyQuoteAt(mark) : -1;
            if (curly >= 0) {
                var at = new SourceSpan(file, mark.getLine() + 1 + lineOffset, curly + 1);
                return Diagnostic.error("yaml.syntax", at, curlyQuote(restOfLine(mark, curly),
                        continues(lines, mark.getLine())));
            }
            Diagnostic runaway = runawayQuote(lines, mark, opened, problem, String.valueOf(marked.getContext()), file,
                    lineOffset);
            if (runaway != null) {
                return runaway;
            }
            var at = new SourceSpan(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
            if (opened != null && String.valueOf(marked.getContext()).contains("quoted scalar")
                    && problem.contains("end of stream")) {
                // a quote left open on the last line: the parser stops at the end (the closing ---, or
                // past the file's last line, which has no line to show); the mistake is the quote
                at = new SourceSpan(file, opened.getLine() + 1 + lineOffset, opened.getColumn() + 1);
            }
            Matcher valued = mark.getLine() < lines.length ? KEY_AND_TEXT.matcher(lines[mark.getLine()]) : null;
            if (problem.contains("mapping values are not allowed") && valued != null && valued.matches()) {
                // "title: Clamshell: side-lying hip opener": the editor's own line, in quotes
                String text = valued.group(2).strip();
                return Diagnostic.error("yaml.syntax", at, "a colon followed by a space starts a new \"key: value\" "
                        + "here, but this line is already part of a value; put the whole text in quotes: "
                        + valued.group(1).strip() + " \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
            return Diagnostic.error(code(marked.getProblem()), at,
                    explain(marked.getProblem(), marked.getContext()));
        }
        String problem = String.valueOf(cause != null ? cause.getMessage() : e.getOriginalMessage());
        JsonLocation location = e.getLocation();
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return Diagnostic.error(code(problem), new SourceSpan(file, line + lineOffset, column),
                explain(problem, null));
    }

    /** A list item that YAML reads as "key: value": "- Slow is the word: lift for three counts". */
    /** A key of the content format, as a group in a list has them: "id", "hold_seconds". */
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern ITEM_WITH_COLON = Pattern.compile("- ([^\"'#\\[{&*!|>%@`].*?): .*");

    /**
     * The mistake when line {@code line} goes on with the text of a list item above it that holds a
     * colon and a space ("- Slow is the word: lift for three counts" and then "and lower for
     * three."): YAML read the item as "key: value", so the line is read as a key without its colon.
     * The item's line is where the mistake is, and the message shows the whole item, all its lines,
     * in quotes, as the one-line item's message does. Null when the line does not follow such an item.
     */
    private static Diagnostic itemWithColon(String[] lines, int line, String file, int lineOffset) {
        int above = Math.min(line, lines.length) - 1;
        while (above >= 0 && lines[above].isBlank()) {
            above--;
        }
        if (above < 0 || line >= lines.length) {
            return null;
        }
        String item = lines[above].strip();
        Matcher m = ITEM_WITH_COLON.matcher(item);
        int text = indent(lines[above]) + 2;
        if (!m.matches() || !lines[above].startsWith("- ", indent(lines[above])) || indent(lines[line]) != text
                || FIELD.matcher(m.group(1)).matches()) {
            return null; // "- id: gasnick" and then "  type webpage" is a group of keys, one without its colon
        }
        StringBuilder whole = new StringBuilder(item.substring(2).strip());
        for (int i = above + 1; i < lines.length && !lines[i].isBlank() && indent(lines[i]) >= text; i++) {
            whole.append(' ').append(lines[i].strip());
        }
        return Diagnostic.error("yaml.syntax", new SourceSpan(file, above + 1 + lineOffset, text + 1),
                "this item holds a colon and a space after \"" + m.group(1) + "\", which YAML reads as \"key: "
                        + "value\", not as text, so its next line is read as a key without its colon; put the whole "
                        + "item, from its first line to its last, in quotes: - " + CurlyQuotes.quoted(whole.toString()));
    }

    /** A line that is a key, or a list item's first key: "reps: 10", "- id: gasnick", "steps:". */
    private static final Pattern KEY_LINE = Pattern.compile("\\s*(- )?[A-Za-z_][A-Za-z0-9_]*:(\\s.*)?");

    /**
     * A quote left open at the end of its line ({@code title: "La almeja}): YAML reads on, over the
     * lines below, to the next quote of the same kind, and stops there with "more text after a
     * value", or at the end with "never closed", far from the mistake. When the lines it ran over
     * hold a key, the mistake is the open quote: reported there, with its line as it should be
     * written. Null when the error is another one.
     */
    private static Diagnostic runawayQuote(String[] lines, Mark mark, Mark opened, String problem, String context,
                                           String file, int lineOffset) {
        int line;
        int column;
        int end = mark.getLine();
        if (problem.contains("but found '<scalar>'")) {
            // the quote that closed the value is right before the mark; the one that opened it, the one before
            String here = end < lines.length ? lines[end] : "";
            int close = mark.getColumn() - 1;
            if (close < 0 || close >= here.length() || here.charAt(close) != '"' && here.charAt(close) != '\'') {
                return null;
            }
            char quote = here.charAt(close);
            line = end;
            column = previousQuote(here, close, quote);
            while (column < 0 && line > 0) {
                line--;
                column = previousQuote(lines[line], lines[line].length(), quote);
            }
        } else if (context.contains("quoted scalar") && problem.contains("end of stream") && opened != null) {
            line = opened.getLine();
            column = opened.getColumn();
        } else {
            return null;
        }
        if (column < 0 || line >= end || line >= lines.length) {
            return null;
        }
        boolean overKeys = false;
        for (int i = line + 1; i <= Math.min(end, lines.length - 1) && !overKeys; i++) {
            overKeys = KEY_LINE.matcher(lines[i]).matches();
        }
        if (!overKeys) {
            return null;
        }
        char quote = lines[line].charAt(column);
        String fixed = lines[line].strip() + quote;
        String reached = problem.contains("end of stream") ? (lineOffset > 0 ? "to the end of the front matter"
                : "to the end of the file")
                : "up to the " + quote + " on line " + (end + 1 + lineOffset);
        return Diagnostic.error("yaml.syntax", new SourceSpan(file, line + 1 + lineOffset, column + 1),
                "this quote is not closed on its line, so YAML reads the lines below it, " + reached
                        + ", as part of this value; close it at the end of the text: " + fixed);
    }

    /** Where the last {@code quote} before {@code before} in {@code line} is, not counting an escaped one; -1 if none. */
    private static int previousQuote(String line, int before, char quote) {
        for (int i = before - 1; i >= 0; i--) {
            if (line.charAt(i) != quote) {
                continue;
            }
            if (quote == '"') {
                int slashes = 0;
                while (i - slashes - 1 >= 0 && line.charAt(i - slashes - 1) == '\\') {
                    slashes++;
                }
                if (slashes % 2 == 0) {
                    return i;
                }
            } else if (i > 0 && line.charAt(i - 1) == '\'') {
                i--; // '' is a quote inside single quotes
            } else {
                return i;
            }
        }
        return -1;
    }

    private static final String NO_COLON = "this line has no colon after its key; write it as \"key: value\" (a colon, "
            + "then a space), or, if it goes on with the text of the line above, put that text in quotes";
    /** Where YAML breaks lines (SnakeYAML counts all of these in its positions). */
    static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");
    /** A line (without its indentation) that starts as a key but has no colon: "sets 3". */
    /** A line (without its indentation) that is a key and its value. */
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*: .*");
    /** A line (without its indentation) that opens a group: a key with nothing after its colon. */
    private static final Pattern GROUP_HEADER = Pattern.compile("(- )?[A-Za-z_][A-Za-z0-9_-]*:\\s*(#.*)?");
    private static final Pattern KEY_WITHOUT_COLON = Pattern.compile("[a-z][a-z0-9_]* [^:]*");
    /** A line (without its indentation) that is a key, perhaps a list item's, whose colon has no space after it. */
    private static final Pattern KEY_WITHOUT_SPACE = Pattern.compile("(- )?([A-Za-z0-9_-]+):[^ /].*");

    /** A line's first non-space column, counted from 0; -1 for a blank line. */
    private static int startColumn(String line) {
        String text = line.strip();
        return text.isEmpty() ? -1 : line.indexOf(text);
    }

    /** The column where a line's key starts: after the dash of a list item ({@code - id: x}). */
    private static int keyColumn(String line) {
        return startColumn(line) + (line.strip().startsWith("- ") ? 2 : 0);
    }

    /** The nearest line above {@code line} that is neither blank nor a comment; -1 when none. */
    private static int lineAbove(String[] lines, int line) {
        int above = Math.min(line, lines.length) - 1;
        while (above >= 0 && (lines[above].isBlank() || lines[above].strip().startsWith("#"))) {
            above--;
        }
        return above;
    }

    /** The nearest line below {@code line} that is neither blank nor a comment; {@code lines.length} when none. */
    private static int lineBelow(String[] lines, int line) {
        int below = line + 1;
        while (below < lines.length && (lines[below].isBlank() || lines[below].strip().startsWith("#"))) {
            below++;
        }
        return below;
    }

    /**
     * A key written left of the group it belongs to, which YAML reads as ending the group, and which
     * the parser only notices at a later line: {@code hold_seconds: 1} at the margin between two
     * keys of {@code dose:}, {@code sets: 3} in the column of {@code dose:} itself (the group's first
     * key), or {@code type: book} in the column of its list item's dash. The error is at that key,
     * with the spaces to add.
     *
     * @param mark the line (from 0) where the parser stopped
     */
    static Optional<Diagnostic> keyLeftOfGroup(String[] lines, int mark, String file, int lineOffset) {
        for (int line : new int[] {mark, lineAbove(lines, mark)}) {
            if (line < 0 || line >= lines.length || !KEY_VALUE.matcher(lines[line].strip()).matches()) {
                continue;
            }
            int column = startColumn(lines[line]);
            int above = lineAbove(lines, line);
            int below = lineBelow(lines, line);
            // the group goes on below it with a key: a text's next line (a value on two lines) is no key
            int next = below < lines.length && (KEY_VALUE.matcher(lines[below].strip()).matches()
                    || GROUP_HEADER.matcher(lines[below].strip()).matches()) ? startColumn(lines[below]) : -1;
            Integer group = null;
            String text = above >= 0 ? lines[above].strip() : "";
            if (above >= 0 && keyColumn(lines[above]) > column && next == keyColumn(lines[above])) {
                group = keyColumn(lines[above]); // between keys of its group, or after an item's first key
            } else if (above >= 0 && startColumn(lines[above]) == column && GROUP_HEADER.matcher(text).matches()
                    && next > column) {
                group = next; // the first key of "dose:", in the column of "dose:" itself
            }
            if (group != null && group > column) {
                String key = lines[line].strip();
                key = key.substring(0, key.indexOf(':'));
                int by = group - column;
                return Optional.of(Diagnostic.error("yaml.syntax", new SourceSpan(file, line + 1 + lineOffset,
                        column + 1), "\"" + key + ":\" starts left of the other keys of its group, so YAML takes it as "
                        + "the end of the group and cannot read the lines after it; indent it by " + by
                        + (by == 1 ? " space" : " spaces") + ", in the same column as the group's other keys"));
            }
        }
        return Optional.empty();
    }

    /**
     * Two keys of one group in different columns, the second further right: {@code " name: Patella"}
     * and then {@code "  url: https://…"} under {@code publisher:}. YAML reads the second as more of
     * the first one's value and stops at its colon. Which of the two is out of line is told by the
     * group's usual indent (the step from its header to its keys elsewhere in the file, 2 spaces when
     * nothing says otherwise), and by the key below them; the error is at that one, with the spaces
     * to add or take away.
     *
     * @param mark the line (from 0) where the parser stopped, the second key's
     */
    static Optional<Diagnostic> keyRightOfKeyAbove(String[] lines, int mark, String file, int lineOffset) {
        int above = lineAbove(lines, mark);
        if (mark >= lines.length || above < 0 || !KEY_VALUE.matcher(lines[mark].strip()).matches()
                || !KEY_VALUE.matcher(lines[above].strip()).matches()) {
            return Optional.empty();
        }
        int here = startColumn(lines[mark]);
        int there = startColumn(lines[above]);
        if (there >= here) {
            return Optional.empty();
        }
        int header = lineAbove(lines, above);
        while (header >= 0 && startColumn(lines[header]) >= there) {
            header = lineAbove(lines, header);
        }
        if (header < 0 || !GROUP_HEADER.matcher(lines[header].strip()).matches()) {
            return Optional.empty(); // a text going on below a top-level key: the colon in it is the mistake
        }
        int expected = keyColumn(lines[header]) + indentStep(lines, header);
        int below = lineBelow(lines, mark);
        boolean belowLinesUpHere = below < lines.length && KEY_VALUE.matcher(lines[below].strip()).matches()
                && startColumn(lines[below]) == here;
        // the key out of line: the one not in the group's usual column, or the one the key below disagrees with
        boolean upperIsOut = expected == here || expected != there && belowLinesUpHere;
        int line = upperIsOut ? above : mark;
        int other = upperIsOut ? mark : above;
        String key = keyOf(lines[line]);
        int by = here - there;
        String spaces = by + (by == 1 ? " space" : " spaces");
        String fix = upperIsOut ? "add " + spaces + " before \"" + key + ":\"" : "take " + spaces + " away before \""
                + key + ":\"";
        return Optional.of(Diagnostic.error("yaml.syntax", new SourceSpan(file, line + 1 + lineOffset,
                startColumn(lines[line]) + 1), "\"" + key + ":\" starts in column " + (startColumn(lines[line]) + 1)
                + " and \"" + keyOf(lines[other]) + ":\" on line " + (other + 1 + lineOffset) + " in column "
                + (startColumn(lines[other]) + 1) + "; the keys of one group start in the same column, or YAML reads "
                + "the one further right as more of the value above it; " + fix));
    }

    /**
     * A group's first key further right than the keys after it: {@code "   sets: 3"} right under
     * {@code dose:}, then {@code "  reps: 10"}. YAML takes the first key's column for the group's,
     * and stops at the second. The error is at the first key, with the spaces to take away.
     *
     * @param mark the line (from 0) where the parser stopped, the second key's
     */
    static Optional<Diagnostic> firstKeyRightOfGroup(String[] lines, int mark, String file, int lineOffset) {
        int above = lineAbove(lines, mark);
        int header = above < 0 ? -1 : lineAbove(lines, above);
        if (mark >= lines.length || header < 0 || !KEY_VALUE.matcher(lines[mark].strip()).matches()
                || !KEY_VALUE.matcher(lines[above].strip()).matches()
                || !GROUP_HEADER.matcher(lines[header].strip()).matches()) {
            return Optional.empty();
        }
        int here = startColumn(lines[mark]);
        int first = startColumn(lines[above]);
        if (first <= here || here <= keyColumn(lines[header])) {
            return Optional.empty();
        }
        String key = keyOf(lines[above]);
        int by = first - here;
        return Optional.of(Diagnostic.error("yaml.syntax", new SourceSpan(file, above + 1 + lineOffset, first + 1),
                "\"" + key + ":\" starts in column " + (first + 1) + " and \"" + keyOf(lines[mark]) + ":\" below it in "
                + "column " + (here + 1) + "; the keys of one group start in the same column, and YAML takes the "
                + "first one's for the group's; take " + by + (by == 1 ? " space" : " spaces") + " away before \""
                + key + ":\""));
    }

    /** The key a {@code key: value} line starts with. */
    private static String keyOf(String line) {
        String text = line.strip();
        return text.substring(0, text.indexOf(':'));
    }

    /**
     * The file's usual step from a group's header to its keys, leaving out the group {@code except}:
     * the most common one, 2 spaces when no other group says.
     */
    private static int indentStep(String[] lines, int except) {
        Map<Integer, Integer> steps = new HashMap<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            if (i == except || !GROUP_HEADER.matcher(lines[i].strip()).matches()) {
                continue;
            }
            int next = lineBelow(lines, i);
            if (next < lines.length && !lines[next].strip().startsWith("- ")
                    && startColumn(lines[next]) > keyColumn(lines[i])) {
                steps.merge(startColumn(lines[next]) - keyColumn(lines[i]), 1, Integer::sum);
            }
        }
        return steps.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(2);
    }

    private static String colonWithoutSpace(String key) {
        return "the colon after \"" + key + "\" needs a space after it: write \"" + key + ": \" and then the value";
    }

    /**
     * The first non-breaking space, up to line {@code last} (from 0) where the parser gave up, that
     * stands where YAML needs an ordinary one: in a line's indentation, right after a key's colon
     * ({@code chain:&nbsp;open}), or right after a list item's dash. Null when there is none: one
     * inside a text ("Where:&nbsp;the hip") is the editor's own, and fine.
     */
    private static SourceSpan nonBreakingSpace(String[] lines, int last, String file, int lineOffset) {
        for (int n = 0; n <= last && n < lines.length; n++) {
            String line = lines[n];
            int at = line.indexOf('\u00A0');
            if (at < 0) {
                continue;
            }
            String before = line.substring(0, at);
            boolean indent = before.chars().allMatch(c -> c == ' ' || c == '\u00A0');
            boolean dash = before.strip().equals("-");
            boolean key = before.endsWith(":") && before.strip().matches("(- )?[A-Za-z0-9_-]+:");
            if (indent || dash || key) {
                return new SourceSpan(file, n + 1 + lineOffset, at + 1);
            }
        }
        return null;
    }

    /**
     * The error for a tab where the parser stopped ({@code mark} is at the tab): in a line's
     * indentation, after a list item's dash, or after a key's colon. For indentation it says how
     * many spaces to type instead, so that the line starts in the column of the lines it belongs
     * with (see {@link #lineUp}).
     */
    private static Diagnostic tab(String[] lines, Mark mark, String file, int lineOffset) {
        var at = new SourceSpan(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
        int n = mark.getLine();
        String line = n < lines.length ? lines[n] : "";
        int tab;
        try {
            tab = line.offsetByCodePoints(0, mark.getColumn()); // the parser counts characters, not UTF-16 units
        } catch (IndexOutOfBoundsException e) {
            tab = -1;
        }
        String text = line.strip();
        if (tab < 0 || tab >= line.length() || line.charAt(tab) != '\t' || text.isEmpty()) {
            return Diagnostic.error("yaml.tab", at, explain("'\\t'", null));
        }
        String before = line.substring(0, tab);
        if (before.matches("[ \\t]*(- +)*-")) {
            return Diagnostic.error("yaml.tab", at, "a tab follows this list item's dash, where YAML only accepts a "
                    + "space; replace the tab with one space, so the item starts with \"- \" (a dash, then a space)");
        }
        if (before.matches("[ \\t]*(- +)?[^#]*:")) {
            String key = before.strip().replaceFirst("^- +", "");
            return Diagnostic.error("yaml.tab", at, "a tab follows the colon of \"" + key + "\", where YAML only "
                    + "accepts a space; replace the tab with one space");
        }
        if (!before.isBlank()) {
            return Diagnostic.error("yaml.tab", at, explain("'\\t'", null));
        }
        String said = "a tab is in this line's indentation, where YAML only accepts spaces; ";
        String indentation = line.substring(0, line.indexOf(text));
        boolean item = text.equals("-") || text.startsWith("- ") || text.startsWith("-\t");
        String what = item ? "the item's dash" : KEY_LINE.matcher(text).matches()
                ? "\"" + text.substring(0, text.indexOf(':') + 1) + "\"" : "the line";
        Optional<LineUp> target = lineUp(lines, n, item, lineOffset);
        if (target.isEmpty()) {
            return Diagnostic.error("yaml.tab", at, said + "replace the tab with spaces, so that " + what
                    + " starts in the same column as the lines it belongs with");
        }
        int column = target.get().column();
        String message = said + fix(indentation, column, what) + ", so that " + what + " starts "
                + target.get().where();
        // a key after a group's last key may be the group's or the next key's below it, further left: the tab
        // hides which, so both are said (lined up with the group, review_interval_months would join publisher:)
        int below = lineBelow(lines, n);
        if (!item && KEY_LINE.matcher(text).matches() && below < lines.length
                && indent(lines[below]) == startColumn(lines[below]) && sameKind(lines[below], false)
                && keyColumn(lines[below]) < column && lineAbove(lines, n) >= 0
                && !GROUP_HEADER.matcher(lines[lineAbove(lines, n)].strip()).matches()) {
            message += "; or, if " + what + " is not part of that group, " + fix(indentation, keyColumn(lines[below]),
                    what) + ", so that it starts in the same column as " + named(lines[below], false) + " on line "
                    + (below + 1 + lineOffset);
        }
        return Diagnostic.error("yaml.tab", at, message);
    }

    /** What to do to the {@code indentation} of a line holding a tab so that {@code what} starts in {@code column}. */
    private static String fix(String indentation, int column, String what) {
        long tabs = indentation.chars().filter(c -> c == '\t').count();
        int spaces = column - (indentation.length() - 1);
        String blanks = indentation.contains(" ") ? "spaces and tabs" : "tabs";
        if (tabs == 1 && spaces > 0) {
            return "replace the tab with " + spaces + (spaces == 1 ? " space" : " spaces");
        } else if (tabs == 1 && spaces == 0) {
            return "delete the tab";
        } else if (column == 0) {
            return "delete the " + blanks + " before " + what;
        }
        return "replace the " + blanks + " before " + what + " with " + column + (column == 1 ? " space" : " spaces");
    }

    /** The column (from 0) a line is meant to start in, and where that is said in words. */
    private record LineUp(int column, String where) {
    }

    /**
     * Where line {@code n}, indented with a tab, is meant to start: under the same column as the
     * nearest key above it (or the nearest list item's dash, for an item); or, right under a
     * group's header ({@code publisher:}), in the column of the key below it, or one usual step in
     * from the header. Empty when nothing around it says (a line of text among other text).
     */
    private static Optional<LineUp> lineUp(String[] lines, int n, boolean item, int lineOffset) {
        String text = lines[n].strip();
        boolean key = !item && KEY_LINE.matcher(text).matches();
        int above = lineAbove(lines, n);
        if (above < 0) {
            return Optional.of(new LineUp(0, "at the start of the line"));
        }
        if (!item && !key) {
            // a line of text: in the column of the text line above it, if that is one
            boolean textAbove = indent(lines[above]) == startColumn(lines[above]) && !sameKind(lines[above], true)
                    && !sameKind(lines[above], false);
            return textAbove ? Optional.of(new LineUp(startColumn(lines[above]), "in the same column as the line above "
                    + "it")) : Optional.empty();
        }
        if (GROUP_HEADER.matcher(lines[above].strip()).matches() && indent(lines[above]) == startColumn(lines[above])) {
            // the first line of a group: the line below it, or the file's usual step, says how far in
            int below = lineBelow(lines, n);
            if (below < lines.length && indent(lines[below]) == startColumn(lines[below])
                    && startColumn(lines[below]) > keyColumn(lines[above]) && sameKind(lines[below], item)) {
                return Optional.of(new LineUp(startColumn(lines[below]), "in the same column as "
                        + named(lines[below], item) + " on line " + (below + 1 + lineOffset)));
            }
            int step = indentStep(lines, above);
            return Optional.of(new LineUp(keyColumn(lines[above]) + step, step + (step == 1 ? " space" : " spaces")
                    + " further right than " + named(lines[above], false) + " on line " + (above + 1 + lineOffset)));
        }
        for (int i = above; i >= 0; i = lineAbove(lines, i)) {
            if (indent(lines[i]) == startColumn(lines[i]) && sameKind(lines[i], item)) {
                int column = item ? startColumn(lines[i]) : keyColumn(lines[i]);
                return Optional.of(new LineUp(column, "in the same column as " + named(lines[i], item) + " on line "
                        + (i + 1 + lineOffset)));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code line} is a list item (for {@code item}) or a key line, perhaps a list item's first key. */
    private static boolean sameKind(String line, boolean item) {
        return item ? line.strip().startsWith("- ") || line.strip().equals("-") : KEY_LINE.matcher(line).matches();
    }

    /** A key line's key ({@code "sets:"}), or an item's dash. */
    private static String named(String line, boolean item) {
        String text = line.strip();
        if (item) {
            return "the dash";
        }
        text = text.startsWith("- ") ? text.substring(2).strip() : text;
        return "\"" + text.substring(0, text.indexOf(':') + 1) + "\"";
    }

    /** YAML nested more deeply than Patella reads, found at {@code at}. */
    static Diagnostic tooComplex(SourceSpan at) {
        return Diagnostic.error("yaml.too-complex", at, explain("nesting", null));
    }

    /**
     * Whether the line a [ or { opened on ends (before a comment) with a comma or with the bracket
     * itself: a list or group written over several lines on purpose.
     */
    private static boolean continuedOnPurpose(Mark opened) {
        int[] text = opened.getBuffer();
        int last = 0;
        for (int i = opened.getPointer(); i < text.length && text[i] != '\n' && text[i] != '\r' && text[i] != 0; i++) {
            if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
                break;
            }
            if (!Character.isWhitespace(text[i])) {
                last = text[i];
            }
        }
        return last == ',' || last == '[' || last == '{';
    }

    /**
     * The column (from 0) where the value of the line of {@code mark} starts with a curly quote (after
     * "key: " or "- "), or -1: a text put in “ ” rather than " ", whose colon then reads as a new key.
     */
    private static int curlyQuoteAt(Mark mark) {
        int[] text = mark.getBuffer();
        int start = mark.getPointer() - mark.getColumn();
        int i = start;
        while (i < mark.getPointer() && text[i] == ' ') {
            i++;
        }
        if (i + 1 < mark.getPointer() && text[i] == '-' && text[i + 1] == ' ') {
            i += 2;
        } else {
            while (i + 1 < mark.getPointer() && !(text[i] == ':' && text[i + 1] == ' ')) {
                i++;
            }
            i += 2;
        }
        while (i < mark.getPointer() && text[i] == ' ') {
            i++;
        }
        return i < mark.getPointer() && CurlyQuotes.ALL.indexOf(text[i]) >= 0 ? i - start : -1;
    }

    /** The line of {@code mark} from the column {@code from} (counted from 0) to its end, trailing spaces left out. */
    private static String restOfLine(Mark mark, int from) {
        int[] text = mark.getBuffer();
        int start = mark.getPointer() - mark.getColumn() + from;
        int end = start;
        while (end < text.length && text[end] != '\n' && text[end] != '\r') {
            end++;
        }
        String line = new String(text, start, end - start);
        int comment = line.indexOf(" #");
        return (comment < 0 ? line : line.substring(0, comment)).stripTrailing();
    }

    /**
     * What to do with {@code value}, a text starting with a curly quote whose colon YAML read as a
     * new key: type straight quotes when the curly ones wrap the whole text (they were meant as
     * quotes for YAML), or put the whole text in straight quotes when they only quote a word of it.
     */
    /**
     * Whether the text on line {@code line} goes on over the next: a next line, not blank, indented
     * more than this one, which YAML reads as more of the same text.
     */
    private static boolean continues(String[] lines, int line) {
        if (line + 1 >= lines.length || lines[line + 1].isBlank()) {
            return false;
        }
        String here = lines[line];
        String next = lines[line + 1];
        return indent(next) > indent(here);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String curlyQuote(String value, boolean continues) {
        char quote = value.charAt(0);
        boolean english = quote == '\u201C' || quote == '\u2018';
        String said = "this text starts with " + quote + (english ? ", a curly quote" : ", a quotation mark")
                + ", which YAML does not read as a quote mark, so the colon in the text starts a new \"key: value\"; ";
        if (continues) {
            return said + "put the whole text, from its first line to its last, in straight quotes \" \""
                    + (english ? " (in place of the curly ones, if they wrap it all)" : ", with the marks inside them");
        }
        if (CurlyQuotes.wrap(value)) {
            return said + "put the text in straight quotes instead of " + quote + " " + value.charAt(value.length() - 1)
                    + ": " + CurlyQuotes.straightened(value);
        }
        return said + "put the whole text in straight quotes, with the " + (english ? "curly ones" : "marks")
                + " inside them: " + CurlyQuotes.quoted(value);
    }

    /**
     * A list in [ ] or a group in { } opened on an earlier line than the one where the parser
     * gave up on it ({@code line}): most often a closing bracket left out.
     */
    private static String notClosed(String problem, int line) {
        boolean list = problem.contains("']'");
        String what = list ? "a list opened here with [" : "a group opened here with {";
        String close = list ? "]" : "}";
        String gave = problem.contains("stream end") ? "is never closed" : "is not closed before line " + line;
        return what + " " + gave + "; add " + close + " where it ends (usually the end of this line)"
                + (list ? ", or write the list as lines starting with \"- \"" : ", or write its keys as indented lines")
                + ". An item that holds a comma, colon or bracket goes in quotes";
    }

    private static String code(String problem) {
        String p = String.valueOf(problem);
        if (p.contains("'\\t'") || p.contains("\\t(TAB)")) {
            return "yaml.tab";
        }
        if (p.contains("aliases") || p.contains("nesting") || p.contains("code points")
                || p.contains("depth")) {
            return "yaml.too-complex";
        }
        return "yaml.syntax";
    }

    private static String explain(String problem, String context) {
        String p = String.valueOf(problem);
        return switch (code(p)) {
            case "yaml.tab" -> "a tab is used where Patella's YAML reader only accepts spaces (to indent a line, "
                    + "or between a key's colon and its value); replace the tab with spaces";
            case "yaml.too-complex" -> "the YAML is too large or nested too deeply (more than " + YamlReader.MAX_DEPTH
                    + " levels inside each other); simplify it";
            default -> plainWords(p, String.valueOf(context));
        };
    }

    /**
     * The YAML parser's complaint in an editor's words, with what to do. The parser's own
     * vocabulary ({@code <block end>}, "mapping values", "scalar") never reaches the editor.
     */
    static String plainWords(String problem, String context) {
        if (problem.contains("mapping values are not allowed")) {
            return "a colon followed by a space starts a new \"key: value\" here, but this line is already part "
                    + "of a value; put the whole text in quotes (summary: \"Knee pain: what helps\"), or, if this "
                    + "is a new key, start it in the same column as the keys above";
        }
        if (problem.contains("expected ',' or ']'")) {
            return problem.contains("stream end") ? "a list opened with [ is never closed; add ] at the end of "
                    + "the line, or write the list as lines starting with \"- \""
                    : "this list in [ ] has something unexpected in it; separate the items with commas, close it "
                    + "with ], and put an item that holds a comma, colon or bracket in quotes";
        }
        if (problem.contains("expected ',' or '}'")) {
            return "a group opened with { is never closed or has something unexpected in it; close it with }, "
                    + "or write its keys as indented lines";
        }
        if (context.contains("quoted scalar") && problem.contains("end of stream")) {
            return "a quote opened here is never closed; add the closing quote at the end of the text";
        }
        if (problem.contains("unknown escape character")) {
            return "a backslash inside double quotes starts a special character such as \\n; write \\\\ for a "
                    + "backslash, or use single quotes";
        }
        if (problem.contains("cannot start any token")) {
            return "a value cannot start with this character; put the whole value in quotes";
        }
        if (problem.contains("expected alphabetic or numeric character")) {
            return "a value cannot start with & or *; put the whole value in quotes";
        }
        if (problem.contains("but found '<scalar>'")) {
            return "there is more text after a value that ended with a closing quote; put the whole value in "
                    + "quotes, or remove the text after the quote";
        }
        if (problem.contains("but found '-'")) {
            return "this line starts a list item (\"- \"), but it is not under a key that takes a list; indent "
                    + "it under its key, for example \"steps:\" and then \"  - Lift the leg.\"";
        }
        if (problem.contains("but found '?'")) {
            return "a \"key: value\" line is mixed into a list; every item of a list starts with \"- \", and "
                    + "a new key starts in the same column as the key above the list";
        }
        if (problem.contains("could not find expected ':'")) {
            return "a line above has no \"key: value\" form; add the colon after its key, or, if it continues "
                    + "the text before it, put that text in quotes";
        }
        if (problem.contains("did not find expected '-'")) {
            return "the items of a list must all start with \"- \" in the same column; line this one up with "
                    + "the others";
        }
        return "this line is not indented like the lines around it, or holds a character that needs quotes; keys "
                + "of one group start in the same column, and text that holds a colon, #, [, {, a quote, or that "
                + "starts with @, `, & or *, must be in quotes";
    }
}

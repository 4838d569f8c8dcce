package dev.patella.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the comments out of a script ({@code //…} and {@code /*…*}{@code /}), and the spaces and
 * blank lines they leave, reading it as JavaScript does: a comment mark inside a string, a template
 * literal or a regular-expression literal is text. A comment that opens with {@code /*!} or holds
 * {@code @license} or {@code @preserve} is kept. A comment that held a line break leaves one, since
 * a line break can end a statement.
 *
 * <p>Whether a {@code /} starts a regular expression or divides is decided as JavaScript's grammar
 * does in practice, from the token before it: after a value ({@code x}, {@code 2}, {@code )},
 * {@code ]}, the {@code }} of an object) it divides; after an operator, a keyword such as
 * {@code return}, the {@code )} of an {@code if (…)} or the {@code }} of a block it starts an
 * expression. Whatever it cannot read for certain (a string, template, comment or regular
 * expression left open, brackets that do not pair, an HTML-like comment {@code <!--}) makes it
 * give up rather than guess: the script is then published as it is.
 */
final class ScriptComments {

    /** Words after which a {@code /} starts a regular expression. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in", "of",
            "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");
    /** Words whose parenthesis is a condition: after its {@code )} a statement starts. */
    private static final Set<String> BEFORE_CONDITION = Set.of("if", "while", "for", "with");

    /** What the last token was, as far as a following {@code /} or {@code {} cares. */
    private enum Last { START, VALUE, OPERATOR, WORD_BEFORE_EXPRESSION, STATEMENT_END, POSTFIX }

    /** What an open bracket is, so that its closing one says what may follow. */
    private enum Open { BLOCK, OBJECT, PARENS, CONDITION, BRACKET, TEMPLATE }

    /** The reading gave up: the script is published as it is. */
    private static final class Unsure extends Exception {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private final String js;
    private final StrippedText out;
    private final Deque<Open> open = new ArrayDeque<>();
    private int i;
    private Last last = Last.START;
    /** The word read last, when the last token was a word; empty otherwise. */
    private String word = "";
    /** The operator read last, when the last token was one ({@code =>}, {@code :}, {@code $}{@code {}); empty otherwise. */
    private String op = "";
    /** Whether the token before the last was a {@code .}: then the last word is a property name. */
    private boolean afterDot;

    private ScriptComments(String js) {
        this.js = js;
        this.out = new StrippedText(js.length(), ScriptComments::between);
    }

    /**
     * @return {@code js} without its comments and the blank lines they leave; empty when it cannot
     *         be read for certain, and must be published as it is
     */
    static Optional<String> strip(String js) {
        try {
            return Optional.of(new ScriptComments(js).run());
        } catch (Unsure e) {
            return Optional.empty();
        }
    }

    private String run() throws Unsure {
        if (js.startsWith("#!")) {
            int end = lineEnd(0);
            out.literal(js.substring(0, end));
            i = end;
        }
        while (i < js.length()) {
            step();
        }
        if (!open.isEmpty()) {
            throw new Unsure();
        }
        return out.text();
    }

    private void step() throws Unsure {
        char c = js.charAt(i);
        if (c == '/' && at(i + 1, '/')) {
            lineComment();
        } else if (c == '/' && at(i + 1, '*')) {
            blockComment();
        } else if (c == '/') {
            if (regexAllowed()) {
                regex();
            } else {
                punctuator(Last.OPERATOR);
            }
        } else if (c == '"' || c == '\'') {
            string(c);
        } else if (c == '`') {
            out.literal("`");
            i++;
            template();
        } else if (isWordChar(c)) {
            word();
        } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
            out.code(c);
            i++;
        } else {
            bracketOrOperator(c);
        }
    }

    private void bracketOrOperator(char c) throws Unsure {
        switch (c) {
            case '(' -> {
                open.push(last == Last.VALUE && !afterDot && BEFORE_CONDITION.contains(word) ? Open.CONDITION : Open.PARENS);
                punctuator(Last.OPERATOR);
            }
            case ')' -> {
                Open was = close(Open.PARENS, Open.CONDITION);
                punctuator(was == Open.CONDITION ? Last.STATEMENT_END : Last.VALUE);
            }
            case '[' -> {
                open.push(Open.BRACKET);
                punctuator(Last.OPERATOR);
            }
            case ']' -> {
                close(Open.BRACKET, Open.BRACKET);
                punctuator(Last.VALUE);
            }
            case '{' -> {
                open.push(startsObject() ? Open.OBJECT : Open.BLOCK);
                punctuator(Last.OPERATOR);
            }
            case '}' -> closeBrace();
            case ';' -> punctuator(Last.STATEMENT_END);
            case '<' -> {
                if (js.startsWith("<!--", i)) {
                    throw new Unsure(); // an HTML-like comment: not worth reading
                }
                punctuator(Last.OPERATOR);
            }
            case '-', '+' -> {
                if (js.startsWith("-->", i)) {
                    throw new Unsure(); // at the start of a line an HTML-like comment; x --> 0 is too rare to read
                }
                if (at(i + 1, c)) {
                    out.code(c);
                    i++;
                    punctuator(Last.POSTFIX); // ++ and -- follow a value far more often than they start one
                } else {
                    punctuator(Last.OPERATOR);
                }
            }
            case '=' -> {
                if (at(i + 1, '>')) {
                    out.code(c);
                    i++;
                    punctuator(Last.OPERATOR);
                    op = "=>";
                } else {
                    punctuator(Last.OPERATOR);
                }
            }
            default -> punctuator(Last.OPERATOR);
        }
    }

    /** Writes the character at {@code i} and notes it as the last token. */
    private void punctuator(Last kind) {
        char c = js.charAt(i);
        out.code(c);
        i++;
        afterDot = c == '.';
        last = kind;
        word = "";
        op = kind == Last.OPERATOR ? String.valueOf(c) : "";
    }

    private void closeBrace() throws Unsure {
        if (open.peek() == Open.TEMPLATE) {
            open.pop();
            out.code('}');
            i++;
            template();
            return;
        }
        Open was = close(Open.BLOCK, Open.OBJECT);
        punctuator(was == Open.OBJECT ? Last.VALUE : Last.STATEMENT_END);
    }

    private Open close(Open one, Open other) throws Unsure {
        Open was = open.poll();
        if (was != one && was != other) {
            throw new Unsure();
        }
        return was;
    }

    /** Whether a {@code {} here starts an object (an expression) rather than a block of statements. */
    private boolean startsObject() {
        return switch (last) {
            // ) { starts a function's or an if's block; no value is followed by an object
            case START, STATEMENT_END, POSTFIX, VALUE -> false;
            case WORD_BEFORE_EXPRESSION -> !word.equals("do") && !word.equals("else");
            // => { is a function's body; { { a block in a block; : { in a block a label's or a case's block
            case OPERATOR -> !op.equals("=>") && !op.equals("{")
                    && !(op.equals(":") && (open.isEmpty() || open.peek() == Open.BLOCK));
        };
    }

    private boolean regexAllowed() {
        return switch (last) {
            case START, OPERATOR, STATEMENT_END, WORD_BEFORE_EXPRESSION -> true;
            case VALUE, POSTFIX -> false;
        };
    }

    private void word() {
        int start = i;
        while (i < js.length() && isWordChar(js.charAt(i))) {
            i++;
        }
        String w = js.substring(start, i);
        for (int k = 0; k < w.length(); k++) {
            out.code(w.charAt(k));
        }
        boolean property = afterDot;
        afterDot = false;
        word = w;
        op = "";
        last = !property && BEFORE_EXPRESSION.contains(w) ? Last.WORD_BEFORE_EXPRESSION : Last.VALUE;
    }

    private void lineComment() {
        int end = lineEnd(i);
        out.removed(false);
        i = end;
    }

    private void blockComment() throws Unsure {
        int end = js.indexOf("*/", i + 2);
        if (end < 0) {
            throw new Unsure();
        }
        String body = js.substring(i, end + 2);
        if (at(i + 2, '!') || body.contains("@license") || body.contains("@preserve")) {
            out.literal(body);
        } else {
            out.removed(lineEnd(i) < end);
        }
        i = end + 2;
    }

    private void string(char quote) throws Unsure {
        int start = i;
        i++;
        while (true) {
            if (i >= js.length()) {
                throw new Unsure();
            }
            char c = js.charAt(i);
            if (c == '\\') {
                i += at(i + 1, '\r') && at(i + 2, '\n') ? 3 : 2;
            } else if (c == quote) {
                i++;
                break;
            } else if (c == '\n' || c == '\r') {
                throw new Unsure();
            } else {
                i++;
            }
        }
        out.literal(js.substring(start, i));
        value();
    }

    /** The rest of a template literal, after its {@code `} or the {@code }} of a substitution. */
    private void template() throws Unsure {
        int start = i;
        while (true) {
            if (i >= js.length()) {
                throw new Unsure();
            }
            char c = js.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                i++;
                out.literal(js.substring(start, i));
                value();
                return;
            } else if (c == '$' && at(i + 1, '{')) {
                i += 2;
                out.literal(js.substring(start, i));
                open.push(Open.TEMPLATE);
                last = Last.OPERATOR;
                word = "";
                op = "${";
                afterDot = false;
                return;
            } else {
                i++;
            }
        }
    }

    /** A regular-expression literal and its flags: a {@code /} inside a class ({@code [/]}) ends nothing. */
    private void regex() throws Unsure {
        int start = i;
        i++;
        boolean inClass = false;
        while (true) {
            if (i >= js.length()) {
                throw new Unsure();
            }
            char c = js.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                throw new Unsure();
            } else if (c == '\\') {
                if (i + 1 < js.length() && "\n\r\u2028\u2029".indexOf(js.charAt(i + 1)) >= 0) {
                    throw new Unsure();
                }
                i += 2;
            } else if (c == '[') {
                inClass = true;
                i++;
            } else if (c == ']') {
                inClass = false;
                i++;
            } else if (c == '/' && !inClass) {
                i++;
                break;
            } else {
                i++;
            }
        }
        while (i < js.length() && isWordChar(js.charAt(i))) {
            i++; // the flags
        }
        out.literal(js.substring(start, Math.min(i, js.length())));
        value();
    }

    private void value() {
        last = Last.VALUE;
        word = "";
        op = "";
        afterDot = false;
    }

    /** Where the line that {@code from} is on ends: at its line break, or at the end. */
    private int lineEnd(int from) {
        int k = from;
        while (k < js.length() && "\n\r\u2028\u2029".indexOf(js.charAt(k)) < 0) {
            k++;
        }
        return k;
    }

    private boolean at(int index, char c) {
        return index < js.length() && js.charAt(index) == c;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '_' || c == '\\' || c >= 0x80 && !Character.isWhitespace(c)
                && c != '\u00a0' && c != '\ufeff' && c != '\u2028' && c != '\u2029';
    }

    private static String between(int before, char after) {
        boolean apart = before < 0 || Character.isWhitespace(before) || Character.isWhitespace(after);
        return apart ? "" : " ";
    }
}

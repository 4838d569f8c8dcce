package dev.patella.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a {@link YNode} tree that remembers where every key and value was written.
 * Built once and shared: it holds no per-document state.
 *
 * <p>Limits guard against hostile or runaway files: aliases are refused (so alias bombs cannot
 * expand), at most {@value #MAX_DEPTH} levels of nesting, at most {@value #MAX_CODE_POINTS}
 * characters.
 */
final class YamlReader {

    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private final YAMLFactory factory;

    YamlReader() {
        var loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setAllowDuplicateKeys(true); // reported by us, with both positions
        factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /**
     * Parses {@code yaml}, which starts at line {@code firstLine} of {@code file}.
     *
     * @return the tree, or empty when the YAML is invalid (the reason is added to {@code diagnostics});
     *         an empty document is an empty mapping
     */
    Optional<YNode> read(String yaml, String file, int firstLine, Diagnostics diagnostics) {
        try (JsonParser parser = factory.createParser(yaml)) {
            var builder = new TreeBuilder(parser, yaml, file, firstLine - 1, diagnostics);
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return Optional.of(new YNode.YMap(Map.of(), new SourceSpan(file, firstLine, 1)));
                }
                YNode root = builder.value(first);
                return builder.refused ? Optional.empty() : Optional.of(root);
            } catch (StreamConstraintsException e) {
                // the library's exception does not say where: the parser stopped at the list or
                // mapping one level too deep
                diagnostics.add(YamlErrors.tooComplex(builder.here()));
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            Diagnostic found = YamlErrors.describe(e, yaml, file, firstLine - 1);
            // a text starting with "*" is told at its alias; the parser then stops at the text after it
            boolean told = diagnostics.sorted().stream().anyMatch(d -> d.isError() && d.code().equals("yaml.syntax")
                    && d.at().file().equals(file) && d.at().line() == found.at().line());
            if (!told) {
                diagnostics.add(found);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String: cannot happen
        }
    }

    private static final class TreeBuilder {
        private final JsonParser parser;
        private final String text;
        private final String file;
        private final int lineOffset;
        private final Diagnostics diagnostics;
        /** Set when the document uses something refused (an alias, a key written twice): the tree is then not used. */
        private boolean refused;
        /** Set at the first alias, which alone is reported. */
        private boolean aliased;
        /** Whether the text holds " #" right before a letter at all: most files do not, and skip the look at each value. */
        private final boolean commentsRightBeforeText;
        /**
         * Whether the text holds a character outside the Basic Multilingual Plane (an emoji): the
         * parser counts offsets in characters, a Java string in UTF-16 units, which then differ.
         */
        private final boolean astral;
        /** The last offset turned from the parser's count into the string's: {characters, UTF-16 units}. */
        private long[] lastOffset = {0, 0};

        TreeBuilder(JsonParser parser, String text, String file, int lineOffset, Diagnostics diagnostics) {
            this.parser = parser;
            this.text = text;
            this.file = file;
            this.lineOffset = lineOffset;
            this.diagnostics = diagnostics;
            this.commentsRightBeforeText = commentRightBeforeText(text);
            this.astral = holdsSurrogate(text);
        }

        private static boolean holdsSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Where the current token starts in {@code text}, in UTF-16 units; -1 when the parser does not say. */
        private long offset() {
            long characters = parser.currentTokenLocation().getCharOffset();
            if (!astral || characters < 0) {
                return characters;
            }
            if (characters < lastOffset[0]) {
                lastOffset = new long[] {0, 0}; // tokens come in order; a step back starts again from the top
            }
            long units = lastOffset[1];
            for (long c = lastOffset[0]; c < characters && units < text.length(); c++) {
                units += Character.isHighSurrogate(text.charAt((int) units)) && units + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt((int) units + 1)) ? 2 : 1;
            }
            lastOffset = new long[] {characters, units};
            return units;
        }

        private static boolean commentRightBeforeText(String text) {
            for (int i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
                char before = i > 0 ? text.charAt(i - 1) : '\n';
                if ((before == ' ' || before == '\t') && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                    return true;
                }
            }
            return false;
        }

        YNode value(JsonToken token) throws IOException {
            SourceSpan at = here();
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                Optional<Diagnostic> markdown = aliased ? Optional.empty() : YamlErrors.markdownStart(
                        YamlErrors.LINE_BREAK.split(text, -1), at.line() - lineOffset - 1, file, lineOffset);
                markdown.ifPresent(diagnostics::add);
                if (!aliased && markdown.isEmpty()) {
                    diagnostics.error("yaml.alias", at, "YAML aliases (*" + parser.getText() + ") are not allowed "
                            + "in content; write the value out in full");
                }
                refused = true;
                aliased = true;
                return new YNode.YScalar("", YNode.YScalar.Type.NULL, at);
            }
            return switch (token) {
                case START_OBJECT -> mapping(at);
                case START_ARRAY -> list(at);
                case VALUE_STRING -> {
                    String value = string(at);
                    int start = (int) Math.min(offset(), Integer.MAX_VALUE);
                    List<Integer> lines = TextPlaces.of(text, start, value, at);
                    commentAfter(value, start, at);
                    curlyQuoted(value, start, at);
                    yield new YNode.YScalar(value, YNode.YScalar.Type.STRING, at, lines);
                }
                case VALUE_NUMBER_INT -> new YNode.YScalar(parser.getText(), YNode.YScalar.Type.INTEGER, at);
                case VALUE_NUMBER_FLOAT -> new YNode.YScalar(parser.getText(), YNode.YScalar.Type.DECIMAL, at);
                case VALUE_TRUE, VALUE_FALSE -> new YNode.YScalar(parser.getText(), YNode.YScalar.Type.BOOLEAN, at);
                case VALUE_NULL -> new YNode.YScalar("", YNode.YScalar.Type.NULL, at);
                default -> new YNode.YScalar(parser.getText(), YNode.YScalar.Type.STRING, at);
            };
        }

        /**
         * A warning when a plain value (not quoted) is wrapped in curly quotes, as a word processor
         * types them: {@code feel_it: “The front of your thigh.”}. YAML only takes straight quotes
         * for quotes, so the page would show the curly ones around the text. A quotation inside a
         * value ({@code “Slow” is the word.}) is left alone, and so is a value in straight quotes.
         */
        private void curlyQuoted(String value, int start, SourceSpan at) {
            if (!CurlyQuotes.wrap(value) || start < 0 || start >= text.length() || text.charAt(start) != value.charAt(0)) {
                return; // a value in straight quotes, a block (| or >), or no curly quotes around it
            }
            int after = start + value.length();
            while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            if (after < text.length() && text.charAt(after) == ':') {
                return; // "“Burn”: the side…": the text goes on after a colon, which the YAML error is about
            }
            String fixed = CurlyQuotes.straightened(value);
            String kept = CurlyQuotes.quoted(value);
            diagnostics.warning("yaml.curly-quotes", at, "this text is wrapped in curly quotes (" + value.charAt(0) + " "
                    + value.charAt(value.length() - 1) + "), which YAML does not read as quotes, so the page would "
                    + "show them around it; to quote the text, type straight quotes instead: "
                    + fixed + ", or to show the curly quotes "
                    + "on purpose, put the whole value in straight quotes as well: "
                    + kept);
        }

        /**
         * A warning when a plain value (not quoted) is followed on its last line by {@code #} and
         * text with no space between them, as in {@code feel_it: The side of the hip #1 spot.}: YAML
         * reads " #" as the start of a comment, so "#1 spot." never reaches the page. A comment
         * written as one, {@code # like this}, is left alone.
         */
        private void commentAfter(String value, int start, SourceSpan at) {
            if (!commentsRightBeforeText || start < 0 || start >= text.length()
                    || "\"'|>".indexOf(text.charAt(start)) >= 0 || value.isEmpty()) {
                return;
            }
            // follow the value through its lines, as YAML folded them into one text, to the line it ends on
            int pos = start;
            int line = at.line();
            int cursor = 0;
            boolean first = true;
            while (pos <= text.length()) {
                int end = text.indexOf('\n', pos);
                String raw = text.substring(pos, end < 0 ? text.length() : end);
                int lead = first ? 0 : raw.length() - raw.stripLeading().length();
                String rest = raw.substring(lead);
                while (cursor < value.length() && (value.charAt(cursor) == ' ' || value.charAt(cursor) == '\n')) {
                    cursor++;
                }
                int k = 0;
                while (k < rest.length() && cursor + k < value.length() && rest.charAt(k) == value.charAt(cursor + k)) {
                    k++;
                }
                if (k == 0 && !rest.isBlank()) {
                    return; // lost track of it: better no warning than a wrong one
                }
                cursor += k;
                if (cursor >= value.length()) {
                    int hash = k;
                    while (hash < rest.length() && (rest.charAt(hash) == ' ' || rest.charAt(hash) == '\t')) {
                        hash++;
                    }
                    if (hash > k && hash + 1 < rest.length() && rest.charAt(hash) == '#'
                            && !Character.isWhitespace(rest.charAt(hash + 1))) {
                        String lost = rest.substring(hash).strip();
                        lost = lost.length() > 30 ? lost.substring(0, 30) + "..." : lost;
                        int column = (first ? at.column() - 1 : lead) + hash + 1;
                        diagnostics.warning("yaml.comment-in-text", new SourceSpan(file, line, column), "\" #\" starts "
                                + "a comment in YAML, so \"" + lost + "\" is left out of the page; put the whole value "
                                + "in quotes to keep it, or write \"# \" (with a space) if it is a comment");
                    }
                    return;
                }
                if (end < 0) {
                    return;
                }
                first = false;
                pos = end + 1;
                line++;
            }
        }

        /**
         * The current string, without the control characters a double-quoted string can spell as
         * escapes ({@code "\x1b"}, {@code "\0"}, {@code "\e"}): each is reported at its escape (raw
         * ones never get here, see {@link TextDecoder}).
         */
        private String string(SourceSpan at) throws IOException {
            String value = parser.getText();
            if (!ControlCharacters.any(value)) {
                return value;
            }
            List<SourceSpan> escapes = escapes(at);
            int n = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (ControlCharacters.forbidden(c)) {
                    SourceSpan where = n < escapes.size() ? escapes.get(n) : at;
                    n++;
                    diagnostics.error(ControlCharacters.CODE, where, "this escape gives " + ControlCharacters.name(c)
                            + ", an invisible control character, not text; delete it");
                }
            }
            return ControlCharacters.removed(value);
        }

        /** Where the current double-quoted string (which starts at {@code at}) spells a forbidden control character. */
        private List<SourceSpan> escapes(SourceSpan at) {
            List<SourceSpan> out = new ArrayList<>();
            long start = offset();
            if (start < 0 || start >= text.length() || text.charAt((int) start) != '"') {
                return out;
            }
            int line = at.line();
            int column = at.column() + 1;
            for (int i = (int) start + 1; i < text.length() && text.charAt(i) != '"'; i++, column++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    column = 0;
                } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    int digits = switch (text.charAt(i + 1)) {
                        case 'x' -> 2;
                        case 'u' -> 4;
                        case 'U' -> 8;
                        default -> 0;
                    };
                    int escaped = switch (text.charAt(i + 1)) {
                        case '0' -> 0;
                        case 'a' -> 7;
                        case 'b' -> 8;
                        case 'v' -> 11;
                        case 'f' -> 12;
                        case 'e' -> 0x1B;
                        case 'N' -> 0x85;
                        default -> digits > 0 ? hex(i + 2, digits) : -1;
                    };
                    if (escaped >= 0 && ControlCharacters.forbidden(escaped)) {
                        out.add(new SourceSpan(file, line, column));
                    }
                    int skipped = 1 + digits;
                    i += skipped;
                    column += skipped;
                }
            }
            return out;
        }

        /** The number written in {@code digits} hexadecimal digits at {@code from}; -1 when it is not one. */
        private int hex(int from, int digits) {
            if (from + digits > text.length()) {
                return -1;
            }
            int value = 0;
            for (int i = from; i < from + digits; i++) {
                int d = Character.digit(text.charAt(i), 16);
                if (d < 0 || value > 0x10FFFF) {
                    return -1;
                }
                value = value * 16 + d;
            }
            return value;
        }

        private YNode mapping(SourceSpan at) throws IOException {
            Map<String, YNode.Entry> entries = new LinkedHashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                SourceSpan keyAt = here();
                YNode value = value(parser.nextToken());
                var previous = entries.get(key);
                if (previous != null) {
                    diagnostics.error("yaml.duplicate-key", keyAt, "the key \"" + key
                            + "\" is written twice (first at line " + previous.keyAt().line()
                            + "); keep one of them");
                    // which one was meant is unknown: the file is left out, as a file that cannot be read
                    refused = true;
                    continue;
                }
                entries.put(key, new YNode.Entry(key, keyAt, value));
            }
            return new YNode.YMap(entries, at);
        }

        private YNode list(SourceSpan at) throws IOException {
            long offset = offset();
            boolean flow = offset >= 0 && offset < text.length() && text.charAt((int) offset) == '[';
            List<YNode> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(value(token));
            }
            return new YNode.YList(items, at, flow);
        }

        private SourceSpan here() {
            JsonLocation location = parser.currentTokenLocation();
            return new SourceSpan(file, Math.max(1, location.getLineNr()) + lineOffset,
                    Math.max(1, location.getColumnNr()));
        }
    }
}

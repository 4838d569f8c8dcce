package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a source file a translation was made from, as {@code translated_from} records
 * it: a short content hash of each part of the source (see {@link TranslationKind}), written
 * {@code "steps 1a2b3c4d, dose 5e6f7a8b, warnings 9c0d1e2f, text 3a4b5c6d, other 0f1e2d3c"}.
 *
 * <p>The hashes are of what the source says, not of how it is typed: runs of spaces and line breaks
 * inside a paragraph count as one space (re-wrapping a paragraph changes nothing), the order of keys
 * in a mapping does not count, nor do quotes, comments, editors' notes ({@code <!-- -->}, see
 * {@link #withoutNotes}) or whether a list is written in brackets.
 * A blank line between paragraphs, the order of list items and every word and number do.
 *
 * @param parts each part's name and hash, in the order written
 */
record TranslationParts(Map<String, String> parts) {

    /** One part of a stamp: a name and eight hex digits. */
    private static final Pattern PART = Pattern.compile("([a-z0-9_-]+) ([0-9a-f]{8})");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("[ \\t]*\\n[ \\t]*\\n\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    TranslationParts {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /**
     * Where each part of a source begins (its first field's key, or the body), and the fields each
     * part holds in the source's order, for messages.
     */
    record Located(TranslationParts parts, Map<String, SourceSpan> at, Map<String, List<String>> fields) {
    }

    /** @return the parts of {@code source}, a file of {@code kind}, with where each begins */
    static Located of(TranslationKind kind, TranslationDocument source) {
        Map<String, TreeMap<String, String>> fields = new LinkedHashMap<>();
        Map<String, SourceSpan> at = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        if (kind.partPerEntry()) {
            for (YNode.Entry entry : kind.compared(source.root(), Optional.empty()).entries().values()) {
                if (!TranslationKind.OWN.contains(entry.key())) {
                    fields.put(entry.key(), new TreeMap<>(Map.of(entry.key(), canonical(entry.value()))));
                    at.put(entry.key(), entry.keyAt());
                }
            }
        } else {
            kind.parts().forEach(part -> fields.put(part, new TreeMap<>()));
            for (YNode.Entry entry : source.root().entries().values()) {
                kind.partOf(entry.key()).ifPresent(part -> {
                    fields.get(part).put(entry.key(), canonical(entry.value(), entry.key(), kind.choices()));
                    names.computeIfAbsent(part, p -> new ArrayList<>()).add(entry.key());
                    at.merge(part, entry.keyAt(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                });
            }
            source.body().filter(body -> fields.containsKey(TranslationKind.TEXT)).ifPresent(body -> {
                fields.get(TranslationKind.TEXT).put("", text(withoutNotes(body.markdown())));
                if (!body.isBlank()) {
                    at.put(TranslationKind.TEXT, body.at());
                }
            });
        }
        Map<String, String> parts = new LinkedHashMap<>();
        fields.forEach((part, values) -> parts.put(part, hash(part, values)));
        return new Located(new TranslationParts(parts), at, names);
    }

    /** @return the stamp as {@code translated_from} holds it */
    String stamp() {
        List<String> out = new ArrayList<>();
        parts.forEach((name, hash) -> out.add(name + " " + hash));
        return String.join(", ", out);
    }

    /** @return the parts a stamp records; empty when it is not one Patella writes */
    static Optional<TranslationParts> parse(String stamp) {
        Map<String, String> parts = new LinkedHashMap<>();
        String trimmed = stamp.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        for (String piece : trimmed.split(",\\s*", -1)) {
            Matcher m = PART.matcher(piece.trim());
            if (!m.matches() || parts.put(m.group(1), m.group(2)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new TranslationParts(parts));
    }

    /** @return the names of the parts whose hash differs from {@code recorded}'s, or that only one of them has */
    List<String> changedSince(TranslationParts recorded) {
        List<String> out = new ArrayList<>();
        parts.forEach((name, hash) -> {
            if (!hash.equals(recorded.parts.get(name))) {
                out.add(name);
            }
        });
        recorded.parts.keySet().stream().filter(name -> !parts.containsKey(name)).forEach(out::add);
        return out;
    }

    /** What a value says, whatever the layout it was typed in. */
    static String canonical(YNode node) {
        return canonical(node, "", Set.of());
    }

    /**
     * What a value says, whatever the layout it was typed in: {@code node} is the value of the field
     * {@code path} ({@code program.phase}, without item numbers), and {@code choices} the fields
     * written in any case (see {@link TranslationKind#choices}).
     */
    static String canonical(YNode node, String path, Set<String> choices) {
        if (node instanceof YNode.YScalar s) {
            return s.isNull() ? "~" : "'" + text(withoutNotes(TranslationKind.said(s, choices.contains(path))));
        }
        List<String> items = new ArrayList<>();
        if (node instanceof YNode.YList l) {
            l.items().forEach(item -> items.add(canonical(item, path, choices)));
            return "[" + String.join("\u001f", items) + "]";
        }
        var sorted = new TreeMap<String, String>();
        ((YNode.YMap) node).entries().forEach((key, entry) -> sorted.put(key, canonical(entry.value(),
                path.isEmpty() ? key : path + "." + key, choices)));
        sorted.forEach((key, value) -> items.add(key + "=" + value));
        return "{" + String.join("\u001e", items) + "}";
    }

    /** Text with each paragraph's spacing made single spaces, paragraphs kept apart. */
    static String text(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(text.strip(), -1)) {
            paragraphs.add(SPACE.matcher(paragraph.strip()).replaceAll(" "));
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * {@code text} without its editors' notes ({@code <!-- ... -->}), which readers never see: each
     * closed note is taken out, and so is a line that held nothing but notes (with its line break), so
     * that a note on a line of its own between the lines of a paragraph does not read as a blank line
     * between two paragraphs. A note written as text ({@code \<!--}) or never closed stays; the same
     * string comes back when the text holds no note, so that what was hashed before notes were left
     * out hashes as it did.
     */
    static String withoutNotes(String text) {
        int open = noteAt(text, 0);
        if (open < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        var emptied = new ArrayList<Integer>(); // where in out a note was taken out
        int from = 0;
        while (open >= 0) {
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                break;
            }
            out.append(text, from, open);
            emptied.add(out.length());
            from = close + 3;
            open = noteAt(text, from);
        }
        if (emptied.isEmpty()) {
            return text; // its first note is never closed: an error the Markdown renderer reports
        }
        out.append(text, from, text.length());
        return withoutEmptiedLines(out, emptied);
    }

    /** Where the next note starts from {@code from}, not counting a {@code \<!--} written as text; -1 if none. */
    private static int noteAt(String text, int from) {
        int open = text.indexOf("<!--", from);
        while (open > 0 && text.charAt(open - 1) == '\\') {
            open = text.indexOf("<!--", open + 4);
        }
        return open;
    }

    /** {@code text} without the lines that are blank and had a note taken out at one of {@code emptied}. */
    private static String withoutEmptiedLines(StringBuilder text, List<Integer> emptied) {
        var out = new StringBuilder(text.length());
        int next = 0;
        for (int start = 0; start <= text.length(); ) {
            int end = text.indexOf("\n", start);
            int stop = end < 0 ? text.length() : end;
            boolean noted = false;
            while (next < emptied.size() && emptied.get(next) <= stop) {
                noted |= emptied.get(next) >= start;
                next++;
            }
            if (!noted || !text.substring(start, stop).isBlank()) {
                out.append(text, start, stop);
                if (end >= 0) {
                    out.append('\n');
                }
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static String hash(String part, Map<String, String> fields) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            fields.forEach((key, value) -> {
                digest.update((byte) 0);
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '=');
                digest.update(value.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package dev.patella.build;

import dev.patella.cite.FormattedReference;
import dev.patella.cite.ReferenceFormatter;
import dev.patella.model.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the formatted references of a project in its {@link ProjectState} (ignored by git),
 * so that a build whose {@code sources.yaml} has not changed does not start the citation
 * processor, which costs a few hundred milliseconds to load its style. They are kept for each
 * language the site's pages are in (the style's terms and dates differ by language), so a site
 * in two languages spares the processor as well; the formatter is asked only when the
 * references, or the language, differ from those remembered. The note carries a checksum of its
 * text: a damaged one (bytes overwritten inside a reference) is ignored and the references
 * formatted again, so that damage never reaches a page.
 *
 * <p>The note holds one section per language: a line {@code <key> <language>}, where the key is
 * the SHA-256 of the references, then one line per reference, {@code id<TAB>html<TAB>text}.
 */
final class ReferenceCache implements ReferenceFormatter {

    private static final String DEFAULT_LANGUAGE = "en-US";

    private final ReferenceFormatter formatter;
    private final ProjectState state;
    /** The Patella that formats: a new one may write an entry otherwise, so its notes are not read. */
    private final String code;

    ReferenceCache(ReferenceFormatter formatter, Path project) {
        this(formatter, project, BuildCache.codeVersion());
    }

    /** @param code the version of Patella's code ({@link BuildCache#codeVersion()}), part of the note's key */
    ReferenceCache(ReferenceFormatter formatter, Path project, String code) {
        this.formatter = formatter;
        this.state = new ProjectState(project);
        this.code = code;
    }

    @Override
    public Map<String, FormattedReference> format(List<Reference> references) {
        return format(references, DEFAULT_LANGUAGE);
    }

    @Override
    public Map<String, FormattedReference> format(List<Reference> references, String language) {
        String key = key(code, references);
        Map<String, List<String>> sections = sections(key);
        return parse(sections.get(language)).orElseGet(() -> {
            var formatted = formatter.format(references, language);
            write(key, language, formatted, sections);
            return formatted;
        });
    }

    /**
     * The references as the formatter sees them (records print every field, in a fixed order), and
     * the Patella that formats them: until 2026-12-04 a new Patella read the entries an older one had
     * formatted, so a change to how entries are written reached no page until sources.yaml changed.
     */
    private static String key(String code, List<Reference> references) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("v2 " + code + " " + references).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The note's reference lines for each language, of the sections made from references with {@code key}. */
    private Map<String, List<String>> sections(String key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> lines = state.read(ProjectState.Note.REFERENCES).orElse(List.of());
        List<String> current = null;
        for (String line : lines) {
            if (line.indexOf('\t') < 0) {
                int space = line.indexOf(' ');
                current = space > 0 && line.substring(0, space).equals(key) ? new ArrayList<>() : null;
                if (current != null) {
                    out.put(line.substring(space + 1), current);
                }
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    private static Optional<Map<String, FormattedReference>> parse(List<String> lines) {
        if (lines == null) {
            return Optional.empty();
        }
        Map<String, FormattedReference> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", 3);
            if (f.length < 3) {
                return Optional.empty(); // a damaged note only costs the formatter's time
            }
            out.put(f[0], new FormattedReference(f[0], f[1], f[2]));
        }
        return Optional.of(out);
    }

    /** Writes the note with {@code language}'s section and the other languages' of the same references. */
    private void write(String key, String language, Map<String, FormattedReference> formatted,
                       Map<String, List<String>> others) {
        List<String> section = new ArrayList<>();
        for (FormattedReference r : formatted.values()) {
            if (r.id().contains("\t") || r.id().contains("\n") || r.html().contains("\t") || r.html().contains("\n")
                    || r.text().contains("\n")) {
                return; // cannot be kept in this simple format: format again next time
            }
            section.add(r.id() + "\t" + r.html() + "\t" + r.text());
        }
        Map<String, List<String>> all = new LinkedHashMap<>(others);
        all.put(language, section);
        List<String> lines = new ArrayList<>();
        all.forEach((lang, entries) -> {
            lines.add(key + " " + lang);
            lines.addAll(entries);
        });
        try {
            state.write(ProjectState.Note.REFERENCES, lines);
        } catch (IOException e) {
            // the next build formats again
        }
    }
}

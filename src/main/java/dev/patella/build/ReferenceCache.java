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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the formatted references of a project in its {@link ProjectState} (ignored by git),
 * so that a build whose {@code sources.yaml} has not changed does not start the citation
 * processor, which costs a few hundred milliseconds to load its style. The formatter is asked
 * only when the references differ from those remembered. The note carries a checksum of its text:
 * a damaged one (bytes overwritten inside a reference) is ignored and the references formatted
 * again, so that damage never reaches a page.
 */
final class ReferenceCache implements ReferenceFormatter {

    private final ReferenceFormatter formatter;
    private final ProjectState state;

    ReferenceCache(ReferenceFormatter formatter, Path project) {
        this.formatter = formatter;
        this.state = new ProjectState(project);
    }

    @Override
    public Map<String, FormattedReference> format(List<Reference> references) {
        String key = key(references);
        return read(key).orElseGet(() -> {
            var formatted = formatter.format(references);
            write(key, formatted);
            return formatted;
        });
    }

    /** In another language than the one kept (US English): formatted each time, as few sites have many. */
    @Override
    public Map<String, FormattedReference> format(List<Reference> references, String language) {
        return language.toLowerCase(Locale.ROOT).matches("en(-us)?") ? format(references)
                : formatter.format(references, language);
    }

    /** The references as the formatter sees them: records print every field, in a fixed order. */
    private static String key(List<Reference> references) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("v1 " + references).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Optional<Map<String, FormattedReference>> read(String key) {
        return state.read(ProjectState.Note.REFERENCES).flatMap(lines -> {
            if (lines.isEmpty() || !lines.get(0).equals(key)) {
                return Optional.empty();
            }
            Map<String, FormattedReference> out = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", 3);
                if (f.length < 3) {
                    return Optional.empty(); // a damaged note only costs the formatter's time
                }
                out.put(f[0], new FormattedReference(f[0], f[1], f[2]));
            }
            return Optional.of(out);
        });
    }

    private void write(String key, Map<String, FormattedReference> formatted) {
        List<String> lines = new ArrayList<>(List.of(key));
        for (FormattedReference r : formatted.values()) {
            if (r.html().contains("\t") || r.html().contains("\n") || r.text().contains("\n")) {
                return; // cannot be kept in this simple format: format again next time
            }
            lines.add(r.id() + "\t" + r.html() + "\t" + r.text());
        }
        try {
            state.write(ProjectState.Note.REFERENCES, lines);
        } catch (IOException e) {
            // the next build formats again
        }
    }
}

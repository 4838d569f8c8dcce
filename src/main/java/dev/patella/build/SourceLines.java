package dev.patella.build;

import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the lines diagnostics point at, for showing them under the message. Reads each file
 * once; a file that cannot be read (gone, too large) shows no lines. Reads only inside the project:
 * a file that links out of it shows no lines either, so an error about such a link never prints
 * the file it points at (to a terminal, a CI log or the dev server's overlay).
 */
public final class SourceLines {

    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Path project;
    private final Path realProject;
    private final Map<String, List<String>> files = new ConcurrentHashMap<>();

    public SourceLines(Path project) {
        this.project = project.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.project.toRealPath();
        } catch (IOException e) {
            real = this.project;
        }
        this.realProject = real;
    }

    /** @return the text of the line {@code span} points at, or empty when it cannot be read */
    public Optional<String> line(SourceSpan span) {
        List<String> lines = lines(span.file());
        return span.line() <= lines.size() ? Optional.of(lines.get(span.line() - 1)) : Optional.empty();
    }

    /**
     * The lines around {@code span}: up to {@code context} before and after it.
     *
     * @return the lines with their 1-based numbers, in order; empty when the file cannot be read
     */
    public List<Numbered> around(SourceSpan span, int context) {
        List<String> lines = lines(span.file());
        List<Numbered> out = new ArrayList<>();
        for (int n = Math.max(1, span.line() - context); n <= Math.min(lines.size(), span.line() + context); n++) {
            out.add(new Numbered(n, lines.get(n - 1)));
        }
        return out;
    }

    /** One line of a file with its number. */
    public record Numbered(int number, String text) {
    }

    /** Whether the file is no text, as git decides: a NUL byte in its first 8 KB. */
    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private List<String> lines(String file) {
        return files.computeIfAbsent(file, f -> {
            Path path = project.resolve(f).normalize();
            if (!path.startsWith(project)) {
                return List.of();
            }
            try {
                Path real = path.toRealPath();
                if (!real.startsWith(realProject) || !Files.isRegularFile(real) || Files.size(real) > MAX_BYTES) {
                    return List.of();
                }
                byte[] bytes = Files.readAllBytes(real);
                if (binary(bytes)) {
                    return List.of(); // a picture named wrongly: its bytes are no line to show
                }
                return new String(bytes, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }
}

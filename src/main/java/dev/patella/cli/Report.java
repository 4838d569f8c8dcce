package dev.patella.cli;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.DiagnosticFormatter;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints diagnostics and summaries for people at a terminal. */
final class Report {

    private Report() {
    }

    static void print(Path project, Diagnostics diagnostics, PrintWriter err) {
        Map<String, List<String>> cache = new HashMap<>();
        var formatter = new DiagnosticFormatter(span -> line(project, span, cache));
        for (Diagnostic d : diagnostics.sorted()) {
            err.print(formatter.format(d));
        }
        if (diagnostics.dropped() > 0) {
            err.println("... and " + diagnostics.dropped() + " more not shown (only the first " + diagnostics.cap()
                    + " of each kind are listed)");
        }
    }

    static String failureSummary(Diagnostics diagnostics, Path output) {
        return "Found " + count(diagnostics.errorCount(), "error")
                + (diagnostics.warningCount() > 0 ? " and " + count(diagnostics.warningCount(), "warning") : "")
                + "; nothing was published and " + output + " was not changed.";
    }

    static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static Optional<String> line(Path project, SourceSpan span, Map<String, List<String>> cache) {
        List<String> lines = cache.computeIfAbsent(span.file(), f -> {
            try {
                byte[] bytes = Files.readAllBytes(project.resolve(f));
                if (bytes.length > 4 * 1024 * 1024) {
                    return List.of();
                }
                return new String(bytes, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return span.line() <= lines.size() ? Optional.of(lines.get(span.line() - 1)) : Optional.empty();
    }
}

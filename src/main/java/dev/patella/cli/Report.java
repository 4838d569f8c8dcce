package dev.patella.cli;

import dev.patella.build.SourceLines;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.DiagnosticFormatter;
import dev.patella.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints diagnostics and summaries for people at a terminal. */
final class Report {

    private Report() {
    }

    static void print(Path project, Diagnostics diagnostics, PrintWriter err) {
        var formatter = new DiagnosticFormatter(new SourceLines(project)::line);
        for (Diagnostic d : diagnostics.sorted()) {
            err.print(formatter.format(d));
        }
        if (diagnostics.dropped() > 0) {
            err.println("... and " + diagnostics.dropped() + " more not shown (only the first " + diagnostics.cap()
                    + " of each kind are listed)");
        }
        err.flush(); // print does not flush: the summary, on the other stream, comes after them in a terminal
    }

    /** @param warnings every warning printed: the content's and those about the files Patella keeps */
    static String failureSummary(Diagnostics diagnostics, int warnings, Path output) {
        return "Found " + count(diagnostics.errorCount(), "error")
                + (warnings > 0 ? " and " + count(warnings, "warning") : "")
                + "; nothing was published and " + output + " was not changed.";
    }

    static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

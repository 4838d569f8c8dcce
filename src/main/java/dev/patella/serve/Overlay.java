package dev.patella.serve;

import dev.patella.build.SourceLines;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.ExcerptWindow;
import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Locale;

/**
 * The box shown over every page while the content has errors: each error's
 * {@code file:line:column}, its message, and the lines around it with a caret under the column.
 * A long line is cut to the part around the column, so the caret is always in view.
 */
final class Overlay {

    /** Errors shown; the rest are counted. The terminal lists them all. */
    static final int SHOWN = 20;
    private static final int CONTEXT = 2;

    private Overlay() {
    }

    /** @return the overlay's HTML; empty when there are no errors */
    static String html(List<Diagnostic> errors, SourceLines lines) {
        if (errors.isEmpty()) {
            return "";
        }
        var out = new StringBuilder(4096);
        out.append("<div id=\"patella-overlay\" role=\"alert\"><div class=\"patella-box\">\n<h2>Patella found ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append("</h2>\n")
                .append("<p>Fix the file named below and save it: this page reloads by itself. Until then, pages show "
                        + "your latest text, without what the file with the error gives them (a reference, an author, a "
                        + "link); a page whose own file has the error shows the last version that built.</p>\n");
        for (Diagnostic d : errors.subList(0, Math.min(SHOWN, errors.size()))) {
            out.append("<section class=\"patella-diagnostic\">\n<p class=\"patella-where\">").append(escape(d.at().toString()))
                    .append("</p>\n<p class=\"patella-message\">").append(escape(d.message())).append(" [")
                    .append(escape(d.code())).append("]</p>\n");
            excerpt(out, d.at(), lines);
            for (SourceSpan outer : d.via()) {
                out.append("<p class=\"patella-via\">while rendering ").append(escape(outer.toString())).append("</p>\n");
            }
            out.append("</section>\n");
        }
        if (errors.size() > SHOWN) {
            out.append("<p>... and ").append(errors.size() - SHOWN).append(" more: the terminal lists them all.</p>\n");
        }
        return out.append("</div></div>\n").toString();
    }

    private static void excerpt(StringBuilder out, SourceSpan at, SourceLines lines) {
        var around = lines.around(at, CONTEXT);
        if (around.isEmpty()) {
            return;
        }
        String here = around.stream().filter(l -> l.number() == at.line()).map(SourceLines.Numbered::text)
                .findFirst().map(ExcerptWindow::tabsShown).orElse("");
        int column = Math.max(0, Math.min(at.column() - 1, here.length()));
        ExcerptWindow window = ExcerptWindow.around(column, here.length());
        out.append("<pre><code>");
        for (SourceLines.Numbered line : around) {
            String number = String.format(Locale.ROOT, "%5d | ", line.number());
            String text = window.cut(ExcerptWindow.tabsShown(line.text()));
            if (line.number() == at.line()) {
                out.append("<span class=\"patella-here\">").append(number).append(escape(text)).append('\n')
                        .append("      | ").append(" ".repeat(window.offset(column)))
                        .append("<span class=\"patella-caret\">^</span></span>\n");
            } else {
                out.append(number).append(escape(text)).append('\n');
            }
        }
        out.append("</code></pre>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

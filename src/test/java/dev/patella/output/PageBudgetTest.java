package dev.patella.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped site's budgets: every page at most 20 KiB of HTML, CSS and JavaScript gzipped
 * (images excluded), nothing loaded from another host, fingerprinted CSS and JS, and no inline
 * script or style, so a strict Content-Security-Policy can be added. Writes the weights to
 * {@code target/page-weights.txt}.
 */
class PageBudgetTest {

    static final int BUDGET = 20 * 1024;
    /**
     * What a page may load on top of its budget in libraries shipped with the site: a script with
     * its licence beside it ({@code uqr-LICENSE.txt} beside {@code uqr.<hash>.js}), which the
     * handout maker's QR code needs. Counted in the report's total, never hidden.
     */
    static final int LIBRARY_ALLOWANCE = 8 * 1024;
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");
    private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]+)\"");
    /** What a page's script fetches or imports: the search index, the handout's QR code library. */
    private static final Pattern DATA_INDEX = Pattern.compile("\\sdata-(?:index|qr)=\"([^\"]+)\"");
    private static final Pattern LOADED = Pattern.compile(
            "<(?:img|script|iframe|source|video|audio)\\b[^>]*\\ssrc=\"([^\"]+)\"|<link rel=\"(?:stylesheet|icon|manifest|preload)\"[^>]*\\shref=\"([^\"]+)\"");

    @TempDir
    Path tmp;

    @Test
    void everyShippedPageStaysWithinItsBudgetAndLoadsOnlyFingerprintedLocalFiles() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");

        List<String> problems = new ArrayList<>();
        var report = new StringBuilder(String.format("%-52s %8s %8s %8s %8s%n", "page", "html", "css+js", "library",
                "total"));
        for (Path page : pages(site)) {
            String name = site.relativize(page).toString();
            String html = Files.readString(page);
            Set<Path> linked = new LinkedHashSet<>();
            Matcher css = STYLESHEET.matcher(html);
            while (css.find()) {
                linked.add(resolve(site, page, css.group(1)));
                if (!css.group(1).matches(".*/style\\.[0-9a-f]{10}\\.css")) {
                    problems.add(name + ": stylesheet without a content hash: " + css.group(1));
                }
            }
            Matcher script = SCRIPT.matcher(html);
            while (script.find()) {
                Matcher src = SRC.matcher(script.group(1));
                if (src.find()) {
                    linked.add(resolve(site, page, src.group(1)));
                    if (!src.group(1).matches(".*\\.[0-9a-f]{10}\\.js")) {
                        problems.add(name + ": script without a content hash: " + src.group(1));
                    }
                } else if (!script.group(1).contains("type=\"application/ld+json\"")) {
                    problems.add(name + ": inline script " + script.group());
                }
            }
            if (html.contains(" style=\"") || html.contains("<style")) {
                problems.add(name + ": inline style");
            }
            if (Pattern.compile("\\son[a-z]+=\"").matcher(html).find()) {
                problems.add(name + ": inline event handler");
            }
            Matcher loaded = LOADED.matcher(html);
            while (loaded.find()) {
                String target = loaded.group(1) != null ? loaded.group(1) : loaded.group(2);
                if (target.matches("^[a-z]+:.*") || target.startsWith("//")) {
                    problems.add(name + ": loads from another host: " + target);
                }
            }
            Matcher data = DATA_INDEX.matcher(html);
            while (data.find()) {
                linked.add(resolve(site, page, data.group(1)));
            }
            int htmlSize = gzipped(Files.readAllBytes(page));
            int assets = 0;
            int libraries = 0;
            for (Path file : linked) {
                assertThat(file).as(name + " links " + file).isRegularFile();
                if (isLibrary(file)) {
                    libraries += gzipped(Files.readAllBytes(file));
                } else {
                    assets += gzipped(Files.readAllBytes(file));
                }
            }
            int total = htmlSize + assets;
            report.append(String.format("%-52s %8d %8d %8d %8d%n", name, htmlSize, assets, libraries,
                    total + libraries));
            if (total > BUDGET) {
                problems.add(name + ": " + total + " bytes gzipped, over the budget of " + BUDGET);
            }
            if (libraries > LIBRARY_ALLOWANCE) {
                problems.add(name + ": " + libraries + " bytes gzipped of libraries, over " + LIBRARY_ALLOWANCE);
            }
        }
        Path out = TestSites.PROJECT.resolve("target/page-weights.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.print(report);

        assertThat(problems).isEmpty();
    }

    /** A fingerprinted script shipped with its licence beside it: {@code uqr.<hash>.js} and {@code uqr-LICENSE.txt}. */
    private static boolean isLibrary(Path file) {
        String name = file.getFileName().toString();
        return name.matches(".+\\.[0-9a-f]{10}\\.js") && Files.isRegularFile(file.resolveSibling(
                name.substring(0, name.length() - ".0123456789.js".length()) + "-LICENSE.txt"));
    }

    /** Relative hrefs resolve from the page; root paths (the 404 page's) from the site folder. */
    private static Path resolve(Path site, Path page, String href) {
        return (href.startsWith("/") ? site.resolve(href.substring(1)) : page.getParent().resolve(href)).normalize();
    }

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The size a web server sends with gzip at its usual level. */
    static int gzipped(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}

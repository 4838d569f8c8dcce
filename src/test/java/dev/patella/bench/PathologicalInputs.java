package dev.patella.bench;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How long {@code patella build} takes on each pathological input of issue 11 (deep Markdown,
 * quadratic Markdown, runaway templates), each alone in the minimal test site, and what it
 * reports. The target is well under a second per input beyond an ordinary build of the same
 * site, which is printed first. Run with {@code bench/pathological.sh}.
 */
public final class PathologicalInputs {

    private static final String FRONT = "---\ntitle: About\nsummary: About this site.\n---\n";

    public static void main(String[] args) throws IOException {
        Path tmp = Files.createTempDirectory("patella-pathological");
        Map<String, Consumer<Path>> cases = new LinkedHashMap<>();
        cases.put("ordinary site (for comparison)", p -> { });
        cases.put("100 KB of ordinary prose with 1,000 links", p -> body(p, ordinaryProse()));
        cases.put("block quote nested 1,000 deep (> x 1,000)", p -> body(p, ">".repeat(1000) + " deep\n"));
        cases.put("block quote nested 3,000 deep", p -> body(p, ">".repeat(3000) + " deep\n"));
        cases.put("list nested 1,000 deep", p -> body(p, deepList(1000)));
        cases.put("100 KB of nested [ ... ]", p -> body(p, "[".repeat(50_000) + "a" + "]".repeat(50_000) + "\n"));
        cases.put("[a]( x 20,000", p -> body(p, "[a](".repeat(20_000) + "\n"));
        cases.put("[a](b x 20,000", p -> body(p, "[a](b".repeat(20_000) + "\n"));
        cases.put("5,000 links in one paragraph", p -> body(p, "see [a](/about/) and ".repeat(5_000) + "\n"));
        cases.put("5,000 notes <!-- x --> in one paragraph", p -> body(p, "word <!-- x --> ".repeat(5_000) + "\n"));
        cases.put("1 MB of short paragraphs with notes and links", p -> body(p, shortCrowdedParagraphs(1_000_000)));
        cases.put("300 notes x 14 paragraphs (page over limit)", p -> body(p,
                ("word <!-- x --> ".repeat(300) + "\n\n").repeat(14)));
        cases.put("backtick runs of every length up to 400", p -> body(p, backticks(400)));
        cases.put("* x 5,000 around a word", p -> body(p, "*".repeat(5000) + "a" + "*".repeat(5000) + "\n"));
        cases.put("*a **a x 5,000 (nested emphasis)", p -> body(p, "*a **a ".repeat(5000) + "b"
                + " a** a*".repeat(5000) + "\n"));
        cases.put("paragraph of 20,000 lines [a]", p -> body(p, "Start\n" + "[a]\n".repeat(20_000)));
        cases.put("paragraph of 100,000 lines [a] (x)", p -> body(p, "Start\n" + "[a] (x)\n".repeat(100_000)));
        cases.put("block quote of 20,000 lines > [a]", p -> body(p, "> [a]\n".repeat(20_000)));
        cases.put("paragraph of 100,000 lines indented by 2", p -> body(p, "Start\n" + "  abc\n".repeat(100_000)));
        cases.put("template: unclosed <#if> in page.ftlh", p -> template(p, "<h1>${page.title}</h1>\n",
                "<h1>${page.title}</h1>\n<#if page.title?has_content>\n"));
        cases.put("template: <#list 1.. as i>", p -> template(p, "<h1>${page.title}</h1>\n",
                "<h1>${page.title}</h1>\n<#list 1.. as i>${i}</#list>\n"));
        cases.put("template: <#list 1..2000000000 as i>${i}", p -> template(p, "<h1>${page.title}</h1>\n",
                "<h1>${page.title}</h1>\n<#list 1..2000000000 as i>${i}</#list>\n"));
        cases.put("template: recursive macro", p -> template(p, "<h1>${page.title}</h1>\n",
                "<#macro again><@again/></#macro><@again/>\n"));
        cases.put("template: includes itself", p -> {
            TestSites.write(p.resolve("templates/loop.ftlh"), "<#include \"loop.ftlh\">\n");
            template(p, "<h1>${page.title}</h1>\n", "<#include \"loop.ftlh\">\n");
        });

        System.out.printf(Locale.ROOT, "patella build on pathological inputs (%d cores, Java %s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path warm = TestSites.project(tmp.resolve("warm-up"));
        for (int i = 0; i < 3; i++) {
            TestSites.run("build", "--project", warm.toString(), "--output", tmp.resolve("warm-site-" + i).toString());
        }
        System.out.printf(Locale.ROOT, "%-46s %8s  %s%n", "input", "seconds", "outcome");
        int n = 0;
        for (var c : cases.entrySet()) {
            Path project = TestSites.project(tmp.resolve("case-" + n++));
            c.getValue().accept(project);
            long start = System.nanoTime();
            var run = TestSites.run("build", "--project", project.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            String outcome = run.exitCode() == 0 ? "built" : run.errors().isEmpty() ? "exit " + run.exitCode()
                    : run.errors().get(0).replaceFirst("^error ", "");
            System.out.printf(Locale.ROOT, "%-46s %8.2f  %s%n", c.getKey(), seconds, outcome);
        }
    }

    private static void body(Path project, String markdown) {
        TestSites.write(project.resolve("content/pages/about.md"), FRONT + markdown);
    }

    private static void template(Path project, String from, String to) {
        Path file = project.resolve("templates/page.ftlh");
        TestSites.write(file, TestSites.read(file).replace(from, to));
    }

    private static String deepList(int depth) {
        var out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("  ".repeat(i)).append("- step\n");
        }
        return out.toString();
    }

    private static String backticks(int longest) {
        var out = new StringBuilder();
        for (int i = 1; i <= longest; i++) {
            out.append('e').append("`".repeat(i));
        }
        return out.append('\n').toString();
    }

    /**
     * About {@code size} characters of short paragraphs, each with two notes, a link and a code span: every one
     * is cheap, however many (also MarkdownLimitsTest's).
     */
    public static String shortCrowdedParagraphs(int size) {
        var out = new StringBuilder();
        for (int i = 0; out.length() < size; i++) {
            out.append("Lift it <!-- step ").append(i)
                    .append(" --> slowly as in [this](/about/), `then` <!-- ok --> rest.\n\n");
        }
        return out.toString();
    }

    private static String ordinaryProse() {
        var out = new StringBuilder();
        for (int i = 0; out.length() < 100_000; i++) {
            out.append("Bend the knee slowly and keep it over the toes. See [the clamshell](/about/) for the hip, ")
                    .append("and stop if the kneecap hurts. Rest between sets.\n\n");
        }
        return out.toString();
    }
}

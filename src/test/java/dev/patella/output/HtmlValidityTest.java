package dev.patella.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the shipped site passes the Nu HTML Checker, the W3C's HTML5 validator, run in-process. */
class HtmlValidityTest {

    @TempDir
    Path tmp;

    @Test
    void everyShippedPagePassesTheNuHtmlChecker() throws Exception {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<Path> pages = pages(project.resolve("site"));
        List<String> problems = nuErrors(pages);

        assertThat(pages).hasSize(36); // 18 in English, 18 in Spanish
        assertThat(problems).isEmpty();
    }

    /** The pages of sites in two languages, one of them written right to left, with their alternates and switchers. */
    @Test
    void everyPageOfSitesInTwoLanguagesPassesTheNuHtmlChecker() throws Exception {
        List<Path> pages = new ArrayList<>();
        for (String[] overlays : List.of(new String[] {"complete", "two-languages"}, new String[] {"right-to-left"})) {
            Path project = TestSites.withMessages(TestSites.project(tmp.resolve(overlays[overlays.length - 1]),
                    overlays), "es", "he");
            var run = TestSites.run("build", "--project", project.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            pages.addAll(pages(project.resolve("site")));
        }
        List<String> problems = nuErrors(pages);
        assertThat(pages).anyMatch(p -> p.endsWith("es/404.html")).anyMatch(p -> p.endsWith("he/404.html"));
        assertThat(problems).isEmpty();
    }

    /** The pages left at old addresses (moved_from), in both languages of a site, and the pages around them. */
    @Test
    void thePagesAtOldAddressesPassTheNuHtmlChecker() throws Exception {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("moved"), "complete", "two-languages"), "es");
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        Files.writeString(exercise, Files.readString(exercise).replace("moved_from: [leg-raise]\n",
                "moved_from: [leg-raise, /conditions/old-knee/]\n"));
        Path es = project.resolve("content/es/exercises/leg-lift.md");
        Files.writeString(es, Files.readString(es).replace("slug: elevacion-de-pierna\n", ""));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<Path> pages = pages(project.resolve("site"));
        List<String> problems = nuErrors(pages);
        assertThat(pages).anyMatch(p -> p.endsWith("exercises/leg-raise/index.html"))
                .anyMatch(p -> p.endsWith("es/exercises/leg-raise/index.html"))
                .anyMatch(p -> p.endsWith("conditions/old-knee/index.html"));
        assertThat(problems).isEmpty();
    }

    /** Every HTML page under {@code site}, in order. */
    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** What the Nu HTML checker calls an error in each of {@code pages}, each line with its page. */
    private static List<String> nuErrors(List<Path> pages) throws Exception {
        var validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setLoadEntities(false);
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            validator.validate(page).lines().filter(line -> line.contains(": error:") || line.contains(": fatal"))
                    .forEach(line -> problems.add(page + ": " + line));
        }
        return problems;
    }
}

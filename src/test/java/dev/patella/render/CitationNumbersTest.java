package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A citation's number is that of its source in the page's reference list, and the entry links
 * back to it, wherever on the page the source is first cited: in the body, the dose, a step, a
 * condition's symptoms. The list is made once every text of the page is rendered.
 */
class CitationNumbersTest {

    private static final Pattern CITE = Pattern.compile("<a href=\"#ref-(\\d+)\" id=\"cite-(\\d+)\">");

    @TempDir
    Path tmp;

    @Test
    void aSourceFirstCitedInTheDoseGetsItsOwnNumberAndALinkBack() {
        Path project = TestSites.project(tmp.resolve("p"), "complete");
        // a second source, listed first and cited nowhere; the dose is the only place smith2018 is cited
        Path sources = project.resolve("content/sources.yaml");
        TestSites.write(sources, TestSites.read(sources) + "  - id: jones2020\n    type: book\n    title: Another book\n"
                + "    author:\n      - family: Jones\n        given: A\n    issued:\n      date-parts: [[2020]]\n");
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        String text = TestSites.read(exercise);
        assertThat(text).contains("sources:\n  - smith2018\n").contains("frequency: Every day.");
        TestSites.write(exercise, text.replace("sources:\n  - smith2018\n", "sources:\n  - jones2020\n  - smith2018\n")
                .replace("frequency: Every day.", "frequency: Every day [@smith2018]."));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = TestSites.read(project.resolve("site/exercises/leg-lift/index.html"));
        Matcher dose = Pattern.compile("Every day\\.?<sup class=\"cite\">" + CITE.pattern()).matcher(html);
        assertThat(dose.find()).as(html).isTrue();
        String entry = entry(html, dose.group(1));
        assertThat(entry).contains("A study").doesNotContain("Another book")
                .contains("class=\"back\" href=\"#cite-" + dose.group(2) + "\"");
    }

    @Test
    void everyCitedSourceOfTheShippedSiteLinksBackToItsFirstCitation() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(project.resolve("site"))) {
            files.filter(f -> f.getFileName().toString().equals("index.html")).forEach(f -> pages.add(f.toString()));
        }
        int cited = 0;
        for (String page : pages) {
            String html = TestSites.read(Path.of(page));
            Matcher cite = CITE.matcher(html);
            int expected = 1;
            while (cite.find()) {
                // numbered in the order first cited on the page, and each entry links back
                assertThat(cite.group(1)).as(page).isEqualTo(cite.group(2)).isEqualTo(String.valueOf(expected++));
                assertThat(entry(html, cite.group(1))).as(page).contains("class=\"back\" href=\"#cite-" + cite.group(2) + "\"");
                cited++;
            }
        }
        assertThat(cited).isGreaterThan(20);
    }

    /** The reference list's entry number {@code n}, up to its end. */
    private static String entry(String html, String n) {
        int start = html.indexOf("<li id=\"ref-" + n + "\"");
        assertThat(start).as("entry " + n).isNotNegative();
        return html.substring(start, html.indexOf("</li>", start));
    }
}

package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistake in one entry of {@code sources.yaml} or {@code people.yaml} is reported at its line, and
 * the rest of the file is still read: a key no entry has is still reported in the same run, while a
 * page naming the entry with the mistake is not told that its key is unknown. (Each fixture of
 * {@code sites/errors/} makes one mistake, so these make two, through the command line.)
 */
class OneBadEntryTest {

    private static final String SOURCES = """
            references:
              - id: smith2018
                type: article-journal
                author:
                  - {family: Smith, given: BE}
                title: A study
                issued: {date-parts: [[2018]]}
                DOI: https://doi.org/10.1371/journal.pone.0190892
              - id: jones2020
                type: article-journal
                author:
                  - {family: Jones, given: A}
                title: Another study
                issued: {date-parts: [[2020]]}
            """;

    @TempDir
    Path tmp;

    @Test
    void aBadDoiInOneReferenceHidesNoUnknownCitationElsewhere() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/sources.yaml"), SOURCES);
        // sore-knee.md cites [@smith2018], the entry with the bad DOI: its key is not unknown
        TestSites.write(project.resolve("content/pages/about.md"), """
                ---
                title: About
                summary: About this site.
                ---
                About us [@jones2002].
                """);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error schema.invalid-value content/sources.yaml:8:10",
                "error cite.unknown-key content/pages/about.md:5:10");
        assertThat(run.message("cite.unknown-key")).contains("did you mean \"jones2020\"?");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A key written nearly as the entry with the mistake is told that entry's key, which is in the file. */
    @Test
    void aCitationOfTheBrokenEntryMisspeltIsToldItsKey() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/sources.yaml"), SOURCES);
        TestSites.write(project.resolve("content/pages/about.md"), """
                ---
                title: About
                summary: About this site.
                ---
                About us [@jones2020], as a study found [@smith2081].
                """);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error schema.invalid-value content/sources.yaml:8:10",
                "error cite.unknown-key content/pages/about.md:5:41");
        assertThat(run.message("cite.unknown-key")).contains("did you mean \"smith2018\"?");
    }

    /**
     * The entry with the mistake is still a source: a page that links to its place on the sources page
     * is not told that heading is missing, and a citation of it written without its {@code @} is still
     * told to add one, in the same run as the entry's own error.
     */
    @Test
    void theBrokenEntryIsStillOneToLinkToAndToCite() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/sources.yaml"), SOURCES);
        TestSites.write(project.resolve("content/pages/about.md"), """
                ---
                title: About
                summary: About this site.
                ---
                About us [@jones2020], and [the study](/sources/#smith2018) that [smith2018] found.
                """);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error schema.invalid-value content/sources.yaml:8:10",
                "error cite.syntax content/pages/about.md:5:66");
        assertThat(run.message("cite.syntax")).contains("[@smith2018]");
    }

    /** An entry whose id cannot be read may be the one any page cites: no citation is called unknown. */
    @Test
    void anEntryWithoutItsIdLeavesEveryCitationUnjudged() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/sources.yaml"), SOURCES.replace("  - id: smith2018\n    type",
                "  - type").replace("DOI: https://doi.org/", "DOI: "));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error schema.missing-key content/sources.yaml:2:5");
    }

    @Test
    void aMistakeInOnePersonHidesNoUnknownAuthorElsewhere() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/people.yaml"), """
                ed:
                  name: Ed Itor
                  rol: Writer
                ann:
                  name: Ann Other
                  role: Writer
                """);
        // leg-lift.md names ed, the person with the mistake: not unknown
        Path condition = project.resolve("content/conditions/sore-knee.md");
        TestSites.write(condition, TestSites.read(condition).replace("author: ed", "author: anne"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error schema.unknown-key content/people.yaml:3:3",
                "error ref.unknown-person content/conditions/sore-knee.md:9:9");
        assertThat(run.message("ref.unknown-person")).contains("did you mean \"ann\"?");
    }

    /**
     * A translation of the person with the mistake is not told it translates no one, while a translated id
     * that is in no entry is, with the id meant.
     */
    @Test
    void aMistakeInOnePersonHidesNoUnknownTranslatedPerson() {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        TestSites.write(project.resolve("content/people.yaml"), """
                ed:
                  name: Ed Itor
                  rol: Writer
                """);
        TestSites.write(project.resolve("content/es/people.yaml"), """
                ed:
                  role: Redactor
                edd:
                  role: Redactor
                """);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error schema.unknown-key content/people.yaml:3:3",
                "error translation.no-source content/es/people.yaml:3:1");
        assertThat(run.message("translation.no-source")).contains("did you mean \"ed\"?");
    }
}

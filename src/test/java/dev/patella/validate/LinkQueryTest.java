package dev.patella.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A link with a {@code ?query} finds its page by the path before the query; the anchor is still checked. */
class LinkQueryTest {

    private static TestSites.Run buildWithAbout(Path tmp, String body) {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/about.md"), """
                ---
                title: About
                summary: About this site.
                ---
                """ + body);
        return TestSites.run("build", "--project", project.toString());
    }

    @Test
    void linksWithAQueryToPagesTheSiteHasBuildWithNoDiagnostic(@TempDir Path tmp) {
        var run = buildWithAbout(tmp, """
                See [the leg exercises](/search/?q=leg), [the list](/exercises/?chain=open) and
                [the lift](/exercises/leg-lift/?from=about#steps).
                """);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).as(run.err()).isEmpty();
        assertThat(TestSites.read(tmp.resolve("p/site/about/index.html"))).contains("href=\"../search/?q=leg\"")
                .contains("href=\"../exercises/?chain=open\"")
                .contains("href=\"../exercises/leg-lift/?from=about#steps\"");
    }

    @Test
    void aLinkWithAQueryToAPageTheSiteLacksIsStillBroken(@TempDir Path tmp) {
        var run = buildWithAbout(tmp, "See [nothing](/nope/?q=x).\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error link.broken content/pages/about.md:5:5");
        assertThat(run.message("link.broken")).contains("/nope/").doesNotContain("?q=x");
    }

    @Test
    void aLinkWithAQueryIsStillCheckedForItsAnchor(@TempDir Path tmp) {
        var run = buildWithAbout(tmp, "See [the lift](/exercises/leg-lift/?q=x#no-such-part).\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error link.broken-anchor content/pages/about.md:5:5");
    }

    @Test
    void aLinkWithAQueryInATranslationLeadsToTheTranslationsOwnSlug(@TempDir Path tmp) {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        Path settings = project.resolve("content/es/site.yaml");
        TestSites.write(settings, TestSites.read(settings).replace("intro: Bienvenido a un sitio de prueba pequeño.",
                "intro: \"Bienvenido. Empieza por la [elevación](/exercises/leg-lift/?desde=inicio#steps).\""));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errors()).as(run.err()).isEmpty(); // the fixture's translations are unmarked: warnings
        assertThat(TestSites.read(project.resolve("site/es/index.html")))
                .contains("<a href=\"exercises/elevacion-de-pierna/?desde=inicio#steps\">elevación</a>");
    }
}

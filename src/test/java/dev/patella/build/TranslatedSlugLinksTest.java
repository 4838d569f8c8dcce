package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link in a translation that names a page by its source's slug leads to the translation's own
 * slug; in the preview's session it follows that slug when it changes, as a fresh build does. A
 * translation with no slug of its own is published at its source's.
 */
class TranslatedSlugLinksTest {

    @TempDir
    Path tmp;

    @Test
    void aLinkFollowsATranslationsNewSlugInALiveSession() throws IOException {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        // the home page shows no exercise: only its intro's link depends on the exercise's slug
        Path settings = project.resolve("content/es/site.yaml");
        Files.writeString(settings, Files.readString(settings).replace("intro: Bienvenido a un sitio de prueba pequeño.",
                "intro: \"Bienvenido. Empieza por la [elevación](/exercises/leg-lift/).\""));
        var session = new SiteSession(new BuildOptions(project, project.resolve("site"), Optional.empty(), false,
                false, TestSites.TODAY), System::nanoTime);
        assertThat(page(session, List.of())).contains("<a href=\"exercises/elevacion-de-pierna/\">elevación</a>");

        Path exercise = project.resolve("content/es/exercises/leg-lift.md");
        Files.writeString(exercise, Files.readString(exercise).replace("slug: elevacion-de-pierna",
                "slug: levantar-la-pierna"));
        assertThat(page(session, List.of(exercise)))
                .contains("<a href=\"exercises/levantar-la-pierna/\">elevación</a>");
    }

    @Test
    void aTranslationWithoutASlugOfItsOwnKeepsItsSourcesSlug() {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        TestSites.write(project.resolve("content/pages/policy.md"), """
                ---
                slug: editorial-policy
                title: Editorial policy
                summary: How we write our pages.
                ---
                We check every page.
                """);
        TestSites.write(project.resolve("content/es/pages/policy.md"), """
                ---
                title: Política editorial
                summary: Cómo escribimos nuestras páginas.
                ---
                Revisamos cada página.
                """);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project.resolve("site/editorial-policy/index.html")).exists();
        assertThat(project.resolve("site/es/editorial-policy/index.html")).exists();
        assertThat(project.resolve("site/es/policy")).doesNotExist();
    }

    /** The Spanish home page after a build of {@code changed} (everything when empty); the build has no error. */
    private static String page(SiteSession session, List<Path> changed) {
        var diagnostics = new Diagnostics();
        var build = session.build(changed.isEmpty() ? Changes.everything() : Changes.of(changed), diagnostics);
        assertThat(diagnostics.sorted().stream().filter(Diagnostic::isError)).isEmpty();
        byte[] html = build.files().generated().get("es/index.html");
        assertThat(html).as(build.files().generated().keySet().toString()).isNotNull();
        return new String(html, StandardCharsets.UTF_8);
    }
}

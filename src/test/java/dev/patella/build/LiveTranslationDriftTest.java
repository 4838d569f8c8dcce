package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview keeps one session: a translation falls behind as soon as its source is saved, and
 * is up to date again as soon as it is marked, without restarting.
 */
class LiveTranslationDriftTest {

    @TempDir
    Path tmp;

    @Test
    void aSavedSourceMakesItsTranslationStaleAndMarkingItClearsTheWarning() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "two-languages-drift");
        assertThat(TestSites.run("translated", "--all", "es", "--project", project.toString()).exitCode()).isZero();
        var session = new SiteSession(new BuildOptions(project, project.resolve("site"), Optional.empty(), false,
                false, TestSites.TODAY), System::nanoTime);
        assertThat(drift(session, Set.of())).isEmpty();

        Path english = project.resolve("content/pages/about.md");
        Files.writeString(english, Files.readString(english).replace("About us.", "About us and our work."));
        assertThat(drift(session, Set.of(english))).extracting(d -> d.code() + " " + d.at())
                .containsExactly("translation.stale content/es/pages/about.md:4:1");

        assertThat(TestSites.run("translated", "content/es/pages/about.md", "--project", project.toString())
                .exitCode()).isZero();
        assertThat(drift(session, Set.of(project.resolve("content/es/pages/about.md")))).isEmpty();
    }

    /** The preview shows a saved content/es/people.yaml on the Spanish about page at once, and only there. */
    @Test
    void aSavedTranslationOfThePeopleShowsOnTheSpanishAboutPage() throws IOException {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "publishable",
                "two-languages-drift"), "es");
        Path people = project.resolve("content/es/people.yaml");
        Files.writeString(people, "ed:\n  role: Redactor\n");
        var session = new SiteSession(new BuildOptions(project, project.resolve("site"), Optional.empty(), false,
                false, TestSites.TODAY), System::nanoTime);
        assertThat(about(session, Changes.everything(), "es/about/index.html")).contains(">Redactor<");

        Files.writeString(people, "ed:\n  role: Redactora\n");
        assertThat(about(session, Changes.of(List.of(people)), "es/about/index.html")).contains(">Redactora<")
                .doesNotContain(">Redactor<");
        assertThat(about(session, Changes.of(List.of()), "about/index.html")).contains(">Writer<")
                .doesNotContain("Redactor");
    }

    private static String about(SiteSession session, Changes changes, String path) {
        var diagnostics = new Diagnostics();
        var built = session.build(changes, diagnostics);
        assertThat(diagnostics.errorCount()).as(diagnostics.sorted().toString()).isZero();
        return new String(built.files().generated().get(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Diagnostic> drift(SiteSession session, Set<Path> changed) {
        var diagnostics = new Diagnostics();
        session.build(changed.isEmpty() ? Changes.everything() : Changes.of(changed), diagnostics);
        return diagnostics.sorted().stream().filter(d -> d.code().startsWith("translation.")).toList();
    }
}

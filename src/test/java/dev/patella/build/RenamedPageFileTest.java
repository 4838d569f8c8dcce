package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor who renames a page's file ({@code clamshell.md} to {@code clam.md}) while its programs, links and
 * translation still use the old name made one mistake: it is told once, at the renamed file, with the ways out,
 * not as a broken program in each language, a broken link at each link, an orphaned translation and a glossary
 * term that only that translation used. A page that is new while another was deleted is no rename.
 */
class RenamedPageFileTest {

    @TempDir
    Path tmp;

    @Test
    void aFileRenamedWhileItsOldNameIsStillUsedIsOneErrorAtTheRenamedFile() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/exercises/clamshell.md", "content/exercises/clam.md");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("content/exercises/clam.md:1:1: error: this page was "
                        + "content/exercises/clamshell.md, and its translation content/es/exercises/clamshell.md, 2 "
                        + "programs (the first: content/conditions/chondromalacia-patella.md:30) and 4 links (the first in "
                        + "content/exercises/side-lying-leg-raise.md) still use the old name clamshell; rename this file "
                        + "back to clamshell.md")
                .contains("\"slug: clamshell\"").contains("\"moved_from: [clamshell]\"").contains("[page.renamed]")
                .contains("Found 1 error;").doesNotContain("warning");
    }

    /**
     * A draft was never published, so the way to give it its new name for good needs no {@code moved_from}; that
     * way, followed as written, builds.
     */
    @Test
    void aRenamedDraftIsToldWithoutMovedFromAndTheAdviceWorks() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        TestSites.write(clamshell, TestSites.read(clamshell).replace("\ndraft: false\n", "\ndraft: true\n"));
        move(project, "content/exercises/clamshell.md", "content/exercises/clam.md");

        var run = TestSites.run("build", "--drafts", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error page.renamed content/exercises/clam.md:1:1");
        assertThat(run.err()).contains("or, to move the page to /exercises/clam/, rename "
                        + "content/es/exercises/clamshell.md to clam.md, write \"clam\" in the programs and link to "
                        + "/exercises/clam/; a draft was never published, so it needs no moved_from)")
                .doesNotContain("moved_from: [");

        move(project, "content/es/exercises/clamshell.md", "content/es/exercises/clam.md");
        for (Path file : markdown(project.resolve("content"))) {
            String text = TestSites.read(file);
            TestSites.write(file, text.replace("/exercises/clamshell/", "/exercises/clam/")
                    .replace(", clamshell, ", ", clam, "));
        }
        var fixed = TestSites.run("build", "--drafts", "--project", project.toString());

        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(fixed.err()).doesNotContain("error:");
    }

    @Test
    void aRenamedFileIsKnownByItsTitleWhenItsNewNameIsNotNearTheOld() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/exercises/clamshell.md", "content/exercises/hip-clam.md");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("content/exercises/hip-clam.md:1:1: error: this page was "
                + "content/exercises/clamshell.md").contains("Found 1 error;");
    }

    /**
     * Only links still name the old address (the translation was renamed too, and no program lists a page):
     * reading every link of the site for a sign of a rename would cost each build of a large site, so each
     * link is told where it is, with the new address.
     */
    @Test
    void aPlainPageRenamedWithItsTranslationIsToldAtEachLinkWithTheNewAddress() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/pages/pain-guide.md", "content/pages/pain.md");
        move(project, "content/es/pages/pain-guide.md", "content/es/pages/pain.md");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).isNotEmpty().allMatch(e -> e.startsWith("error link.broken "));
        assertThat(run.err()).doesNotContain("page.renamed").contains("did you mean /pain/?");
    }

    @Test
    void aRenameWhoseOldAddressNothingUsesAnyMoreBuilds() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/pages/editorial-policy.md", "content/pages/policy.md");
        move(project, "content/es/pages/editorial-policy.md", "content/es/pages/policy.md");
        for (Path file : markdown(project.resolve("content"))) {
            String text = TestSites.read(file);
            if (text.contains("/editorial-policy/")) {
                TestSites.write(file, text.replace("/editorial-policy/", "/policy/"));
            }
        }

        var run = TestSites.run("build", "--project", project.toString());

        // the sources edited are newer than their translations: that is told, and is no error
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("error:");
    }

    @Test
    void aNewPageWhileAnUnrelatedOneWasDeletedIsNoRename() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path exercises = project.resolve("content/exercises");
        newExercise(exercises, "wall-sit", "Wall sit");
        delete(exercises.resolve("clamshell.md"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("page.renamed")
                .contains("content/conditions/chondromalacia-patella.md:30:59: error: there is no exercise \"clamshell\"")
                .contains("content/es/exercises/clamshell.md:1:1: error: content/es/exercises/clamshell.md translates "
                        + "content/exercises/clamshell.md, which does not exist")
                .contains("content/exercises/straight-leg-raise.md:59:189: error: the link points at /exercises/clamshell/");
    }

    /**
     * A file renamed and its title changed too is no sure rename, so each use is told where it is; but each
     * message, in either language, names the page the old name most likely became, and no glossary term is
     * called unused because only the orphaned translation used it.
     */
    @Test
    void aFileRenamedWithANewTitleIsToldAtEachUseWithTheNewNameInBothLanguages() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/exercises/clamshell.md", "content/exercises/clam.md");
        Path clam = project.resolve("content/exercises/clam.md");
        TestSites.write(clam, TestSites.read(clam).replaceFirst("(?m)^title: Clamshell$", "title: Clam"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error ref.unknown-exercise content/conditions/chondromalacia-patella.md:30:59",
                "error ref.unknown-exercise content/es/conditions/chondromalacia-patella.md:30:59",
                "error translation.no-source content/es/exercises/clamshell.md:1:1",
                "error link.broken content/exercises/side-lying-leg-raise.md:62:238",
                "error link.broken content/exercises/straight-leg-raise.md:59:189",
                "error link.broken content/es/exercises/side-lying-leg-raise.md:63:278",
                "error link.broken content/es/exercises/straight-leg-raise.md:60:221");
        assertThat(run.messages("ref.unknown-exercise")).allMatch(m -> m.endsWith("did you mean \"clam\"?"));
        assertThat(run.messages("link.broken")).allMatch(m -> m.endsWith("did you mean /exercises/clam/?"));
        assertThat(run.message("translation.no-source")).contains("rename it to clam.md");
    }

    /**
     * A file name with a capital letter is no web address: one error at that file, telling the name to give it;
     * the programs, links and translation that use the name it will have wait for that, and it mends them all.
     */
    @Test
    void aCapitalInAFileNameIsOneErrorWhoseAdviceMendsEverything() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/exercises/clamshell.md", "content/exercises/Clamshell.md");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error schema.invalid-value content/exercises/Clamshell.md:1:1");
        assertThat(run.message("schema.invalid-value")).contains("rename it to clamshell.md");

        move(project, "content/exercises/Clamshell.md", "content/exercises/clamshell.md");
        var fixed = TestSites.run("build", "--project", project.toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    }

    /**
     * Only the translation's name has a capital: it has lost its source, and that is its one error, with the name
     * to give it; it is not also told to keep its name and add a slug (which would not find it a source).
     */
    @Test
    void aCapitalInATranslationsFileNameIsOneErrorWithTheNameToGiveIt() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/es/exercises/clamshell.md", "content/es/exercises/Clamshell.md");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error translation.no-source content/es/exercises/Clamshell.md:1:1");
        assertThat(run.message("translation.no-source")).contains("rename it to clamshell.md");
        move(project, "content/es/exercises/Clamshell.md", "content/es/exercises/clamshell.md");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }

    /**
     * A source whose name is no slug, kept with a "slug:" line: its translation keeps that name too, and is told to
     * give itself a slug, not to rename itself; a translation still named the old way is told the name its source
     * is told to take, never a name that is no web address.
     */
    @Test
    void aTranslationOfAFileNamedWithSpacesIsToldWhatWorks() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        move(project, "content/exercises/clamshell.md", "content/exercises/Clam Shell.md");

        var renamed = TestSites.run("build", "--project", project.toString());

        assertThat(renamed.message("translation.no-source")).contains("rename it to clam-shell.md");
        assertThat(renamed.err()).doesNotContain("rename it to Clam Shell.md");

        Path source = project.resolve("content/exercises/Clam Shell.md");
        TestSites.write(source, TestSites.read(source).replaceFirst("(?m)^title: Clamshell$", "title: Clamshell\nslug: clamshell"));
        move(project, "content/es/exercises/clamshell.md", "content/es/exercises/Clam Shell.md");
        var translated = TestSites.run("build", "--project", project.toString());

        // the test's reader of messages takes no space in a path: the whole output is read
        assertThat(translated.exitCode()).isEqualTo(1);
        assertThat(translated.err()).contains("Found 1 error;").contains("content/es/exercises/Clam Shell.md:1:1: "
                + "error: the file name \"Clam Shell.md\" cannot be used as a web address, and a translation keeps its "
                + "source's file name; keep the name and give this file a \"slug:\" line, such as \"slug: clam-shell\"");
    }

    /** A near name decides nothing: a typo of a new exercise's name in both programs is told in each program. */
    @Test
    void aNewExerciseMisspeltInThePrograms() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path exercises = project.resolve("content/exercises");
        newExercise(exercises, "wall-sit", "Wall sit");
        for (String condition : List.of("content/conditions/chondromalacia-patella.md",
                "content/es/conditions/chondromalacia-patella.md")) {
            Path file = project.resolve(condition);
            TestSites.write(file, TestSites.read(file).replace("exercises: [semi-squat]", "exercises: [semi-squat, wall-sits]"));
        }

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly(
                "error ref.unknown-exercise content/conditions/chondromalacia-patella.md:36:29",
                "error ref.unknown-exercise content/es/conditions/chondromalacia-patella.md:36:29");
        assertThat(run.err()).contains("did you mean \"wall-sit\"?");
    }

    /**
     * A page deleted on purpose, its translation left behind, while a new page with a near name was added:
     * the new page is not its renamed file (renaming it back would publish the new page at the old address).
     */
    @Test
    void aDeletedPageIsNotTakenForANewPageWithANearName() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path exercises = project.resolve("content/exercises");
        newExercise(exercises, "split-squat", "Split squat");
        delete(exercises.resolve("semi-squat.md"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("page.renamed").contains("content/es/exercises/semi-squat.md:1:1: error: "
                + "content/es/exercises/semi-squat.md translates content/exercises/semi-squat.md, which does not exist");
    }

    /** A new exercise {@code slug}.md: a copy of the semi squat under another title. */
    private static void newExercise(Path exercises, String slug, String title) {
        TestSites.write(exercises.resolve(slug + ".md"), TestSites.read(exercises.resolve("semi-squat.md"))
                .replaceFirst("(?m)^title: .*$", "title: " + title));
    }

    private static void move(Path project, String from, String to) {
        try {
            Files.move(project.resolve(from), project.resolve(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> markdown(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".md")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

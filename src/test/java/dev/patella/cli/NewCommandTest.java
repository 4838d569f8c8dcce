package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patella new} writes complete drafts that build, and never replaces a file. */
class NewCommandTest {

    @TempDir
    Path tmp;

    @Test
    void newExerciseWritesACommentedDraftThatBuildsOnlyWithDrafts() {
        Path project = TestSites.project(tmp.resolve("p"));

        var run = TestSites.run("new", "exercise", "wall-squat", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("content/exercises/wall-squat.md");
        String text = TestSites.read(project.resolve("content/exercises/wall-squat.md"));
        assertThat(text).contains("title: Wall squat").contains("draft: true").contains("author: ed")
                .contains("published: " + TestSites.TODAY).contains("# illustration:").contains("# reviewer:");
        for (String key : new String[] {"other_names", "summary", "muscles", "primary", "secondary", "feel_it",
                "equipment", "optional_equipment", "chain", "phase", "position", "steps", "dose", "sets", "reps",
                "hold_seconds", "rest", "per_side", "frequency", "tips", "mistakes", "progressions", "regressions",
                "stop_if", "sources", "review_due", "slug"}) {
            assertThat(text).as(key).containsPattern("(?m)^ *#? *" + key + ":");
        }
        var drafts = TestSites.run("build", "--project", project.toString(), "--drafts");
        assertThat(drafts.exitCode()).as(drafts.err()).isZero();
        assertThat(drafts.diagnostics()).isEmpty();
        assertThat(project.resolve("site/exercises/wall-squat/index.html")).isRegularFile();
        var plain = TestSites.run("build", "--project", project.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(project.resolve("site/exercises/wall-squat")).doesNotExist();
    }

    @Test
    void newConditionAndNewPageAreDraftsThatBuild() {
        Path project = TestSites.project(tmp.resolve("p"));

        assertThat(TestSites.run("new", "condition", "stiff-ankle", "--project", project.toString()).exitCode()).isZero();
        assertThat(TestSites.run("new", "page", "contact", "--project", project.toString()).exitCode()).isZero();

        assertThat(TestSites.read(project.resolve("content/conditions/stiff-ankle.md")))
                .contains("exercises: [leg-lift]").contains("draft: true");
        var drafts = TestSites.run("build", "--project", project.toString(), "--drafts");
        assertThat(drafts.exitCode()).as(drafts.err()).isZero();
        assertThat(drafts.diagnostics()).isEmpty();
        assertThat(project.resolve("site/conditions/stiff-ankle/index.html")).isRegularFile();
        assertThat(project.resolve("site/contact/index.html")).isRegularFile();
    }

    @Test
    void newRefusesToReplaceAFileThatExists() {
        Path project = TestSites.project(tmp.resolve("p"));
        Path about = project.resolve("content/pages/about.md");
        String before = TestSites.read(about);

        var run = TestSites.run("new", "page", "about", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("content/pages/about.md already exists").contains("nothing was written");
        assertThat(TestSites.read(about)).isEqualTo(before);
    }

    /**
     * A page begun as an empty file in an editor: the build says which {@code new} fills it, and that
     * command does (a file with only a byte order mark and a space too), where a file with anything in it
     * is refused.
     */
    @Test
    void anEmptyFileIsFilledByTheCommandTheBuildNames() {
        Path project = TestSites.project(tmp.resolve("p"));
        Path file = project.resolve("content/exercises/side-plank.md");
        TestSites.write(file, "\uFEFF \n"); // a byte order mark, as some editors save an empty file

        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.errors()).containsExactly("error file.empty content/exercises/side-plank.md:1:1");
        assertThat(build.message("file.empty")).contains("bin/patella new exercise side-plank fills it");

        var run = TestSites.run("new", "exercise", "side-plank", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("content/exercises/side-plank.md (it was empty)");
        assertThat(TestSites.read(file)).contains("title: Side plank").contains("draft: true");
        var drafts = TestSites.run("build", "--project", project.toString(), "--drafts");
        assertThat(drafts.exitCode()).as(drafts.err()).isZero();
        assertThat(project.resolve("site/exercises/side-plank/index.html")).isRegularFile();
    }

    @Test
    void newRefusesBadSlugsAndKindsWithExitTwo() {
        Path project = TestSites.project(tmp.resolve("p"));

        var capitals = TestSites.run("new", "exercise", "Wall_Squat", "--project", project.toString());
        assertThat(capitals.exitCode()).isEqualTo(2);
        assertThat(capitals.err()).contains("lower-case letters, digits and single hyphens, for example wall-squat");
        // a name typed with spaces is one name, shown as it could be written
        var spaces = TestSites.run("new", "condition", "Knee", "pain", "--project", project.toString());
        assertThat(spaces.exitCode()).isEqualTo(2);
        assertThat(spaces.err()).contains("'Knee pain' cannot be used").contains("for example knee-pain")
                .doesNotContain("Unmatched");
        assertThat(TestSites.run("new", "exercise", "../escape", "--project", project.toString()).exitCode()).isEqualTo(2);
        assertThat(TestSites.run("new", "page", "exercises", "--project", project.toString()).exitCode()).isEqualTo(2);
        assertThat(TestSites.run("new", "recipe", "soup", "--project", project.toString()).exitCode()).isEqualTo(2);
        assertThat(project.resolve("content/exercises/Wall_Squat.md")).doesNotExist();
    }

    /** A page named after one of the site's languages would sit where that language's pages are: the build refuses it. */
    @Test
    void newRefusesAPageNamedAfterALanguageOfTheSiteWithExitTwo() {
        Path project = TestSites.project(tmp.resolve("p"), "two-languages");

        var run = TestSites.run("new", "page", "es", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("'es'").contains("languages: of content/site.yaml").contains("choose another");
        assertThat(project.resolve("content/pages/es.md")).doesNotExist();
        // a site in one language has no /es/: there the name is free
        Path single = TestSites.project(tmp.resolve("single"));
        assertThat(TestSites.run("new", "page", "es", "--project", single.toString()).exitCode()).isZero();
        assertThat(single.resolve("content/pages/es.md")).isRegularFile();
    }
}

package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When several pages name a key no entry has, the entry closest to it was renamed by mistake only
 * if no page names that entry: one error at the entry (fixtures {@code person-id-renamed},
 * {@code source-id-renamed}). Here a page cites the entry in a step, so the pages have the typo and
 * each is told so, with the entry's id to write.
 */
class RenamedEntriesTest {

    @TempDir
    Path tmp;

    @Test
    void anEntryCitedOnlyInAStepIsNotTakenForRenamed() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");
        UnaryOperator<String> listsTheTypo = text -> text.replace("\nauthor: ed\n", "\nsources: [smith2081]\nauthor: ed\n");
        edit(project.resolve("content/conditions/sore-knee.md"),
                text -> listsTheTypo.apply(text).replace("Knees hurt [@smith2018].", "Knees hurt."));
        edit(project.resolve("content/exercises/leg-lift.md"),
                text -> listsTheTypo.apply(text).replace("  - Lift the leg.", "  - Lift the leg, as the study did [@smith2018]."));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("content/conditions/sore-knee.md:9:11: error: there is no source \"smith2081\""
                        + " in content/sources.yaml; did you mean \"smith2018\"?")
                .contains("content/exercises/leg-lift.md:17:11: error: there is no source \"smith2081\"")
                .doesNotContain("content/sources.yaml:").contains("Found 2 errors");
    }

    private static void edit(Path file, UnaryOperator<String> change) {
        String before = TestSites.read(file);
        String after = change.apply(before);
        assertThat(after).as(file + " was edited").isNotEqualTo(before);
        TestSites.write(file, after);
    }
}

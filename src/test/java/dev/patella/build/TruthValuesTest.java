package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting that is true or false may also be written with the other words YAML reads as truth
 * values: each means what it says (until 2026-12-04, {@code draft: yes} published the page).
 */
class TruthValuesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "draft: {0}")
    @CsvSource({"true, true", "yes, true", "Yes, true", "on, true", "ON, true",
            "false, false", "no, false", "off, false", "No, false", "OFF, false"})
    void aDraftWrittenWithAnyTruthWordIsLeftOutAndTheOthersArePublished(String written, boolean draft)
            throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path about = project.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about).replace("title: About\n", "title: About\ndraft: " + written + "\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project.resolve("site/about/index.html").toFile().exists()).isEqualTo(!draft);
    }
}

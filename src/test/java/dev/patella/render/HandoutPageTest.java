package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.model.Dose;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout maker's page as built: its limits come from the schema's constants, and it offers every exercise. */
class HandoutPageTest {

    @TempDir
    Path tmp;

    @Test
    void theMakersLimitsAreTheContentSchemasAndItOffersEveryExerciseOfEveryProgram() {
        Path project = TestSites.project(tmp.resolve("p"), "two-conditions");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = TestSites.read(project.resolve("site/handout/index.html"));

        assertThat(html).contains("name=\"sets\" min=\"1\" max=\"" + Dose.MAX_SETS + "\"")
                .contains("name=\"reps\" data-min=\"1\" data-max=\"" + Dose.MAX_REPS + "\"")
                .contains("name=\"hold\" min=\"0\" max=\"" + Dose.MAX_HOLD_SECONDS + "\"")
                .contains("name=\"rest\" min=\"0\" max=\"" + Dose.MAX_REST_SECONDS + "\"")
                .contains("name=\"days\" min=\"0\" max=\"" + Dose.MAX_DAYS_PER_WEEK + "\"")
                .contains("<optgroup label=\"Sore knee\">").contains("<optgroup label=\"Stiff hip\">")
                .contains("<option value=\"side-step\">Side step</option>")
                .contains("data-qr=\"../assets/uqr.");
        // the first condition's program is the default, in its order; the others wait hidden
        assertThat(html.indexOf("data-slug=\"leg-lift\"")).isLessThan(html.indexOf("data-slug=\"side-step\""));
        assertThat(html).contains("data-slug=\"half-squat\" data-sets=");
        assertThat(TestSites.read(project.resolve("site/conditions/stiff-hip/program/index.html")))
                .contains("href=\"../../../handout/\"");
        assertThat(TestSites.read(project.resolve("site/exercises/index.html"))).contains("href=\"../handout/\"");
    }
}

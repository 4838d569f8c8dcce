package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template that runs for more than a minute on one page is stopped where it is, with an error
 * that names the place. The clock is Patella's own (the builder's), here one that moves a minute
 * and a second each time it is read, so that a page's template outlives the limit however quick
 * the machine: the budget looks at the clock only now and then, and this proves it still does.
 */
class TemplateTimeLimitTest {

    @TempDir
    Path tmp;

    @Test
    void aTemplateThatRunsPastTheTimeLimitIsStoppedAtItsPlaceAndNothingIsPublished() {
        Path project = TestSites.project(tmp.resolve("p"));
        var clock = new AtomicLong();
        var builder = new Builder(() -> clock.addAndGet(TimeUnit.SECONDS.toNanos(61)));
        var options = new BuildOptions(project, project.resolve("site"), Optional.empty(), false, false,
                LocalDate.now(TestSites.CLOCK));
        var diagnostics = new Diagnostics();

        var result = builder.build(options, diagnostics);

        assertThat(result.published()).isFalse();
        assertThat(diagnostics.sorted()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("template.error");
            assertThat(d.at().file()).startsWith("templates/");
            assertThat(d.at().line()).isGreaterThan(1);
            assertThat(d.message()).startsWith("the template ran for more than 60 seconds for one page");
        });
    }
}

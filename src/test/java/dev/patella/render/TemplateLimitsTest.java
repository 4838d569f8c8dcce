package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runaway and misplaced templates end in one located error, exit code 1 and no stack trace,
 * never in a hang or a crash. The timeouts only guard against a hang; no test measures speed.
 */
class TemplateLimitsTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aLoopOverAHugeRangeIsStoppedAtItsLine() {
        Path project = TestSites.project(tmp.resolve("p"));
        edit(project.resolve("templates/page.ftlh"), "<h1>${page.title}</h1>\n",
                "<h1>${page.title}</h1>\n<#list 1..2000000000 as i>${i} </#list>\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error template.error templates/page.ftlh:6:27");
        assertThat(run.message("template.error")).contains("stopped here");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void templatesThatIncludeEachOtherEndInAnErrorNotACrash() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("templates/loop.ftlh"), "<#include \"loop.ftlh\">\n");
        edit(project.resolve("templates/page.ftlh"), "<h1>${page.title}</h1>\n",
                "<h1>${page.title}</h1>\n<#include \"loop.ftlh\">\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error template.error templates/page.ftlh:1:1");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTemplateLinkedFromOutsideTheTemplatesFolderIsRefusedWithoutShowingIt() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path outside = tmp.resolve("secret.ftlh");
        Files.writeString(outside, "<p>the password is hunter2</p>\n");
        Path page = project.resolve("templates/page.ftlh");
        Files.delete(page);
        Files.createSymbolicLink(page, outside);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error path.outside-project templates/page.ftlh:1:1");
        assertThat(run.err()).doesNotContain("hunter2").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aSyntaxErrorInTheLayoutEveryPageUsesIsReportedOnceAtItsLine() {
        Path project = TestSites.project(tmp.resolve("p"));
        edit(project.resolve("templates/layout.ftlh"), "</html>", "<#if true></html>");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).hasSize(1).allMatch(e -> e.startsWith("error template.syntax "
                + "templates/layout.ftlh:"));
        assertThat(run.err()).doesNotContain("cannot read template");
    }

    private static void edit(Path file, String from, String to) {
        String text = TestSites.read(file);
        assertThat(text).contains(from);
        TestSites.write(file, text.replace(from, to));
    }
}

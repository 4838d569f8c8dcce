package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines shown under a diagnostic come only from files inside the project. */
class SourceLinesTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheLinesAroundAPositionInAProjectFile() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("p/content"));
        Files.writeString(project.resolve("a.md"), "one\ntwo\nthree\n");

        var lines = new SourceLines(tmp.resolve("p"));

        assertThat(lines.line(new SourceSpan("content/a.md", 2, 1))).hasValue("two");
        assertThat(lines.around(new SourceSpan("content/a.md", 2, 1), 1)).extracting(SourceLines.Numbered::text)
                .containsExactly("one", "two", "three");
    }

    @Test
    void aFileThatLinksOutOfTheProjectShowsNoLines() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET\n");
        Path content = Files.createDirectories(tmp.resolve("p/content"));
        Files.createSymbolicLink(content.resolve("linked.md"), secret);

        var lines = new SourceLines(tmp.resolve("p"));

        assertThat(lines.line(new SourceSpan("content/linked.md", 1, 1))).isEmpty();
        assertThat(lines.around(new SourceSpan("content/linked.md", 1, 1), 2)).isEmpty();
        assertThat(lines.line(new SourceSpan("../secret.txt", 1, 1))).isEmpty();
    }
}

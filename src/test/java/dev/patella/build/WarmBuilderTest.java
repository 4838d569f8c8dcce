package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build server's builder ({@link Builder#warm}) renders again only what each build changes. */
class WarmBuilderTest {

    @TempDir
    Path tmp;

    /**
     * Its first build takes the pages it can from the notes of the build before it (a build server
     * started after builds without one); the next edit of one page renders that page alone, not
     * again every page the first build took from the notes.
     */
    @Test
    void afterAFirstBuildThatTookThePagesFromTheNotesAnEditRendersOnlyItsPage() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path about = project.resolve("content/pages/about.md");
        TestSites.run("build", "--project", project.toString());
        edit(about, "About us.", "About *us*.");
        // one page changed: the note of the pages is not written again, so it is one page behind
        TestSites.run("build", "--project", project.toString());
        var builder = Builder.warm(System::nanoTime);
        var options = new BuildOptions(project, project.resolve("site"), Optional.empty(), false, false,
                LocalDate.now(TestSites.CLOCK));
        var first = builder.build(options, new Diagnostics());
        assertThat(first.rendered()).isLessThan(first.pages() / 2);
        // the same words: a new word would also change the search index and the search page
        edit(about, "About *us*.", "About **us**.");

        var second = builder.build(options, new Diagnostics());
        builder.settle(); // a warm builder writes its notes after answering: done before the folder is deleted

        assertThat(second.published()).isTrue();
        assertThat(second.rendered()).isOne();
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("About <strong>us</strong>.");
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}

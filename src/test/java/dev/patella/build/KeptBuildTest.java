package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a build keeps in {@code .patella/} for the next one: a rebuild renders only the pages
 * whose inputs changed, everything when a template or a setting changed, and everything again
 * (with the same output) when the note or the site cannot be trusted.
 */
class KeptBuildTest {

    private static final Path NOTE = Path.of(ProjectState.DIR, "kept-build");

    @TempDir
    Path tmp;

    @Test
    void aRebuildAfterOnePageChangedRendersOnlyThatPage() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = build(project);
        assertThat(first.rendered()).isEqualTo(first.pages()).isGreaterThan(5);

        // the same words: new words would also change the search index, and so the search page
        edit(project.resolve("content/pages/about.md"), text -> text.replace("About us.", "About *us*."));
        var second = build(project);

        assertThat(second.rendered()).isEqualTo(1);
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("About <em>us</em>.");
        assertSameAsFullBuild(project);
    }

    @Test
    void aFewPagesChangedLeaveTheNoteAsItWasAndTheNextBuildMakesThemAgain() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        // two guide pages: unlike the about page, which every page's footer names, no other page reads them
        for (String name : List.of("stairs", "walking")) {
            TestSites.write(project.resolve("content/pages/" + name + ".md"), "---\ntitle: On " + name
                    + "\nsummary: How knees take " + name + ".\n---\nTake " + name + " slowly.\n");
        }
        build(project);
        byte[] note = Files.readAllBytes(project.resolve(NOTE));

        edit(project.resolve("content/pages/stairs.md"), text -> text.replace("Take stairs", "Take *stairs*"));
        assertThat(build(project).rendered()).isEqualTo(1);
        assertThat(Files.readAllBytes(project.resolve(NOTE))).as("the note after one page changed").isEqualTo(note);

        // the note still names the stairs page as the first build made it: that page is made again,
        // with the page changed now
        edit(project.resolve("content/pages/walking.md"), text -> text.replace("Take walking", "Take *walking*"));
        var third = build(project);

        assertThat(third.rendered()).isEqualTo(2);
        assertThat(TestSites.read(project.resolve("site/stairs/index.html"))).contains("Take <em>stairs</em>");
        assertThat(TestSites.read(project.resolve("site/walking/index.html"))).contains("Take <em>walking</em>");
        assertSameAsFullBuild(project);
    }

    /** A template every page uses, or the settings every page reads: nothing can be kept. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "templates/layout.ftlh | </body>          | <!-- edited --></body> | <!-- edited -->",
        "content/site.yaml     | (?m)^title: .*$  | title: Knees Again     | Knees Again"})
    void aChangeEveryPageReadsRendersEveryPageAgain(String file, String pattern, String replacement, String shown) {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = build(project);

        edit(project.resolve(file), text -> text.replaceFirst(pattern, replacement));
        var second = build(project);

        assertThat(second.rendered()).isEqualTo(first.pages());
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains(shown);
        assertSameAsFullBuild(project);
    }

    @Test
    void aDamagedNoteGivesAFullBuildWithTheSameOutput() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = build(project);
        Path note = project.resolve(NOTE);
        byte[] kept = Files.readAllBytes(note);

        kept[kept.length / 2] ^= 0x20; // one bit flipped, in the middle
        Files.write(note, kept);
        edit(project.resolve("content/pages/about.md"), text -> text + "\nMore.\n");
        assertThat(build(project).rendered()).isEqualTo(first.pages());
        assertSameAsFullBuild(project);

        byte[] whole = Files.readAllBytes(note);
        Files.write(note, Arrays.copyOf(whole, whole.length - 100)); // cut short
        edit(project.resolve("content/pages/about.md"), text -> text + "\nEven more.\n");
        assertThat(build(project).rendered()).isEqualTo(first.pages());
        assertSameAsFullBuild(project);
    }

    @Test
    void aNoteOfAnotherVersionGivesAFullBuildWithTheSameOutput() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = build(project);
        Path note = project.resolve(NOTE);
        byte[] kept = Files.readAllBytes(note);
        String header = new String(kept, 0, 40, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("patella kept-build v");
        int v = header.indexOf(" v") + 2;
        kept[v] = (byte) (kept[v] == '9' ? '8' : '9');
        Files.write(note, kept);

        edit(project.resolve("content/pages/about.md"), text -> text + "\nMore.\n");
        assertThat(build(project).rendered()).isEqualTo(first.pages());
        assertSameAsFullBuild(project);
    }

    @Test
    void aSiteChangedByHandGivesAFullBuild() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = build(project);
        Files.writeString(project.resolve("site/about/index.html"), "changed by hand");

        edit(project.resolve("content/pages/contact.md"), text -> text + "\nMore.\n");
        assertThat(build(project).rendered()).isEqualTo(first.pages());
        assertSameAsFullBuild(project);
    }

    @Test
    void aMissingNoteGivesAFullBuild() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = build(project);
        Files.delete(project.resolve(NOTE));

        edit(project.resolve("content/pages/contact.md"), text -> text + "\nMore.\n");
        var second = build(project);

        assertThat(second.rendered()).isEqualTo(first.pages());
        assertThat(project.resolve(NOTE)).exists();
        assertSameAsFullBuild(project);
    }

    /**
     * Every language's reading levels are kept, on a site large enough that the checks forget the
     * levels of texts no longer on it: checking the Spanish pages must not forget the English ones,
     * or every build measures every English page again.
     */
    @Test
    void theReadingLevelsOfEveryLanguageAreKept() {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        for (int i = 0; i < 150; i++) {
            TestSites.write(project.resolve("content/pages/extra-" + i + ".md"),
                    "---\ntitle: Extra " + i + "\nsummary: One more page.\n---\nA short page, number " + i + ".\n");
        }
        var editorial = new dev.patella.validate.EditorialChecks();
        var session = new SiteSession(options(project), System::nanoTime, dev.patella.cite.ReferenceFormatter.ama(),
                new dev.patella.render.RenderCache(), editorial);
        var diagnostics = new Diagnostics();

        session.build(Changes.everything(), diagnostics);

        assertThat(diagnostics.hasErrors()).as(diagnostics.sorted().toString()).isFalse();
        assertThat(editorial.levels().keySet()).as("levels kept")
                .anyMatch(texts -> texts.get(0).at().file().equals("content/pages/extra-7.md"))
                .anyMatch(texts -> texts.get(0).at().file().equals("content/es/exercises/leg-lift.md"));
    }

    private static BuildResult build(Path project) {
        var diagnostics = new Diagnostics();
        var result = new Builder(System::nanoTime).build(options(project), diagnostics);
        assertThat(diagnostics.hasErrors()).as(diagnostics.sorted().toString()).isFalse();
        assertThat(result.published()).isTrue();
        return result;
    }

    private static BuildOptions options(Path project) {
        return new BuildOptions(project, project.resolve("site"), Optional.empty(), false, false,
                TestSites.TODAY);
    }

    private static void edit(Path file, UnaryOperator<String> change) {
        String before = TestSites.read(file);
        String after = change.apply(before);
        assertThat(after).as("the edit changes " + file).isNotEqualTo(before);
        TestSites.write(file, after);
    }

    /** The project's site holds, byte for byte, what a fresh build of a copy of its input makes. */
    private void assertSameAsFullBuild(Path project) {
        Path copy = tmp.resolve("fresh-" + System.nanoTime());
        for (String folder : java.util.List.of("content", "templates")) {
            TestSites.snapshot(project.resolve(folder)).forEach((path, bytes) -> {
                Path file = copy.resolve(folder).resolve(path);
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        var fresh = build(copy);
        assertThat(fresh.rendered()).isEqualTo(fresh.pages());
        Map<String, byte[]> expected = TestSites.snapshot(copy.resolve("site"));
        Map<String, byte[]> actual = TestSites.snapshot(project.resolve("site"));
        assertThat(actual).containsOnlyKeys(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(new String(actual.get(path), StandardCharsets.UTF_8)).as(path)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
    }
}

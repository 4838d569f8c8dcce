package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The promise of {@code patella build} run again and again on one project: a build that reuses
 * what the last build left in {@code .patella/} and {@code site/} gives, file for file and byte
 * for byte, with the same diagnostics, what a fresh full build of the same input gives in
 * another folder. Every edit is tried (each value of every content type, each list grown, each
 * key removed, each body, template, asset and image changed, as {@link Edits} finds them; files
 * deleted, renamed and added), each followed by a build through the command line. Each file is
 * put back before the next edit, whose build starts from the site the edit before left; with
 * every file put back, the site must be the first build's again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalBuildEqualsFullBuildTest {

    private Path root;
    private Path project;
    private List<Edits.Edit> edits;
    private Map<String, byte[]> first;
    private int fresh;
    /** How many times the project itself was built (each fresh build is of a copy). */
    int projectBuilds;

    /** Called before the project's first build; here nothing: each build runs by itself. */
    void beforeFirstBuild(Path project) throws Exception {
    }

    /** Called after the project's last build, before its folder is removed. */
    void afterLastBuild() throws Exception {
    }

    @BeforeAll
    void firstBuild() throws Exception {
        root = Files.createTempDirectory("incremental-build");
        project = TestSites.withMessages(TestSites.project(root.resolve("project"), "every-field"), "es");
        edits = Edits.of(project); // one regular YAML layout, so the first build is of what the edits start from
        beforeFirstBuild(project);
        var run = build(project);
        assertThat(run.exitCode()).as(run.err()).isZero();
        first = TestSites.snapshot(project.resolve("site"));
    }

    @AfterAll
    void tidy() throws Exception {
        afterLastBuild();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @TestFactory
    @Order(1)
    @Timeout(900) // a hang detector only
    Stream<DynamicTest> everyEditBuiltAgainGivesWhatAFullBuildGives() {
        return edits.stream().map(edit -> DynamicTest.dynamicTest(edit.name(), () -> {
            String before = TestSites.read(edit.file());
            try {
                TestSites.write(edit.file(), edit.text());
                assertSameAsFullBuild(edit.name());
            } finally {
                // put back, built with the next edit: each build starts from the site of the edit before
                TestSites.write(edit.file(), before);
            }
        }));
    }


    @Test
    @Order(2)
    void translationsAddedEditedAndDeletedBuildAsAFullBuildDoes() throws IOException {
        Path settings = project.resolve("content/site.yaml");
        Path es = project.resolve("content/es");
        String settingsText = TestSites.read(settings);
        Path contact = es.resolve("pages/contact.md");
        Path squat = es.resolve("exercises/squat.md");
        String squatSource = TestSites.read(project.resolve("content/exercises/squat.md"));
        try {
            TestSites.write(settings, settingsText.replace("language: en\n", "language: en\nlanguages: [en, es]\n"));
            TestSites.write(es.resolve("site.yaml"), "title: Todos los campos\ndescription: Un sitio pequeño.\n"
                    + "intro: Bienvenido.\ndisclaimer: Solo información general.\n"
                    + "get_help:\n  stop_if: [Dolor agudo.]\n  see_a_doctor: [La rodilla se bloquea.]\n");
            assertSameAsFullBuild("a language added");
            TestSites.write(contact, "---\ntitle: Contacto\nsummary: Cómo escribirnos.\nslug: contacto\n"
                    + "translated_from: test\n---\nEscríbanos.\n");
            assertSameAsFullBuild("a page translated");
            TestSites.write(contact, TestSites.read(contact).replace("Escríbanos.", "Escríbanos un correo."));
            assertSameAsFullBuild("a translation's text edited");
            TestSites.write(contact, TestSites.read(contact).replace("slug: contacto", "slug: escribanos"));
            assertSameAsFullBuild("a translation's slug changed");
            TestSites.write(squat, squatSource.replace("title: Squat", "title: Sentadilla"));
            assertSameAsFullBuild("an exercise translated, linking to an untranslated one (an error)");
            Files.delete(squat);
            assertSameAsFullBuild("a translation deleted");
            Files.delete(contact);
            assertSameAsFullBuild("the last translated page deleted");
        } finally {
            TestSites.write(settings, settingsText);
            try (Stream<Path> walk = Files.walk(es)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        assertSameAsFullBuild("the language removed");
    }

    /**
     * Old addresses kept and let go (moved_from): a renamed page's and exercise's old addresses added,
     * changed and removed, so that their redirect pages, the handout's names and the hosting files
     * come and go as a full build makes them.
     */
    @Test
    @Order(3)
    void oldAddressesKeptAndLetGoBuildAsAFullBuildDoes() throws IOException {
        Path contact = project.resolve("content/pages/contact.md");
        Path renamed = project.resolve("content/pages/write-to-us.md");
        Path squat = project.resolve("content/exercises/squat.md");
        Path deepSquat = project.resolve("content/exercises/deep-squat.md");
        Path condition = project.resolve("content/conditions/sore-knee.md");
        String contactText = TestSites.read(contact);
        String squatText = TestSites.read(squat);
        String conditionText = TestSites.read(condition);
        try {
            Files.move(contact, renamed);
            TestSites.write(renamed, contactText.replaceFirst("title:", "moved_from: [contact]\ntitle:"));
            assertSameAsFullBuild("a page renamed, its old address kept");
            TestSites.write(renamed, contactText.replaceFirst("title:", "moved_from: [contact, /reach-us/]\ntitle:"));
            assertSameAsFullBuild("a second old address kept");
            TestSites.write(renamed, contactText);
            assertSameAsFullBuild("the old addresses let go");
            Files.move(squat, deepSquat);
            TestSites.write(deepSquat, squatText.replaceFirst("title:", "moved_from: [squat]\ntitle:"));
            TestSites.write(condition, conditionText.replaceAll("\\bsquat\\b", "deep-squat"));
            assertSameAsFullBuild("an exercise renamed, its old name kept (a redirect, and a name for old handout links)");
            TestSites.write(deepSquat, squatText.replaceFirst("title:", "moved_from: [/about/]\ntitle:"));
            assertSameAsFullBuild("an old address another page has (an error)");
            TestSites.write(deepSquat, squatText);
            assertSameAsFullBuild("its old name let go");
        } finally {
            Files.deleteIfExists(renamed);
            Files.deleteIfExists(deepSquat);
            TestSites.write(contact, contactText);
            TestSites.write(squat, squatText);
            TestSites.write(condition, conditionText);
        }
        assertSameAsFullBuild("the renamed page and exercise back");
    }

    @Test
    @Order(4) // last: it ends by putting everything back and comparing with the first build
    void filesDeletedRenamedAndAddedBuildAsAFullBuildDoes() throws IOException {
        Path contact = project.resolve("content/pages/contact.md");
        Path moved = project.resolve("content/pages/reach-us.md");
        Path image = project.resolve("content/images/squat.svg");
        String contactText = TestSites.read(contact);
        byte[] imageBytes = Files.readAllBytes(image);
        try {
            Files.move(contact, moved);
            assertSameAsFullBuild("a page renamed");
            TestSites.write(project.resolve("content/pages/new-page.md"),
                    "---\ntitle: A new page\nsummary: Something new to read.\n---\nNew words, and a [link](/#main).\n"
                            // cited: the sources page names it while later builds keep it whole
                            + "\nSome evidence [@smith2018].\n");
            assertSameAsFullBuild("a page added");
            Files.delete(moved);
            assertSameAsFullBuild("a page deleted");
            Files.write(project.resolve("content/images/extra.svg"), imageBytes);
            assertSameAsFullBuild("an image added");
            // a page kept whole (its own file unchanged) whose link's anchor comes and goes on another page
            Path linking = project.resolve("content/pages/linking.md");
            TestSites.write(linking, "---\ntitle: Linking\nsummary: Links to another page.\n---\n"
                    + "See [how to reach us](/new-page/#reach-us).\n");
            Path target = project.resolve("content/pages/new-page.md");
            String targetText = TestSites.read(target);
            TestSites.write(target, targetText + "\n## Reach us\n\nBy post.\n");
            assertSameAsFullBuild("a page linking to another page's heading added");
            TestSites.write(target, targetText + "\n## Write to us\n\nBy post.\n");
            assertSameAsFullBuild("the linked heading renamed, its id gone (an error on the unchanged page)");
            TestSites.write(target, targetText + "\n## Reach us\n\nBy post.\n");
            assertSameAsFullBuild("the linked heading back");
            // a file edited, then given its old modification time back
            var modified = Files.getLastModifiedTime(linking);
            TestSites.write(linking, TestSites.read(linking).replace("Links to", "Points at"));
            Files.setLastModifiedTime(linking, modified);
            assertSameAsFullBuild("a page edited with its modification time kept");
            // a glossary term added that an unchanged page's text uses
            Path glossary = project.resolve("content/glossary.yaml");
            String glossaryText = TestSites.read(glossary);
            TestSites.write(glossary, glossaryText + "post:\n  term: post\n  definition: Letters sent on paper.\n");
            assertSameAsFullBuild("a glossary term an unchanged page uses added");
            TestSites.write(glossary, glossaryText);
            Files.delete(linking);
            assertSameAsFullBuild("the linking page deleted, the term removed");
            Files.delete(image);
            assertSameAsFullBuild("an image an exercise shows deleted (an error)");
        } finally {
            Files.deleteIfExists(moved);
            Files.deleteIfExists(project.resolve("content/pages/new-page.md"));
            Files.deleteIfExists(project.resolve("content/images/extra.svg"));
            TestSites.write(contact, contactText);
            Files.write(image, imageBytes);
        }
        var back = build(project);
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertSameFiles(TestSites.snapshot(project.resolve("site")), first, "everything put back");
    }

    /**
     * Builds the project again, and a copy of its input from scratch in another folder, and
     * compares the two: exit code, diagnostics, and every file of the site.
     */
    private void assertSameAsFullBuild(String what) {
        var before = TestSites.snapshot(project.resolve("site"));
        var again = build(project);
        Path copy = root.resolve("fresh-" + fresh++);
        copyInput(project, copy);
        try {
            var full = build(copy);
            assertThat(again.exitCode()).as(what + ": exit code; " + again.err()).isEqualTo(full.exitCode());
            assertThat(again.err().replace(project.toString(), "<project>"))
                    .as(what + ": diagnostics").isEqualTo(full.err().replace(copy.toString(), "<project>"));
            // a build with errors leaves the site as it was
            assertSameFiles(TestSites.snapshot(project.resolve("site")),
                    full.exitCode() == 0 ? TestSites.snapshot(copy.resolve("site")) : before, what);
        } finally {
            delete(copy);
        }
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected, String what) {
        assertThat(actual).as(what + ": the files of site/").containsOnlyKeys(expected.keySet());
        List<String> differ = new ArrayList<>();
        expected.forEach((path, bytes) -> {
            if (!java.util.Arrays.equals(bytes, actual.get(path))) {
                differ.add(path);
            }
        });
        if (!differ.isEmpty()) {
            String path = differ.get(0);
            assertThat(new String(actual.get(path), StandardCharsets.UTF_8)).as(what + ": " + differ)
                    .isEqualTo(new String(expected.get(path), StandardCharsets.UTF_8));
        }
    }

    private TestSites.Run build(Path folder) {
        if (folder.equals(project)) {
            projectBuilds++;
        }
        return TestSites.run("build", "--project", folder.toString());
    }

    /**
     * The project's input without anything a build left: no site, no notes but the formatted
     * references, which only spare the citation processor (the slowest step of a build this
     * small) and are checked against the sources they were made from.
     */
    private static void copyInput(Path from, Path to) {
        for (String folder : List.of("content", "templates")) {
            TestSites.snapshot(from.resolve(folder)).forEach((path, bytes) -> {
                Path file = to.resolve(folder).resolve(path);
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path references = from.resolve(ProjectState.DIR).resolve("references");
        try {
            if (Files.exists(references)) {
                Files.createDirectories(to.resolve(ProjectState.DIR));
                Files.copy(references, to.resolve(ProjectState.DIR).resolve("references"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

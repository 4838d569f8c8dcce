package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile files, killed builds and builds at the same time never cost the published site. */
class ReliabilityTest {

    @TempDir
    Path tmp;

    @Test
    void refusesAHugeFileWithoutReadingItAll() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path huge = project.resolve("content/pages/huge.md");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".getBytes();
            for (int written = 0; written < 20 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error file.too-large content/pages/huge.md:1:1");
    }

    @Test
    void refusesSymbolicLinksThatLeaveTheContentFolder() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path outside = tmp.resolve("outside");
        TestSites.write(outside.resolve("secret.md"), "---\ntitle: Secret\nsummary: Secret.\n---\nsecret\n");
        TestSites.write(outside.resolve("secret.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createSymbolicLink(project.resolve("content/pages/secret.md"), outside.resolve("secret.md"));
        Files.createDirectories(project.resolve("content/images"));
        Files.createSymbolicLink(project.resolve("content/images/secret.svg"), outside.resolve("secret.svg"));
        // a page that shows the refused picture and links to the refused page: the refusals are the only errors
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about) + "\n![A secret](/images/secret.svg) and [a secret](/secret/).\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).containsExactlyInAnyOrder("error path.outside-content content/pages/secret.md:1:1",
                "error path.outside-content content/images/secret.svg:1:1");
    }

    /** No templates/ folder is an error of the project, told as a missing content/ is: exit 1, not a failure to open. */
    @Test
    void aProjectWithoutTemplatesIsOneLocatedError() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.deleteTree(project.resolve("templates"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error file.missing templates:1:1");
        assertThat(run.message("file.missing")).startsWith("there is no templates/ folder in ");
    }

    /** A copy a file manager made of a page is named as a copy, at the file, not at its title line. */
    @Test
    void tellsAPageCopiedByAFileManagerAsACopy() {
        Path project = TestSites.project(tmp.resolve("p"));
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about.resolveSibling("about (2).md"), TestSites.read(about));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("content/pages/about (2).md:1:1: error: the file name \"about (2).md\" cannot "
                + "be used as a web address; it looks like a copy of about.md, which a file manager names so: if it is "
                + "one, delete it; if it is a page of its own, rename the file or set \"slug:\"; use lower-case "
                + "letters, digits and single hyphens only, for example \"about-2\" [schema.invalid-value]")
                .contains("Found 1 error;");
    }

    /** A link left behind when the file it led to was moved or deleted is told as such, not as a link outside. */
    @Test
    void tellsALinkToAFileThatIsGoneAsAMissingFile() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.createSymbolicLink(project.resolve("content/pages/old.md"), Path.of("moved.md"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error file.missing content/pages/old.md:1:1");
        assertThat(run.message("file.missing")).isEqualTo("content/pages/old.md is a link to content/pages/moved.md, "
                + "which does not exist; put that file back, or delete the link");
    }

    /** Two links that lead to each other lead to no file: each is told so, not taken for a file that is gone. */
    @Test
    void tellsLinksThatGoRoundInACircle() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.createSymbolicLink(project.resolve("content/pages/a.md"), Path.of("b.md"));
        Files.createSymbolicLink(project.resolve("content/pages/b.md"), Path.of("a.md"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder("error file.missing content/pages/a.md:1:1",
                "error file.missing content/pages/b.md:1:1");
        assertThat(run.err()).contains("content/pages/a.md is a link to content/pages/b.md, a link itself, and the "
                + "links go round in a circle");
    }

    /** A link that leads to itself, or to a file that is gone, in templates/ or its messages, is told where it leads. */
    @ParameterizedTest
    @CsvSource({
            "templates/messages/fr.properties, fr.properties, 'templates/messages/fr.properties is a link to "
                    + "templates/messages/fr.properties, a link itself, and the links go round in a circle'",
            "templates/extra.ftlh, gone.ftlh, 'templates/extra.ftlh is a link to templates/gone.ftlh, which does not "
                    + "exist; put that file back, or delete the link'",
    })
    void tellsADeadLinkInTemplatesWhereItLeads(String link, String target, String told) throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.createSymbolicLink(project.resolve(link), Path.of(target));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error file.missing " + link + ":1:1");
        assertThat(run.message("file.missing")).startsWith(told);
    }

    /** The pages' own language's message file as a link to itself: the one error, not also "there is no file". */
    @Test
    void aMessageFileOfThePagesLanguageThatIsADeadLinkIsOneError() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path spanish = project.resolve("templates/messages/es.properties");
        Files.delete(spanish);
        Files.createSymbolicLink(spanish, Path.of("es.properties"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).as(run.err()).doesNotContain("warning", "internal error");
        assertThat(run.errors()).containsExactly("error file.missing templates/messages/es.properties:1:1");
    }

    /** A message file saved in another encoding is one error at its first byte that is not UTF-8, and nothing more. */
    @Test
    void tellsAMessageFileThatIsNotUtf8AtItsByte() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path spanish = project.resolve("templates/messages/es.properties");
        int lines = TestSites.read(spanish).split("\n", -1).length;
        Files.write(spanish, "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error file.not-utf8 templates/messages/es.properties:"
                + lines + ":6");
        assertThat(run.err()).doesNotContain("warning");
    }

    /** A template or message file that is a link to nowhere is told as such, with the others' mistakes. */
    @Test
    void tellsTemplatesAndMessageFilesThatLinkToNothing() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.createSymbolicLink(project.resolve("templates/extra.ftlh"), Path.of("gone.ftlh"));
        Files.createSymbolicLink(project.resolve("templates/messages/fr.properties"), Path.of("gone.properties"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder("error file.missing templates/extra.ftlh:1:1",
                "error file.missing templates/messages/fr.properties:1:1");
    }

    /**
     * A folder of pictures linked from outside is refused at the link, and a page showing one of its
     * pictures is not also told the picture is missing (found in review: only that was said).
     */
    @Test
    void refusesAFolderOfPicturesLinkedFromOutsideAtTheLinkAlone() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path outside = tmp.resolve("outside");
        TestSites.write(outside.resolve("x.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createDirectories(project.resolve("content/images"));
        Files.createSymbolicLink(project.resolve("content/images/ext"), outside);
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about) + "\n![A drawing](/images/ext/x.svg)\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error path.outside-content content/images/ext:1:1");
        assertThat(run.message("path.outside-content")).contains("folder");
    }

    /** A named pipe saved as a page is refused without being opened: opening one waits for a writer for ever. */
    @Test
    void aPipeNamedLikeAPageIsRefusedNotWaitedFor() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path pipe = project.resolve("content/pages/pipe.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0,
                "mkfifo makes a named pipe");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error file.not-a-file content/pages/pipe.md:1:1");
    }

    @Test
    void refusesTheFilesOfAFolderLinkedFromOutsideAndReadsALinkThatStaysInside() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.move(project.resolve("content/exercises"), outside.resolve("exercises"));
        Files.createSymbolicLink(project.resolve("content/exercises"), outside.resolve("exercises"));
        // a page linked to another file of content/ is read: the link does not leave the folder
        Path about = project.resolve("content/pages/about.md");
        Files.move(about, project.resolve("content/about-source.md"));
        Files.createSymbolicLink(about, project.resolve("content/about-source.md"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).contains("error path.outside-content content/exercises/leg-lift.md:1:1")
                .noneMatch(e -> e.contains("content/pages/about.md"));
    }

    @Test
    void neverWritesIntoContentOrTemplates() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var content = TestSites.snapshot(project.resolve("content"));
        var templates = TestSites.snapshot(project.resolve("templates"));

        TestSites.run("build", "--project", project.toString());
        TestSites.write(project.resolve("content/pages/broken.md"), "---\ntitle: [\n---\n");
        TestSites.run("build", "--project", project.toString());

        var after = TestSites.snapshot(project.resolve("content"));
        after.remove("pages/broken.md");
        assertThat(after.keySet()).isEqualTo(content.keySet());
        after.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(content.get(path)));
        var templatesAfter = TestSites.snapshot(project.resolve("templates"));
        assertThat(templatesAfter.keySet()).isEqualTo(templates.keySet());
    }

    @Test
    void buildKilledAtAnyMomentLeavesTheLastPublishedSiteWhole() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        addPages(project, 2000, "first");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
        Map<String, byte[]> published = TestSites.snapshot(project.resolve("site"));
        addPages(project, 2000, "second");
        assertThat(TestSites.run("build", "--project", project.toString(), "--output",
                tmp.resolve("expected").toString()).exitCode()).isZero();
        Map<String, byte[]> next = TestSites.snapshot(tmp.resolve("expected"));

        int killed = 0;
        for (int delay : new int[] {400, 800, 1200, 1700, 2300}) {
            Process child = new ProcessBuilder(javaCommand(project)).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("child.log").toFile()).start();
            if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
                killed++;
            }
            Map<String, byte[]> site = TestSites.snapshot(project.resolve("site"));
            boolean old = same(site, published);
            boolean complete = same(site, next);
            assertThat(old || complete).as("after %d ms the site is either the old one or the new one", delay).isTrue();
            if (complete) {
                published = next; // the child finished before it was killed
            }
        }
        assertThat(killed).as("builds killed part way").isPositive();
        TestSites.run("build", "--project", project.toString());
        try (Stream<Path> siblings = Files.list(project)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".site.staging") || n.startsWith(".site.old"));
        }
    }

    @Test
    void secondBuildAtTheSameTimeWaitsAndNeverInterleaves() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        addPages(project, 400, "both");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(new ProcessBuilder(javaCommand(project)).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("child-" + i + ".log").toFile()).start());
        }
        for (Process child : children) {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
        }
        assertThat(TestSites.run("build", "--project", project.toString(), "--output",
                tmp.resolve("expected").toString()).exitCode()).isZero();
        assertThat(same(TestSites.snapshot(project.resolve("site")), TestSites.snapshot(tmp.resolve("expected"))))
                .isTrue();
    }

    private static void addPages(Path project, int count, String word) {
        for (int i = 0; i < count; i++) {
            TestSites.write(project.resolve("content/pages/page-" + i + ".md"), "---\ntitle: Page " + i
                    + "\nsummary: A " + word + " page.\n---\n## Part one\n\nThis is the " + word + " page number " + i
                    + ". It is short.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        }
    }

    private static List<String> javaCommand(Path project) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "dev.patella.cli.Main", "build",
                "--project", project.toString());
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}

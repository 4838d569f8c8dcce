package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file or folder Patella cannot use is told in plain words: the path, the operating system's
 * reason, and what to do. The tests run as any user, root included (for whom permissions stop
 * nothing), so they use what stops root too: a file where a folder must be, {@code /dev/full}
 * (which is always full), and {@code chattr +i} where the file system has it (always undone).
 */
class UnusableFilesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content/pages", "content/exercises", "content/conditions", "content/images", "templates",
        "templates/assets"})
    void aFileInPlaceOfAProjectFolderIsALocatedErrorAndNothingIsPublished(String folder) throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path site = project.resolve("site");
        TestSites.write(site.resolve("index.html"), "<!DOCTYPE html><title>previous</title>");
        // the lock file every build leaves beside its folder: a build takes this site for one it wrote
        TestSites.write(site.resolveSibling(".site.lock"), "");
        var before = TestSites.snapshot(site);
        replaceWithAFile(project.resolve(folder));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        // nothing that follows from the missing folder (a program without its exercises, a link to a
        // condition, an unused source or term) is reported on top
        assertThat(run.errors()).as(run.err()).containsExactly("error file.not-a-folder " + folder + ":1:1");
        assertThat(run.message("file.not-a-folder")).contains(folder + " is a file, but it must be a folder")
                .contains("mv " + folder + " " + folder + ".old").contains("mkdir " + folder);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(TestSites.snapshot(site)).containsExactlyInAnyOrderEntriesOf(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content/pages", "content/exercises", "content/conditions", "content/images"})
    void checkReportsAContentFolderThatIsAFileAndNothingThatFollowsFromIt(String folder) throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");
        replaceWithAFile(project.resolve(folder));

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error file.not-a-folder " + folder + ":1:1");
    }

    @Test
    void newSaysWhichFileIsInTheWayRatherThanThatThePageExists() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        replaceWithAFile(project.resolve("content/exercises"));

        var run = TestSites.run("new", "exercise", "wall-squat", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("patella: cannot write " + project.resolve("content/exercises")
                + ": a file is where a folder should be").doesNotContain("already exists");
    }

    @Test
    void anOutputFolderBelowAFileNamesTheFileInTheWayAndWhatToDo() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path blocker = Files.writeString(tmp.resolve("blocker"), "not a folder\n");

        var run = TestSites.run("build", "--project", project.toString(), "--output",
                blocker.resolve("site").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("patella: cannot write " + blocker + ": a file is where a folder should be")
                .contains("rename or remove the file that is in the way (" + blocker + ")")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(blocker).hasContent("not a folder");
    }

    @Test
    void aFullDiskIsToldInPlainWordsWithTheNextStep() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full on this system");
        Path project = TestSites.project(tmp.resolve("p"));
        // the site's manifest is written through this name last: the write meets a disk with no space
        Files.createSymbolicLink(project.resolve(".site.manifest.tmp"), full);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("patella: cannot write " + project.resolve(".site.manifest.tmp")
                        + ": no space left on the disk; free some space on the disk that holds " + project
                        + " (df -h " + project + " shows what is left)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aFolderInPlaceOfTheLockFileIsNamedWithWhatToDo() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path lock = Files.createDirectories(project.resolve(".site.lock"));
        Files.writeString(lock.resolve("keep"), "someone's file\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("patella: cannot write " + lock + ": a folder is where a file should be")
                .contains("rename or remove the folder " + lock).doesNotContain("Exception");
        assertThat(lock.resolve("keep")).hasContent("someone's file");
    }

    @Test
    void aBackBufferThatIsAFileIsReplacedWithoutAWord() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.writeString(project.resolve(".site.back"), "left by something else\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(project.resolve("site/index.html")).exists();
    }

    @Test
    void aLockedBackBufferDoesNotStopBuildsAndTheWarningSaysHowToRemoveIt() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path back = project.resolve(".site.back");
        build(project, "Leg lift");
        build(project, "Leg lift, first"); // the back buffer now holds the first site
        assertThat(back.resolve("index.html")).exists();
        assumeTrue(chattr("-R", "+i", back.toString()), "chattr +i is not available on this file system");
        try {
            var run = build(project, "Leg lift, second");

            assertThat(run.err()).contains("patella: warning: the back buffer " + back)
                    .contains("could not be updated: the operating system does not permit it")
                    .contains("The site was written in full and published all the same")
                    .contains("rm -rf " + back).contains("chattr -R -i " + back);
            assertThat(TestSites.read(project.resolve("site/exercises/leg-lift/index.html")))
                    .contains("Leg lift, second");

            var again = build(project, "Leg lift, third");
            assertThat(again.err()).contains("patella: warning: the back buffer " + back);
            assertThat(TestSites.read(project.resolve("site/exercises/leg-lift/index.html")))
                    .contains("Leg lift, third");
        } finally {
            chattr("-R", "-i", back.toString());
        }
        try (var left = Files.list(project)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".site.old-") || n.startsWith(".site.staging-"));
        }
    }

    @Test
    void aBackBufferThatCannotBeMovedNeverLeavesTheSiteMissing() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path back = project.resolve(".site.back");
        build(project, "Leg lift, first");
        build(project, "Leg lift, second"); // the back buffer holds the first site: going back writes nothing into it
        assumeTrue(chattr("+i", back.toString()), "chattr +i is not available on this file system");
        try {
            var run = build(project, "Leg lift, first");

            assertThat(run.err()).contains("patella: warning: the back buffer " + back);
            assertThat(TestSites.read(project.resolve("site/exercises/leg-lift/index.html")))
                    .contains("Leg lift, first");
        } finally {
            chattr("-i", back.toString());
        }
        var after = build(project, "Leg lift, third"); // unlocked: back to quick builds, without a word
        assertThat(after.err()).isEmpty();
    }

    /**
     * After an edit in site/ that kept a file's size, publish removes the build's record of site/; when it
     * cannot, it says it could not write there, not that a file could not be opened to be read.
     */
    @Test
    void aRecordOfTheSiteThatPublishCannotRemoveIsToldAsAWrite() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        build(project, "Leg lift");
        Path page = project.resolve("site/about/index.html");
        String html = Files.readString(page);
        int at = html.indexOf("<main"); // a letter for another: the size stays
        Files.writeString(page, html.substring(0, at) + "<mainX" + html.substring(at + "<mainX".length()));
        assumeTrue(chattr("+i", project.toString()), "chattr +i is not available on this file system");
        try {
            var run = TestSites.run("publish", "--project", project.toString(), "--to",
                    tmp.resolve("www").toUri().toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).startsWith("patella: cannot write " + project.resolve(".site.manifest")
                    + ": the operating system does not permit it");
        } finally {
            chattr("-i", project.toString());
        }
    }

    private static TestSites.Run build(Path project, String title) throws IOException {
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        String text = Files.readString(exercise);
        Files.writeString(exercise, text.replaceFirst("(?m)^title: .*$", "title: " + title));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static void replaceWithAFile(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.writeString(folder, "a file saved where the folder was\n");
    }

    /** Runs chattr; false when it is missing or the file system does not support the flag. */
    private static boolean chattr(String... args) throws InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/chattr"))) {
            return false;
        }
        try {
            var command = new java.util.ArrayList<>(List.of("/usr/bin/chattr"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}

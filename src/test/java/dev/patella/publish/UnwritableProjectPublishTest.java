package dev.patella.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patella.TestSites;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} by a user who may read the project but not write it (a project of root's, published as
 * another user). Permissions stop nothing for root, so this runs Patella as {@code nobody} with {@code runuser};
 * it is skipped where the tests do not run as root or there is no {@code runuser}.
 */
class UnwritableProjectPublishTest {

    private static final Path RUNUSER = Path.of("/usr/sbin/runuser");

    @TempDir
    Path tmp;

    /** The lock publish takes must be written, not only read: the message says so, and who may allow it (chmod u+w would change nothing). */
    @Test
    void aLockFileThatCannotBeWrittenIsToldAsOneThatMustBeWritable() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(RUNUSER),
                "needs root and runuser, to run publish as another user");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path project = TestSites.project(tmp.resolve("p"));
        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        Path lock = project.resolve(".site.lock");
        assertThat(lock).isReadable();

        var run = asNobody("publish", "--project", project.toString(), "--to", tmp.resolve("www").toUri().toString());

        assertThat(run.exitCode).as(run.err).isEqualTo(3);
        assertThat(run.err).startsWith("patella: cannot open " + lock + " for writing: permission denied; it must be "
                        + "writable by the user who runs Patella; its owner, root, may write it (ls -l " + lock + "): run "
                        + "Patella as root, or have an administrator give it to that user: sudo chown USER " + lock + " (publish locks "
                        + "the built site")
                .doesNotContain("chmod").doesNotContain("\tat ");
        assertThat(tmp.resolve("www")).doesNotExist();
    }

    private record Ran(int exitCode, String err) {
    }

    /** Runs Patella's main class as {@code nobody}, with the jars of this test's class path linked where it may read them. */
    private Ran asNobody(String... args) throws IOException, InterruptedException {
        Path jars = Files.createDirectories(tmp.resolve("classpath"));
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (Files.isDirectory(from)) {
                if (!from.endsWith("test-classes")) {
                    Path to = jars.resolve("classes" + classPath.size());
                    TestSites.copyTree(from, to);
                    classPath.add(to.toString());
                }
            } else if (Files.isRegularFile(from)) {
                Path to = jars.resolve(classPath.size() + "-" + from.getFileName());
                try {
                    Files.createLink(to, from);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
                classPath.add(to.toString());
            }
        }
        List<String> command = new ArrayList<>(List.of(RUNUSER.toString(), "-u", "nobody", "--", "env",
                "HOME=" + tmp, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), "dev.patella.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("publish as nobody ended").isTrue();
        return new Ran(process.exitValue(), err);
    }
}

package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The promise of {@link IncrementalBuildEqualsFullBuildTest}, with a build server running for
 * the project (started after a build without it): every {@code patella build} of the project, from the first to the last, is
 * handed to the server (its log counts them), which keeps the last build in memory and reads
 * again only the files whose size or time changed; each must still give what a fresh full build
 * of the same input gives.
 */
class BuildServerEqualsFullBuildTest extends IncrementalBuildEqualsFullBuildTest {

    private final StringWriter log = new StringWriter();
    private final StringWriter errors = new StringWriter();
    private Thread server;
    private Path project;
    private volatile int exitCode = -1;

    @Override
    void beforeFirstBuild(Path project) throws Exception {
        this.project = project;
        // built once without a server: the server starts from the notes and site/ that build left,
        // whose pages it must not take for what site/ holds once it has written it
        var alone = TestSites.run("build", "--project", project.toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        server = new Thread(() -> exitCode = Main.run(new String[] {"build-server", "--project", project.toString()},
                new PrintWriter(log, true), new PrintWriter(errors, true), TestSites.CLOCK));
        server.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a hang detector only
        while (!log.toString().contains("Ready.") && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the server's first build: it says when it is done
        }
        assertThat(log.toString()).as(errors.toString()).contains("Ready.");
    }

    @Override
    void afterLastBuild() throws Exception {
        server.interrupt();
        server.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(exitCode).as(errors.toString()).isZero();
        // one line per command it ran: every build of the project went through it
        long ran = log.toString().lines().filter(line -> line.startsWith("exit ")).count();
        assertThat(ran).as(log.toString()).isEqualTo(projectBuilds);
        assertThat(log.toString()).contains("Build server stopped.");
        // the notes it left are good for a build without it: that build reuses its pages, and the site stays the same
        Path project = this.project;
        var site = TestSites.snapshot(project.resolve("site"));
        Files.delete(project.resolve(ProjectState.DIR).resolve("build-cache"));
        var alone = TestSites.run("build", "--project", project.toString());
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(alone.out()).contains("none changed");
        assertThat(TestSites.snapshot(project.resolve("site"))).containsOnlyKeys(site.keySet())
                .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(site.get(path)));
    }
}

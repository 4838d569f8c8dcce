package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The build server a build leaves behind ({@code bin/patella}'s part is {@code StartupScriptTest}'s). */
@DisabledOnOs(OS.WINDOWS) // the command below is a shell's
class AutoServerTest {

    @TempDir
    Path tmp;

    /**
     * Two builds that end at the same moment: one starts a server and says so, naming the process
     * it started; the other starts none and says nothing (before, both started one, and the one
     * turned away had been named as the server).
     */
    @Test
    void twoBuildsEndingAtTheSameMomentStartOneServerAndOnlyOneSaysSo() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.createDirectories(project.resolve(".patella"));
        Files.writeString(project.resolve(".patella/last-build"), "result=succeeded errors=0\n"); // a moment ago
        // a stand-in for the server's JVM: a process that runs, as bin/patella's command would
        var environment = Map.of("PATELLA_SERVER_COMMAND", "sh\n-c\nexec sleep 120\nsh", "CI", "false");
        var server = AutoServer.before(project, environment, Clock.systemUTC()).orElseThrow();
        var together = new CyclicBarrier(2);
        List<StringWriter> said = List.of(new StringWriter(), new StringWriter());
        List<Thread> builds = new ArrayList<>();
        for (StringWriter err : said) {
            builds.add(new Thread(() -> {
                try {
                    together.await(1, TimeUnit.MINUTES);
                    server.start(new PrintWriter(err, true));
                } catch (Exception e) {
                    err.write("failed: " + e);
                }
            }));
        }
        builds.forEach(Thread::start);
        for (Thread build : builds) {
            build.join(TimeUnit.MINUTES.toMillis(1));
        }
        String started = "patella: a build server (process ";
        List<String> starts = said.stream().map(StringWriter::toString).filter(err -> err.contains(started)).toList();
        try {
            assertThat(starts).as(said.toString()).hasSize(1);
            assertThat(said).map(StringWriter::toString).filteredOn(err -> !err.contains(started)).singleElement()
                    .isEqualTo("");
        } finally {
            for (String err : starts) {
                long pid = Long.parseLong(err.substring(err.indexOf(started) + started.length()).replaceFirst("(?s)\\D.*", ""));
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
    }
}

package dev.patella.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command a message tells a publisher to run over ssh works as typed: the local shell and the
 * remote one each take a level of quotes off (here both are sh, the remote one fed what ssh would
 * send it: the words the local shell left, joined by spaces).
 */
class ShellPathTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "my site", "it's $HOME", "a \"quoted\" `name`"})
    void aRemoteMkdirMakesExactlyTheFolderNamed(String name) throws Exception {
        Path folder = tmp.resolve(name);
        String typed = ShellPath.remote("mkdir -p " + ShellPath.quoted(folder.toString()));

        Process sh = new ProcessBuilder("sh", "-c", "eval \"set -- $1\"; sh -c \"$*\"", "sh", typed)
                .redirectErrorStream(true).start();

        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(new String(sh.getInputStream().readAllBytes())).isZero();
        assertThat(folder).as(typed).isDirectory();
    }
}

package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patella.diag.FileFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Work started on the other core reads, once joined, as if it had run on the build's own thread. */
class BackgroundTest {

    @Test
    void givesWhatTheTaskGave() {
        assertThat(Background.joined(CompletableFuture.supplyAsync(() -> "site"))).isEqualTo("site");
    }

    @Test
    void throwsWhatTheTaskThrewItselfSoTheCommandLineStillExplainsIt() {
        // the command line turns a FileFailure into a message without a stack trace: it must not arrive wrapped
        FileFailure failure = FileFailure.reading(Path.of("content/site.yaml"), new IOException("Permission denied"));
        AssertionError error = new AssertionError("a bug");

        assertThatThrownBy(() -> Background.joined(CompletableFuture.supplyAsync(() -> {
            throw failure;
        }))).isSameAs(failure);
        assertThatThrownBy(() -> Background.joined(CompletableFuture.supplyAsync(() -> {
            throw error;
        }))).isSameAs(error);
    }
}

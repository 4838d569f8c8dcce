package dev.patella.build;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work a build starts on the other core while it goes on, and waits for where it needs the result. */
final class Background {

    private Background() {
    }

    /** What {@code task} gave, or what it threw, as if it had run on this thread. */
    static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}

package dev.patella.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.hashing.FileHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Watches folders with the operating system's file events (inotify on Linux, FSEvents on
 * macOS), through the directory-watcher library: no polling. Hidden files (editors' swap and
 * lock files) are ignored. When the system drops events, {@code overflow} is called and the
 * whole project must be looked at again; so it is when the watcher reports a failure of its own,
 * after which it goes on watching.
 */
final class SiteWatcher implements AutoCloseable {

    private final DirectoryWatcher watcher;

    /**
     * Starts watching. Every file event after this returns is reported.
     *
     * @throws UncheckedIOException when the folders cannot be watched
     */
    SiteWatcher(List<Path> roots, Consumer<Path> changed, Runnable overflow, ExecutorService executor) {
        List<Path> existing = roots.stream().filter(Files::isDirectory).toList();
        try {
            watcher = DirectoryWatcher.builder()
                    .paths(existing)
                    // a pipe is not opened to be hashed: that waits for a writer for ever, and no event comes after
                    .fileHasher(path -> Files.isRegularFile(path) || Files.isDirectory(path)
                            ? FileHasher.DEFAULT_FILE_HASHER.hash(path) : FileHasher.LAST_MODIFIED_TIME.hash(path))
                    .listener(new DirectoryChangeListener() {
                        @Override
                        public void onEvent(DirectoryChangeEvent event) {
                            Path path = event.path();
                            if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || path == null
                                    || path.getFileName() == null) {
                                overflow.run();
                            } else if (!path.getFileName().toString().startsWith(".")) {
                                changed.accept(path);
                            }
                        }

                        @Override
                        public void onException(Exception e) {
                            overflow.run(); // an event was lost (a new folder that could not be watched): look again
                        }
                    })
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + existing + ": " + e.getMessage(), e);
        }
        watcher.watchAsync(executor); // registers every folder before it returns
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // the watcher is going away with the server
        }
    }
}

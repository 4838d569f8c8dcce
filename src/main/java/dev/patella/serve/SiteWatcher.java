package dev.patella.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.hashing.FileHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Watches folders of a project with the operating system's file events (inotify on Linux,
 * FSEvents on macOS), through the directory-watcher library: no polling. Hidden files (editors'
 * swap and lock files) are ignored. When the system drops events, {@code overflow} is called and
 * the whole project must be looked at again; so it is when the watcher reports a failure of its
 * own, after which it goes on watching.
 *
 * <p>A watched folder that is removed and made again ({@code rm -rf content} and a copy back, a
 * {@code mv} out and in, a branch switch) is a new folder the system's events no longer follow.
 * So the project folder itself is watched too, for its watched folders only, not its other
 * contents: when one of them comes or goes, the folders are watched again as they now are, and
 * {@code overflow} is called.
 */
final class SiteWatcher implements AutoCloseable {

    private final Path project;
    private final List<String> folders;
    private final Consumer<Path> changed;
    private final Runnable overflow;
    private final ExecutorService executor;
    private final WatchService projectEvents;
    /** The watcher of the folders as they were last found; replaced when one comes or goes. */
    private DirectoryWatcher watcher;
    private boolean closed;

    /**
     * Starts watching {@code folders} of {@code project}. Every file event after this returns is reported.
     *
     * @throws UncheckedIOException when the folders cannot be watched
     */
    SiteWatcher(Path project, List<String> folders, Consumer<Path> changed, Runnable overflow,
                ExecutorService executor) {
        this.project = project;
        this.folders = List.copyOf(folders);
        this.changed = changed;
        this.overflow = overflow;
        this.executor = executor;
        try {
            projectEvents = project.getFileSystem().newWatchService();
            project.register(projectEvents, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + project + ": " + e.getMessage(), e);
        }
        watcher = watch();
        executor.execute(this::followFolders);
    }

    /** Watches the folders that exist now; the watcher has registered every folder when this returns. */
    private DirectoryWatcher watch() {
        List<Path> existing = folders.stream().map(project::resolve).filter(Files::isDirectory).toList();
        // a folder that is a symbolic link (content -> ../shared/content) is watched where it really is, and its
        // events are told by the name the build reads it under
        Map<Path, Path> named = new LinkedHashMap<>();
        for (Path folder : existing) {
            try {
                named.put(folder.toRealPath(), folder);
            } catch (IOException e) {
                named.put(folder, folder); // gone again already: the next event looks again
            }
        }
        DirectoryWatcher made;
        try {
            made = DirectoryWatcher.builder()
                    .paths(List.copyOf(named.keySet()))
                    // a pipe is not opened to be hashed: that waits for a writer for ever, and no event comes after
                    .fileHasher(path -> Files.isRegularFile(path) || Files.isDirectory(path)
                            ? FileHasher.DEFAULT_FILE_HASHER.hash(path) : FileHasher.LAST_MODIFIED_TIME.hash(path))
                    .listener(new DirectoryChangeListener() {
                        @Override
                        public void onEvent(DirectoryChangeEvent event) {
                            Path path = asNamed(event.path(), named);
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
        made.watchAsync(executor); // registers every folder before it returns
        return made;
    }

    /** {@code path} under the name the build reads its folder by; {@code path} itself outside every folder. */
    private static Path asNamed(Path path, Map<Path, Path> named) {
        if (path != null) {
            for (Map.Entry<Path, Path> folder : named.entrySet()) {
                if (path.startsWith(folder.getKey())) {
                    return folder.getValue().resolve(folder.getKey().relativize(path));
                }
            }
        }
        return path;
    }

    /** Waits for a watched folder to come or go in the project folder, and watches the folders again. */
    private void followFolders() {
        try {
            while (true) {
                WatchKey key = projectEvents.take();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    ours |= event.kind() == StandardWatchEventKinds.OVERFLOW
                            || event.context() instanceof Path name && folders.contains(name.toString());
                }
                if (ours) {
                    watchAgain();
                }
                if (!key.reset()) {
                    projectBack(); // the project folder itself is gone (removed, or moved and put back)
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException | IOException e) {
            // closed with the server, or the project folder cannot be watched again: its error stays shown
        }
    }

    /**
     * The project folder was removed: the build says its folders are missing, and once a folder of that name is
     * there again (a copy put back), it is watched as a new one. Looked for twice a second, only while it is gone.
     */
    private void projectBack() throws InterruptedException, IOException {
        overflow.run();
        while (!Files.isDirectory(project)) {
            Thread.sleep(500);
            synchronized (this) {
                if (closed) {
                    throw new InterruptedException();
                }
            }
        }
        project.register(projectEvents, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
        watchAgain();
    }

    private void watchAgain() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closeQuietly(watcher);
            try {
                watcher = watch();
            } catch (UncheckedIOException e) {
                watcher = null; // cannot be watched as it is now (a folder being removed): the next event tries again
            }
        }
        overflow.run(); // what changed while no watcher followed the folder is found by looking at everything
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(watcher);
        try {
            projectEvents.close();
        } catch (IOException e) {
            // the watcher is going away with the server
        }
    }

    private static void closeQuietly(DirectoryWatcher watcher) {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            // the watcher is going away
        }
    }
}

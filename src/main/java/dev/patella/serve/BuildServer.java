package dev.patella.serve;

import dev.patella.build.ProjectState;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A project's build server: a process that stays up and runs the commands that
 * {@link ServerCall}s hand it, one at a time, so that they find the JVM, the engines and the
 * last build already warm. It listens on a Unix socket in the project's {@code .patella/}
 * folder, readable by its owner only, and holds a lock beside it while it runs, so there is one
 * per project.
 *
 * <p>It stops when closed, after {@code idle} without a command, or when a caller runs another
 * Patella (the jar changed: it must not build with old code), and removes its socket then. A
 * server killed outright leaves its socket behind: callers then find no one answering and build
 * by themselves, and the next server removes it.
 */
public final class BuildServer implements AutoCloseable {

    /** Runs one command line for a caller. */
    public interface Commands {
        /**
         * @param zone   the caller's time zone
         * @param wanted whether the caller still waits for the answer: a build whose caller went
         *               away (Ctrl-C, or it gave up on a server that went quiet and built by itself)
         *               publishes nothing
         * @return the exit code, having printed to {@code out} and {@code err}; empty when the
         *         command is not one this server runs (nothing was done)
         */
        Optional<Integer> run(List<String> args, ZoneId zone, BooleanSupplier wanted, PrintWriter out, PrintWriter err);
    }

    /** Why a server could not start, said for the person who started it. */
    public static final class Refused extends Exception {
        private final boolean running;

        Refused(String message, boolean running) {
            super(message);
            this.running = running;
        }

        /** Whether it was refused because another server runs for the project (else: no socket could be made). */
        public boolean anotherRuns() {
            return running;
        }
    }

    /** The longest socket path Linux and macOS take (their {@code sun_path} holds 108 and 104 bytes). */
    private static final int MAX_SOCKET_PATH = 103;
    /** How often a server looks whether its jar changed. */
    private static final long CODE_CHECK_MILLIS = 500;
    // what it answers, made once: the classes that make them are loaded now, not after the jar changed
    private static final byte[] WORKING = ServerCall.status(ServerCall.Status.WORKING);
    private static final byte[] OTHER_PATELLA = ServerCall.status(ServerCall.Status.OTHER_PATELLA);
    private static final byte[] NOT_MINE = ServerCall.status(ServerCall.Status.NOT_MINE);

    private final ProjectState.ServerFiles files;
    private final String codeVersion;
    private final Commands commands;
    private final PrintWriter log;
    private final LongSupplier nanoTime;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong lastActive;
    private final ScheduledExecutorService idleCheck;
    /** Says "working" to each caller whose command is waiting or running. */
    private final ScheduledExecutorService heartbeat;
    /** The socket file this server made (its file key), so that it never removes another's. */
    private final Object socketKey;
    /** Set as soon as it begins to stop. */
    private volatile boolean stopping;
    /** Why it stopped, for {@link #awaitStop()}; empty when it was closed. */
    private volatile String reason = "";

    private BuildServer(ProjectState.ServerFiles files, Supplier<String> code, Commands commands, PrintWriter log,
                        LongSupplier nanoTime, FileChannel lockChannel, FileLock lock, ServerSocketChannel server,
                        Object socketKey, Duration idle) {
        this.files = files;
        this.codeVersion = code.get();
        this.commands = commands;
        this.log = log;
        this.nanoTime = nanoTime;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socketKey = socketKey;
        this.lastActive = new AtomicLong(nanoTime.getAsLong());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "build server heartbeat"));
        this.idleCheck = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "idle check"));
        long every = Math.max(10, Math.min(idle.toMillis() / 10, 5_000));
        idleCheck.scheduleWithFixedDelay(() -> {
            if (busy.get() == 0 && nanoTime.getAsLong() - lastActive.get() >= idle.toNanos()) {
                stop("no build for " + describe(idle));
            } else if (!ownSocket()) {
                // .patella/ removed (git clean), or the socket replaced: no build can reach it any more
                stop("its socket " + files.socket() + " was removed");
            }
        }, every, every, TimeUnit.MILLISECONDS);
        // a jar rebuilt in place under a running JVM breaks the loading of any class not loaded yet:
        // the server stops before a build or its own stopping needs one
        idleCheck.scheduleWithFixedDelay(() -> {
            if (!codeVersion.equals(code.get())) {
                log.println("patella: Patella was updated (its jar changed): the build server stops");
                stop("Patella was updated");
            }
        }, CODE_CHECK_MILLIS, CODE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        daemon(this::acceptAll, "build server").start();
    }

    /**
     * Starts a server for the project whose {@code .patella/} holds {@code files}.
     *
     * @param code        what identifies the Patella that runs, read again every half second: a
     *                    caller running another is turned away, and the server stops when it changes
     * @param idle        how long it waits for a command before it stops
     * @param log         where it says what it ran
     * @param nanoTime    a monotonic clock for the idle time, {@code System::nanoTime} outside tests
     * @throws Refused when another server runs for the project, or the socket cannot be made there
     */
    public static BuildServer start(ProjectState.ServerFiles files, Supplier<String> code, Duration idle, Commands commands,
                                    PrintWriter log, LongSupplier nanoTime) throws Refused {
        Path socket = files.socket().toAbsolutePath();
        int length = socketLength(files);
        if (length > MAX_SOCKET_PATH) {
            throw new Refused("the project's path is too long for a build server: its socket, " + socket + ", would take "
                    + length + " bytes, and the system takes at most " + MAX_SOCKET_PATH
                    + "; move the project to a shorter path, or build without a server", false);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(files.lock().getParent());
            channel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                channel.close();
                throw new Refused(alreadyRuns(files.lock()), true);
            }
            // who holds it, for bin/patella to tell a running server from a socket a killed one left
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            Files.deleteIfExists(files.socket()); // left by a server that was killed: the lock says none runs
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            Object key;
            try {
                server.bind(UnixDomainSocketAddress.of(files.socket()));
                ownerOnly(files.socket());
                key = fileKey(files.socket());
            } catch (IOException | RuntimeException e) {
                server.close();
                held.release();
                throw e;
            }
            return new BuildServer(files, code, commands, log, nanoTime, channel, held, server, key, idle);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new Refused("cannot listen at " + files.socket() + " (" + e.getMessage()
                    + "); check that the project folder can be written to, or build without a server", false);
        }
    }

    /** What a second server for the project is told: which process holds the lock, and how to stop it. */
    private static String alreadyRuns(Path lock) {
        String holder;
        try {
            holder = Files.readString(lock, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            holder = "";
        }
        if (!holder.isEmpty() && holder.chars().allMatch(Character::isDigit)) {
            return "a build server (process " + holder + ") already runs for this project; builds use it already. "
                    + "To start another, stop that one first: Ctrl-C in its terminal, or kill " + holder;
        }
        return "a build server already runs for this project (it holds " + lock + "); builds use it already. "
                + "To start another, stop that one first (Ctrl-C in its terminal)";
    }

    /** Whether a server's socket for these files fits in the path a socket can have (a project's path may be too long). */
    public static boolean fits(ProjectState.ServerFiles files) {
        return socketLength(files) <= MAX_SOCKET_PATH;
    }

    private static int socketLength(ProjectState.ServerFiles files) {
        return files.socket().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The file's identity (device and inode where the system has them), or its modification time. */
    private static Object fileKey(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.fileKey() != null ? attributes.fileKey() : attributes.lastModifiedTime();
    }

    /** Whether the socket file is still the one this server made. */
    private boolean ownSocket() {
        try {
            return socketKey.equals(fileKey(files.socket()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The socket's permissions: only its owner may connect, and so build in the owner's name. */
    private static void ownerOnly(Path socket) throws IOException {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own rules apply
        }
    }

    /**
     * Waits until the server stops.
     *
     * @return why it stopped, in a few words; empty when it was {@linkplain #close() closed}
     */
    public String awaitStop() throws InterruptedException {
        stopped.await();
        return reason;
    }

    /** Stops listening and removes the socket; a command already running is not waited for. */
    @Override
    public void close() {
        stop("");
    }

    private synchronized void stop(String why) {
        if (stopping) {
            return;
        }
        stopping = true;
        reason = why;
        idleCheck.shutdownNow();
        heartbeat.shutdownNow();
        closeQuietly(server);
        try {
            if (ownSocket()) { // a server started since .patella/ was removed has its own
                Files.deleteIfExists(files.socket());
            }
        } catch (IOException e) {
            // the next server removes it; callers meanwhile find no one answering
        }
        try {
            lockChannel.truncate(0); // no process holds it any more
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
        stopped.countDown();
    }

    private void acceptAll() {
        while (!stopping) {
            SocketChannel caller;
            try {
                caller = server.accept();
            } catch (IOException e) {
                if (!stopping) {
                    log.println("patella: the build server stopped listening: " + e);
                    stop("it could not listen any more");
                }
                return;
            }
            // each caller on its own thread, so one that never says anything holds up no other
            daemon(() -> answer(caller), "build server caller").start();
        }
    }

    private void answer(SocketChannel caller) {
        busy.incrementAndGet();
        ScheduledFuture<?> beat = null;
        try (caller) {
            var in = new DataInputStream(Channels.newInputStream(caller));
            var out = new DataOutputStream(Channels.newOutputStream(caller));
            if (in.readInt() != ServerCall.MAGIC || in.readInt() != ServerCall.PROTOCOL) {
                return; // not a Patella of this protocol: it gets no answer, and builds by itself
            }
            String theirs = ServerCall.readText(in, ServerCall.MAX_ARG);
            String zoneId = ServerCall.readText(in, ServerCall.MAX_ARG);
            List<String> args = ServerCall.readArgs(in);
            if (!theirs.equals(codeVersion)) {
                send(out, OTHER_PATELLA);
                log.println("patella: a build asked for another Patella (the jar changed): the build server stops");
                stop("a build came from another Patella (the jar changed)");
                return;
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(zoneId, ZoneId.SHORT_IDS); // a name as java.util.TimeZone gives it
            } catch (DateTimeException e) {
                send(out, NOT_MINE);
                return;
            }
            // "working" now and every second, while it waits for another build and while it builds:
            // a caller that hears nothing for a while (this server stopped with Ctrl-Z) builds by itself
            beat = heartbeat.scheduleAtFixedRate(() -> {
                try {
                    send(out, WORKING);
                } catch (IOException e) {
                    // the caller went away; the build goes on and its answer finds no one
                }
            }, 0, 1, TimeUnit.SECONDS);
            // the caller sends nothing more: the end of what it sends is the caller gone (read from the
            // channel itself: its streams hold a lock while they wait, which the answer's writes need)
            var gone = new AtomicBoolean();
            daemon(() -> {
                try {
                    var ignored = ByteBuffer.allocate(64);
                    while (caller.read(ignored.clear()) >= 0) {
                        // nothing more is asked
                    }
                } catch (IOException e) {
                    // closed: the answer was sent, or the caller went away
                }
                gone.set(true);
            }, "build server caller gone").start();
            var printed = new StringWriter();
            var errors = new StringWriter();
            Optional<Integer> code;
            synchronized (commands) {
                code = commands.run(args, zone, () -> !gone.get(), new PrintWriter(printed, true),
                        new PrintWriter(errors, true));
            }
            beat.cancel(false);
            if (code.isEmpty()) {
                send(out, NOT_MINE);
                return;
            }
            log.println(summary(code.get(), printed.toString(), errors.toString()));
            send(out, ServerCall.ran(code.get(), printed.toString(), errors.toString()));
        } catch (IOException e) {
            // the caller went away (Ctrl-C): what was built stays built
        } catch (Throwable e) { // a bug, or no memory left: the caller builds by itself, and this server stops
            log.println("patella: the build server stops after an internal error: " + e);
            stop("an internal error");
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
            lastActive.set(nanoTime.getAsLong());
            busy.decrementAndGet();
        }
    }

    /** Writes a status or an answer whole, never in the middle of another (the heartbeat writes too). */
    private static void send(DataOutputStream out, byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /**
     * One line for the server's own terminal: the command's summary; for content errors (exit 1)
     * the last line said, which counts them; for other failures the first, which says what went wrong.
     */
    private static String summary(int code, String out, String err) {
        String text = code == 0 ? out : err;
        String line = text.strip().lines().reduce((first, second) -> code == 1 ? second : first).orElse("");
        return "exit " + code + (line.isEmpty() ? "" : ": " + line);
    }

    private static String describe(Duration idle) {
        long minutes = idle.toMinutes();
        return minutes > 0 && idle.equals(Duration.ofMinutes(minutes))
                ? minutes + (minutes == 1 ? " minute" : " minutes") : idle.toMillis() + " ms";
    }

    private static Thread daemon(Runnable runnable, String name) {
        var thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to do
        }
    }
}

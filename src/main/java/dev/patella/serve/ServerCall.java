package dev.patella.serve;

import dev.patella.build.ProjectState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command handed to a project's {@link BuildServer} over its Unix socket, and the answer:
 * what the command printed and its exit code. Light on purpose: a {@code patella build} that
 * finds a server loads little more than this class before it prints the answer.
 *
 * <p>The question: the protocol's magic number and version, the caller's Patella (the size and
 * time of its jar), its time zone, then the command line. The answer: a status, then for {@link Status#RAN} the
 * exit code, standard output and standard error.
 */
public final class ServerCall {

    /** "PTLA", then the protocol's version. */
    static final int MAGIC = 0x50544C41;
    static final int PROTOCOL = 1;
    /** The longest text either side sends (a command's output), beyond which the call is refused. */
    static final int MAX_TEXT = 64 << 20;
    /** The longest argument, Patella version or zone a server reads. */
    static final int MAX_ARG = 64 << 10;

    /** What a server did with a command. */
    public enum Status {
        /** It ran the command; the answer holds its exit code and output. */
        RAN,
        /** It runs another Patella (the jar changed since it started): it did nothing and stops. */
        OTHER_PATELLA,
        /** The command is not one it runs (another project, another command): it did nothing. */
        NOT_MINE,
        /** It is working on the command (said at once, then every second): more is to come. */
        WORKING
    }

    /**
     * A server's answer; {@code code}, {@code out} and {@code err} are only meaningful when it ran
     * the command. {@code silent} is true when a server took the command but then said nothing
     * for {@link #SILENCE_MILLIS} (stopped with Ctrl-Z, or stuck): its status is then
     * {@code WORKING}, and the caller builds by itself.
     */
    public record Answer(Status status, int code, String out, String err) {
        public boolean silent() {
            return status == Status.WORKING;
        }
    }

    /** How long a caller waits for a word from a server that took its command (which says one every second). */
    static final long SILENCE_MILLIS = 5_000;

    private ServerCall() {
    }

    /**
     * Whether a server may listen for the project: its socket is there (one left by a killed server
     * too). A build checks this first, before it makes the question, which costs it a little.
     */
    public static boolean mayListen(ProjectState.ServerFiles server) {
        return Files.exists(server.socket(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Hands {@code args} to the server listening at {@code server}'s socket.
     *
     * @param codeVersion what identifies the caller's Patella
     * @param zone        the caller's time zone id (today's date is the caller's)
     * @return empty when no server answers there (none started, or it stopped without removing its
     *         socket, or it stopped during the command: then the command may or may not have run);
     *         a {@linkplain Answer#silent() silent} answer when one took the command and went quiet
     */
    public static Optional<Answer> ask(ProjectState.ServerFiles server, String codeVersion, String zone,
                                       List<String> args) {
        Path socket = server.socket();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                removeIfAbandoned(server);
                return Optional.empty();
            }
            var out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeInt(MAGIC);
            out.writeInt(PROTOCOL);
            writeText(out, codeVersion);
            writeText(out, zone);
            out.writeInt(args.size());
            for (String arg : args) {
                writeText(out, arg);
            }
            out.flush();
            var in = new DataInputStream(Channels.newInputStream(channel));
            var heard = new AtomicInteger();
            var silent = new AtomicBoolean();
            Thread watch = new Watch(channel, heard, silent); // a class, not a lambda: see BuildRequest
            watch.setDaemon(true);
            watch.start();
            try {
                int status;
                do {
                    status = in.readInt();
                    heard.incrementAndGet();
                } while (status == Status.WORKING.ordinal());
                if (status < 0 || status >= Status.values().length) {
                    return Optional.empty();
                }
                if (status != Status.RAN.ordinal()) {
                    return Optional.of(new Answer(Status.values()[status], 0, "", ""));
                }
                int code = in.readInt();
                return Optional.of(new Answer(Status.RAN, code, readText(in), readText(in)));
            } catch (IOException e) {
                return silent.get() ? Optional.of(new Answer(Status.WORKING, 0, "", "")) : Optional.empty();
            } finally {
                watch.interrupt();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no server there, or it went away: the caller builds by itself
        }
    }

    /** Runs {@link #closeWhenSilent} while the caller waits. */
    private static final class Watch extends Thread {
        private final SocketChannel channel;
        private final AtomicInteger heard;
        private final AtomicBoolean silent;

        Watch(SocketChannel channel, AtomicInteger heard, AtomicBoolean silent) {
            super("build server watch");
            this.channel = channel;
            this.heard = heard;
            this.silent = silent;
        }

        @Override
        public void run() {
            closeWhenSilent(channel, heard, silent);
        }
    }

    /** Closes the channel when nothing was heard from the server for {@link #SILENCE_MILLIS}, which ends the wait. */
    private static void closeWhenSilent(SocketChannel channel, AtomicInteger heard, AtomicBoolean silent) {
        try {
            while (true) {
                int before = heard.get();
                Thread.sleep(SILENCE_MILLIS);
                if (heard.get() == before) {
                    silent.set(true);
                    channel.close();
                    return;
                }
            }
        } catch (InterruptedException | IOException e) {
            // the answer came, or the channel is closed anyway
        }
    }

    /**
     * Removes the socket a killed server left, when no server holds the lock beside it (a server
     * starting takes the lock before it makes its socket), so that later builds do not try it.
     */
    private static void removeIfAbandoned(ProjectState.ServerFiles server) {
        try (FileChannel lock = FileChannel.open(server.lock(), StandardOpenOption.WRITE)) {
            FileLock held = lock.tryLock();
            if (held != null) {
                try (held) {
                    Files.deleteIfExists(server.socket());
                }
            }
        } catch (IOException | RuntimeException e) {
            // it stays; each build then tries it once more, which costs little
        }
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInputStream in) throws IOException {
        return readText(in, MAX_TEXT);
    }

    static String readText(DataInputStream in, int max) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > max) {
            throw new IOException("a text of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Reads a question's command line (after its magic number, version, Patella and zone). */
    static List<String> readArgs(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 64) {
            throw new IOException(count + " arguments");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            args.add(readText(in, MAX_ARG));
        }
        return args;
    }

    /** The bytes of a status alone (every status but {@code RAN}). */
    static byte[] status(Status status) {
        int n = status.ordinal();
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /** The bytes of an answer that ran. */
    static byte[] ran(int code, String out, String err) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var data = new DataOutputStream(bytes);
        data.writeInt(Status.RAN.ordinal());
        data.writeInt(code);
        writeText(data, out);
        writeText(data, err);
        data.flush();
        return bytes.toByteArray();
    }
}

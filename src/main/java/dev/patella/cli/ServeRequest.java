package dev.patella.cli;

import dev.patella.diag.FileFailure;
import dev.patella.serve.DevServer;
import dev.patella.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code patella serve} with its options read (see {@link ServeCommand} for their meaning). It
 * runs until the process is stopped, or until the thread running it is interrupted (as tests do).
 */
record ServeRequest(Path project, int port, String host, boolean drafts) implements Request {

    /**
     * Settings of the JDK's web server, which it reads once per process, when the first server
     * starts; this command owns its process, so it sets them (unless the user set them with -D).
     * <ul>
     * <li>{@code nodelay}: the server sends a response's headers and its body as two writes;
     * without TCP_NODELAY the body waits for the client's delayed ACK of the headers, 40 ms on
     * Linux, on every request of a kept-alive connection (22 requests a second per connection).
     * <li>{@code maxReqTime}: the server reads a request's headers on one of its few threads and
     * by default waits for them forever, so a handful of connections that never finish a request
     * would stop it answering anyone. After 5 s such a connection is closed.
     * </ul>
     */
    static final Map<String, String> JDK_SERVER = Map.of("sun.net.httpserver.nodelay", "true",
            "sun.net.httpserver.maxReqTime", "5");

    private static final String COMMAND = "patella serve";

    /**
     * Why the preview cannot listen on {@code host}: it must be an address of this computer (or a name
     * for one), which the operating system would otherwise refuse with words about the port.
     *
     * @return empty when it is one
     */
    static Optional<String> hostProblem(String host) {
        if (host.isBlank()) {
            return Optional.of("--host is empty; give an address of this computer: 127.0.0.1 (the default, this "
                    + "computer only) or 0.0.0.0 (every network interface)");
        }
        if (host.startsWith("[") || host.endsWith("]")) {
            return Optional.of("--host " + host + " has the brackets an address takes in a web address; write it "
                    + "without them: --host " + host.replace("[", "").replace("]", ""));
        }
        String why;
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return Optional.empty();
            }
            why = "is not an address of this computer";
        } catch (UnknownHostException e) {
            why = "is not an address (nor a name this computer can look up)";
        } catch (IOException e) {
            why = "cannot be checked (" + e.getMessage() + ")";
        }
        return Optional.of("--host " + host + " " + why + "; the preview listens on an address of this computer: "
                + "127.0.0.1 (the default, this computer only) or 0.0.0.0 (every network interface, to show it to "
                + "other machines)");
    }

    @Override
    public int run(Clock clock, PrintWriter out, PrintWriter err) {
        Optional<String> projectProblem = CommandLineMistakes.projectProblem(project);
        if (projectProblem.isPresent()) {
            return CommandLineMistakes.error(err, COMMAND, projectProblem.get());
        }
        if (port < 0 || port > 65535) {
            return CommandLineMistakes.error(err, COMMAND, "--port must be from 0 to 65535, not " + port);
        }
        Optional<String> hostProblem = hostProblem(host);
        if (hostProblem.isPresent()) {
            return CommandLineMistakes.error(err, COMMAND, hostProblem.get());
        }
        // nothing at all where content/ belongs: the wrong folder, which no save could mend (a file or a dead link
        // there is a located error the preview shows until it is fixed)
        Path home = project.toAbsolutePath().normalize();
        if (Files.notExists(home.resolve("content"), LinkOption.NOFOLLOW_LINKS)) {
            return CommandLineMistakes.error(err, COMMAND, "there is no content/ folder in " + home
                    + ": start the preview in a project's folder, or name it with --project DIR");
        }
        JDK_SERVER.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        DevServer server;
        try {
            server = DevServer.start(ServeOptions.of(project, host, port, drafts, LocalDate.now(clock)), System::nanoTime,
                    out, err);
        } catch (BindException e) {
            err.println("patella: cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); another "
                    + "program may be using the port: choose another with --port, or --port 0 for any free one");
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("patella: " + FileFailure.of(e).getMessage());
            return ExitCode.FAILURE;
        } catch (IOException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        out.println("Serving " + project.toAbsolutePath().normalize() + " at " + server.url());
        out.println("Watching content/ and templates/" + (drafts ? ", drafts shown" : "")
                + ". Press Ctrl-C to stop.");
        out.flush();
        var stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "patella-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the server
            }
            server.close();
            out.println("Stopped.");
            out.flush();
        }
        return ExitCode.OK;
    }
}

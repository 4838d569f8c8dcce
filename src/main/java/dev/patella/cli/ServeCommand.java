package dev.patella.cli;

import dev.patella.diag.FileFailure;
import dev.patella.serve.DevServer;
import dev.patella.serve.ServeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella serve}: a live preview that rebuilds on every save. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a live preview of the site and rebuilds it on every save.",
                "Open pages reload by themselves; errors are shown over the page until the file is fixed.",
                "Nothing is written to the project. Press Ctrl-C to stop."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:the command line is wrong, or the port is in use",
                "3:a file could not be read"})
final class ServeCommand implements Callable<Integer> {

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

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port to serve on (default: 8080; 0 picks a free one).")
    private int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: 127.0.0.1, this computer only).")
    private String host;

    @Option(names = "--drafts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show pages marked draft: true (the default); --no-drafts shows the site as published.")
    private boolean drafts;

    /** Released when the server should stop; tests stop it by interrupting the command's thread. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    ServeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path project = projectOption.existing(spec.commandLine());
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be from 0 to 65535, not " + port);
        }
        JDK_SERVER.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        DevServer server;
        try {
            var options = ServeOptions.of(project, host, port, drafts, LocalDate.now(clock));
            server = DevServer.start(options, System::nanoTime, out, err);
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

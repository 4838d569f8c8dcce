package dev.patella.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella serve}: a live preview that rebuilds on every save. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a live preview of the site and rebuilds it on every save.",
                "Open pages reload by themselves; errors are shown over the page until the file is fixed.",
                "Nothing is written to the project. Press Ctrl-C to stop."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"2:the command line is wrong, the port is in use, or there is no content/ folder",
                "3:a file could not be read",
                "130:stopped with Ctrl-C (143 with kill)"})
final class ServeCommand implements Callable<Integer> {

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

    ServeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return new ServeRequest(projectOption.path(), port, host, drafts).run(clock, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

package dev.patella.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella build-server}: keeps Patella warm for one project, so that its builds take a fraction of the time. */
@Command(name = "build-server", mixinStandardHelpOptions = true,
        description = {"Keeps Patella running for one project, so that its builds take a fraction of the time.",
                "Each `bin/patella build` of the project hands its work to this server, which holds the last build in "
                        + "memory and makes again only what changed; the site it writes is the one a build without it "
                        + "writes.",
                "It makes the site once in memory when it starts (writing nothing), and stops after --idle-minutes "
                        + "without a build, or when Patella is updated. Press Ctrl-C to stop it sooner."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by itself (idle, or Patella updated)", "1:a build server already runs for this project",
                "2:the command line is wrong", "3:the server's socket could not be made in DIR/.patella",
                "130:stopped with Ctrl-C (143 with kill)"})
final class BuildServerCommand implements Callable<Integer> {

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "30",
            description = "Stop after N minutes without a build (default: 30).")
    private int idleMinutes;

    BuildServerCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return new BuildServerRequest(projectOption.path(), idleMinutes).run(clock, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

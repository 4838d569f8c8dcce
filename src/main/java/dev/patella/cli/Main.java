package dev.patella.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code patella} command. The only class that ends the process. */
@Command(name = "patella", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds a static patient-education website from Markdown and YAML content, and publishes it.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err, Clock.systemDefaultZone()));
    }

    /**
     * Runs a command as the process would, without exiting.
     *
     * @param clock gives today's date for review checks
     * @return the exit code (see {@link ExitCode})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        var cli = new CommandLine(new Main());
        cli.addSubcommand("build", new BuildCommand(clock));
        cli.addSubcommand("serve", new ServeCommand(clock));
        cli.addSubcommand("new", new NewCommand(clock));
        cli.addSubcommand("check", new CheckCommand(clock));
        cli.addSubcommand("publish", new PublishCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("patella: " + e.getMessage());
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("patella: internal error (this is a bug in Patella, please report it):");
            e.printStackTrace(err);
            return ExitCode.FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, for example: patella build");
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"patella " + (v == null ? "(development build)" : v)};
        }
    }
}

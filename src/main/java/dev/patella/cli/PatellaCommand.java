package dev.patella.cli;

import java.io.PrintWriter;
import java.time.Clock;
import dev.patella.diag.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code patella} command as picocli reads it: help, the version, every mistake and the
 * command lines {@link CommonCommandLine} leaves to it. {@link Main} starts here only when needed,
 * since picocli's classes cannot be kept in the JVM's class-data archive and it builds every
 * command's model on each start.
 */
@Command(name = "patella", mixinStandardHelpOptions = true, versionProvider = PatellaCommand.Version.class,
        description = "Builds a static patient-education website from Markdown and YAML content, and publishes it.",
        synopsisSubcommandLabel = "COMMAND")
final class PatellaCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Reads and runs any command line, as {@link Main#run} does. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        var cli = new CommandLine(new PatellaCommand());
        cli.addSubcommand("build", new BuildCommand(clock));
        cli.addSubcommand("serve", new ServeCommand(clock));
        cli.addSubcommand("build-server", new BuildServerCommand(clock));
        cli.addSubcommand("new", new NewCommand(clock));
        cli.addSubcommand("check", new CheckCommand(clock));
        cli.addSubcommand("publish", new PublishCommand());
        cli.addSubcommand("translated", new TranslatedCommand(clock));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
        cli.setParameterExceptionHandler((e, a) -> CommandLineMistakes.error(err,
                e.getCommandLine().getCommandSpec().qualifiedName(), message(e, a)));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> CommandLineMistakes.internalError(err, e));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The mistake in words: picocli's, but for an option given with its opposite ({@code --delete
     * --no-delete}), which it calls given twice.
     */
    private static String message(CommandLine.ParameterException e, String[] args) {
        if (e instanceof CommandLine.OverwrittenOptionException twice
                && twice.getOverwritten() instanceof CommandLine.Model.OptionSpec option && option.negatable()) {
            String name = option.longestName();
            String opposite = "--no-" + name.substring(2);
            if (Arrays.asList(args).contains(name) && Arrays.asList(args).contains(opposite)) {
                return name + " and " + opposite + " say opposite things; give only one of them";
            }
        }
        return misspelt(e).orElse(e.getMessage());
    }

    /**
     * A command or option that is not one: the one it most likely misspells ({@code biuld},
     * {@code --strcit}), or the list of commands for a word that misspells none.
     */
    private static Optional<String> misspelt(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
        if (word.startsWith("--")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> names = command.options().stream().flatMap(o -> Arrays.stream(o.names()))
                    .filter(n -> n.startsWith("--")).toList();
            return names.contains(name) ? Optional.empty() // an option given after "--"
                    : Suggestions.closest(name, names)
                    .map(near -> "Unknown option: '" + name + "'; did you mean '" + near + "'?");
        }
        if (word.startsWith("-") || command.subcommands().isEmpty() || unmatched.getUnmatched().size() > 1
                && command.subcommands().containsKey(unmatched.getUnmatched().get(1))) {
            return Optional.empty();
        }
        List<String> commands = List.copyOf(command.subcommands().keySet());
        return Optional.of("'" + word + "' is not a command; " + Suggestions.closest(word, commands)
                .map(near -> "did you mean '" + near + "'?")
                .orElse("the commands are " + String.join(", ", commands)));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, for example: patella build");
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Main.version()};
        }
    }
}

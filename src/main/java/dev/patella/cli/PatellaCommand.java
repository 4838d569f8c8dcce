package dev.patella.cli;

import java.io.PrintWriter;
import java.time.Clock;
import dev.patella.diag.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        cli.addSubcommand("help", new CommandLine.HelpCommand());
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
        if (e.getCause() instanceof CommandLine.TypeConversionException
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                && (option.type() == int.class || option.type() == Integer.class)) {
            // picocli says "'abc' is not an int", and so of a number too large for one
            String name = option.longestName();
            return e.getValue() != null && e.getValue().matches("[0-9]+")
                    ? name + " is too large: " + e.getValue() + (name.equals("--port") ? "; a port is from 0 to 65535" : "")
                    : name + " takes a whole number, as in " + name + " "
                    + Optional.ofNullable(option.defaultValue()).orElse("1") + ", not '" + e.getValue() + "'";
        }
        return misspelt(e, args).orElse(e.getMessage());
    }

    /**
     * A command or option that is not one: the one it most likely misspells ({@code biuld},
     * {@code --strcit}), or the list of commands for a word that misspells none.
     */
    private static Optional<String> misspelt(CommandLine.ParameterException e, String[] args) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = unmatched.getUnmatched();
        String word = words.get(0);
        CommandLine.Model.CommandSpec command = e.getCommandLine().getCommandSpec();
        if (word.startsWith("\u2014") || word.startsWith("\u2013")) {
            // "—strict": a word processor made the two hyphens one dash
            return Optional.of("'" + word + "' starts with a long dash, as a document turns \"--\" into; type two "
                    + "hyphens: '--" + word.substring(1) + "'");
        }
        if (word.startsWith("--")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> names = optionNames(command);
            if (names.contains(name)) {
                return Optional.empty(); // an option given after "--"
            }
            if (!command.subcommands().isEmpty()) {
                // "patella --project x build": options come after the command
                Optional<String> named = Arrays.stream(args).filter(command.subcommands()::containsKey).findFirst();
                if (named.isPresent()) {
                    return Optional.of("options come after the command: bin/patella " + named.get() + " "
                            + String.join(" ", Arrays.stream(args).filter(w -> !w.equals(named.get())).toList()));
                }
            }
            List<String> starting = names.stream().filter(n -> n.startsWith(name)).toList();
            Optional<String> near = starting.size() == 1 ? Optional.of(starting.get(0))
                    : Suggestions.closest(name, names);
            if (near.isPresent()) {
                return Optional.of("Unknown option: '" + name + "'; did you mean '" + near.get() + "'?");
            }
            // "build --to x": an option of another command
            var root = e.getCommandLine().getParent() == null ? null : e.getCommandLine().getParent().getSubcommands();
            if (root != null) {
                List<String> owners = root.entrySet().stream()
                        .filter(c -> optionNames(c.getValue().getCommandSpec()).contains(name))
                        .map(Map.Entry::getKey).toList();
                if (!owners.isEmpty()) {
                    return Optional.of("'" + name + "' is an option of " + String.join(" and ", owners) + ", not of "
                            + command.name());
                }
            }
            return Optional.empty();
        }
        if (!word.startsWith("-") && command.subcommands().isEmpty() && command.positionalParameters().isEmpty()) {
            return Optional.of(command.qualifiedName() + " takes only options (words starting with --), not '" + word
                    + "'");
        }
        if (word.startsWith("-") || command.subcommands().isEmpty() || words.size() > 1
                && command.subcommands().containsKey(words.get(1))) {
            return Optional.empty();
        }
        List<String> commands = List.copyOf(command.subcommands().keySet());
        return Optional.of("'" + word + "' is not a command; " + Suggestions.closest(word, commands)
                .map(near -> "did you mean '" + near + "'?")
                .orElse("the commands are " + String.join(", ", commands)));
    }

    /** The long names of a command's options ({@code --project}). */
    private static List<String> optionNames(CommandLine.Model.CommandSpec command) {
        return command.options().stream().flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--"))
                .toList();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, for example: bin/patella build");
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Main.version()};
        }
    }
}

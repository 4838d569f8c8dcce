package dev.patella.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the everyday command lines without picocli: {@code --version} alone, and {@code build},
 * {@code check}, {@code serve}, {@code build-server} or {@code translated} followed only by their own options (and
 * {@code translated}'s files), each at most once, as
 * {@code --name value} or {@code --name=value}. Anything else (help, a mistake, a value that
 * starts with {@code -} or {@code @}, a repeated option, {@code new}, {@code publish}) is left to
 * picocli, which says what it always said; {@code CommandLineTest} pins that both agree.
 */
final class CommonCommandLine {

    private static final Set<String> BUILD_VALUES = Set.of("--project", "--output", "--base-url");
    private static final Set<String> BUILD_FLAGS = Set.of("--drafts", "--strict");
    private static final Set<String> CHECK_VALUES = Set.of("--project");
    private static final Set<String> CHECK_FLAGS = Set.of("--strict");
    private static final Set<String> SERVE_VALUES = Set.of("--project", "--port", "--host");
    private static final Set<String> TRANSLATED_VALUES = Set.of("--project", "--all");
    private static final Set<String> SERVE_FLAGS = Set.of("--drafts", "--no-drafts");
    private static final Set<String> SERVER_VALUES = Set.of("--project", "--idle-minutes");
    /** A whole number picocli reads the same way (no sign, no leading zero, no overflow); compiled when first used. */
    private static final class WholeNumber {
        static final Pattern PATTERN = Pattern.compile("0|[1-9][0-9]{0,8}");
    }

    private CommonCommandLine() {
    }

    /** @return the request, or empty when picocli should read this command line */
    static Optional<Request> read(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return Optional.of(new Version());
        }
        if (args.length == 0) {
            return Optional.empty();
        }
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return Optional.empty(); // picocli reads arguments from the file named after @
            }
        }
        // no lambdas or regular expressions on the way to a build: a build handed to a build server
        // loads little else, and the first lambda a JVM meets costs it several milliseconds
        Optional<Map<String, String>> options;
        return switch (args[0]) {
            case "build" -> (options = options(args, BUILD_VALUES, BUILD_FLAGS)).isPresent() ? build(options.get())
                    : Optional.empty();
            case "check" -> options(args, CHECK_VALUES, CHECK_FLAGS).flatMap(CommonCommandLine::check);
            case "serve" -> options(args, SERVE_VALUES, SERVE_FLAGS).flatMap(CommonCommandLine::serve);
            case "translated" -> translated(args);
            case "build-server" -> options(args, SERVER_VALUES, Set.of()).flatMap(CommonCommandLine::buildServer);
            default -> Optional.empty();
        };
    }

    /**
     * @return each option given after the command, a flag mapped to "" (and {@code --no-drafts}
     *         to {@code --drafts} with value "no"); empty when this is not a plain command line
     */
    private static Optional<Map<String, String>> options(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals > 0 && arg.startsWith("--") ? arg.substring(0, equals) : arg;
            String value;
            if (flags.contains(name) && equals < 0) {
                value = name.startsWith("--no-") ? "no" : "";
                name = name.startsWith("--no-") ? "--" + name.substring("--no-".length()) : name;
            } else if (valued.contains(name)) {
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return Optional.empty();
                }
                if (value.isEmpty() || value.startsWith("-")) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
            if (given.put(name, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(given);
    }

    private static Optional<Request> build(Map<String, String> options) {
        Optional<Path> project = path(options.getOrDefault("--project", "."));
        Optional<Path> output = options.containsKey("--output") ? path(options.get("--output")) : Optional.empty();
        if (project.isEmpty() || options.containsKey("--output") && output.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BuildRequest(project.get(), output, Optional.ofNullable(options.get("--base-url")),
                options.containsKey("--drafts"), options.containsKey("--strict")));
    }

    private static Optional<Request> check(Map<String, String> options) {
        return path(options.getOrDefault("--project", "."))
                .map(project -> new CheckRequest(project, options.containsKey("--strict")));
    }

    private static Optional<Request> serve(Map<String, String> options) {
        String port = options.getOrDefault("--port", "8080");
        if (!WholeNumber.PATTERN.matcher(port).matches()) {
            return Optional.empty();
        }
        return path(options.getOrDefault("--project", ".")).map(project -> new ServeRequest(project,
                Integer.parseInt(port), options.getOrDefault("--host", "127.0.0.1"),
                !"no".equals(options.get("--drafts"))));
    }

    /**
     * {@code build-server}: also kept from picocli, whose classes a server would load when it stops,
     * after its jar may have been rebuilt under it (such a class no longer loads).
     */
    private static Optional<Request> buildServer(Map<String, String> options) {
        String idle = options.getOrDefault("--idle-minutes", "30");
        if (!WholeNumber.PATTERN.matcher(idle).matches()) {
            return Optional.empty();
        }
        return path(options.getOrDefault("--project", "."))
                .map(project -> new BuildServerRequest(project, Integer.parseInt(idle)));
    }

    /**
     * {@code translated} with files or {@code --all CODE} (one of them), and {@code --project} at most
     * once; a file or value that starts with {@code -} is left to picocli.
     */
    private static Optional<Request> translated(String[] args) {
        Map<String, String> given = new HashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                files.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!TRANSLATED_VALUES.contains(name)) {
                return Optional.empty();
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || given.put(name, value) != null) {
                return Optional.empty();
            }
        }
        if (files.isEmpty() == !given.containsKey("--all")) {
            return Optional.empty(); // neither or both: picocli says which
        }
        return path(given.getOrDefault("--project", ".")).map(project -> new TranslatedRequest(project, files,
                Optional.ofNullable(given.get("--all"))));
    }

    /** @return the path, or empty when this system cannot name it (picocli then says so) */
    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** {@code patella --version}. */
    private record Version() implements Request {
        @Override
        public int run(Clock clock, PrintWriter out, PrintWriter err) {
            out.println(Main.version());
            return ExitCode.OK;
        }
    }
}

package dev.patella;

import dev.patella.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Tiny projects for tests: the minimal fixture site, overlaid with a case's files, with the real templates. */
public final class TestSites {

    /** The project being tested: tests run from its root. */
    public static final Path PROJECT = Paths.get("").toAbsolutePath();
    public static final Path FIXTURES = PROJECT.resolve("src/test/resources/sites");
    /** The tests' today: no earlier than any review date in the test sites and the shipped content. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    /** {@link #CLOCK}'s day. */
    public static final LocalDate TODAY = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);

    private static final Pattern HEADLINE =
            Pattern.compile("^(\\S+):(\\d+):(\\d+): (error|warning): (.*) \\[([a-z0-9.-]+)\\]$", Pattern.MULTILINE);

    private TestSites() {
    }

    /** A project in {@code dir} made of the {@code minimal} fixture with each named fixture laid over it in turn. */
    public static Path project(Path dir, String... overlays) {
        copyTree(FIXTURES.resolve("minimal"), dir);
        copyTree(PROJECT.resolve("templates"), dir.resolve("templates"));
        for (String overlay : overlays) {
            copyTree(FIXTURES.resolve(overlay), dir);
        }
        return dir;
    }

    /**
     * Gives each of {@code languages} a message file in the project's templates where it has none:
     * a copy of the English one, so that a test site in a language Patella does not ship words
     * for builds (its pages' own words stay English; its content is in its language).
     */
    public static Path withMessages(Path project, String... languages) {
        Path dir = project.resolve("templates/messages");
        for (String language : languages) {
            Path file = dir.resolve(language + ".properties");
            try {
                if (!Files.exists(file)) {
                    Files.copy(dir.resolve("en.properties"), file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return project;
    }

    /** A copy of the shipped project (content and templates) in {@code dir}. */
    public static Path shipped(Path dir) {
        copyTree(PROJECT.resolve("content"), dir.resolve("content"));
        copyTree(PROJECT.resolve("templates"), dir.resolve("templates"));
        return dir;
    }

    /** A copy of the shipped project in {@code dir} with the named fixture laid over its content. */
    public static Path shippedWith(Path dir, String overlay) {
        shipped(dir);
        copyTree(FIXTURES.resolve(overlay), dir);
        return dir;
    }

    /** Runs the command line as a user would, with the fixed test clock. */
    public static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK);
        return new Run(code, out.toString(), err.toString());
    }

    /** The result of one command. */
    public record Run(int exitCode, String out, String err) {

        /** Each diagnostic headline on stderr as "severity code file:line:col". */
        public List<String> diagnostics() {
            List<String> found = new ArrayList<>();
            Matcher m = HEADLINE.matcher(err);
            while (m.find()) {
                found.add(m.group(4) + " " + m.group(6) + " " + m.group(1) + ":" + m.group(2) + ":" + m.group(3));
            }
            return found;
        }

        public List<String> errors() {
            return diagnostics().stream().filter(d -> d.startsWith("error ")).toList();
        }

        /** The message of the first diagnostic with this code; fails when there is none. */
        public String message(String code) {
            Matcher m = HEADLINE.matcher(err);
            while (m.find()) {
                if (m.group(6).equals(code)) {
                    return m.group(5);
                }
            }
            throw new AssertionError("no diagnostic " + code + " in:\n" + err);
        }

        /** The messages of every diagnostic with this code, in the order printed. */
        public List<String> messages(String code) {
            List<String> found = new ArrayList<>();
            Matcher m = HEADLINE.matcher(err);
            while (m.find()) {
                if (m.group(6).equals(code)) {
                    found.add(m.group(5));
                }
            }
            return found;
        }
    }

    /** Every file under {@code root} by relative path, with its bytes. */
    public static Map<String, byte[]> snapshot(Path root) {
        var files = new TreeMap<String, byte[]>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The search index the default language's search page loads ({@code assets/search-index.<hash>.json}):
     * a site in several languages has one index per language, so the file is found through the page.
     */
    public static Path searchIndex(Path site) {
        Matcher m = Pattern.compile("search-index\\.[0-9a-f]{10}\\.json")
                .matcher(read(site.resolve("search/index.html")));
        if (!m.find()) {
            throw new AssertionError("search/index.html names no search-index.<hash>.json");
        }
        return site.resolve("assets").resolve(m.group());
    }

    /** Copies the folder {@code from} into {@code to}, leaving out fixtures' {@code expected.txt}. */
    public static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!file.getFileName().toString().equals("expected.txt")) {
                        Path target = to.resolve(from.relativize(file).toString());
                        if (Files.isDirectory(target)) {
                            deleteTree(target); // an overlay's file in place of a folder of the base site
                        }
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it. */
    public static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

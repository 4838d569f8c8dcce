package dev.patella.build;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One error fixture under {@code src/test/resources/sites/errors/<name>/}, as its
 * {@code expected.txt} describes it.
 *
 * @param command     the command to run, {@code build} unless a line {@code $ check} says otherwise
 * @param removed     files of the minimal site to delete first (lines {@code - path})
 * @param diagnostics the diagnostics it must give, as "severity code file:line:column"
 * @param says        words the messages must contain, together (lines {@code > words}): what the
 *                    editor is told, for a fix that changes the words rather than the position
 */
public record ErrorFixture(String name, List<String> command, List<String> removed, List<String> diagnostics,
                           List<String> says) {

    public static final Path ROOT = TestSites.FIXTURES.resolve("errors");

    public static ErrorFixture read(String name) {
        List<String> command = List.of("build");
        List<String> removed = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        List<String> says = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(ROOT.resolve(name).resolve("expected.txt"))) {
                if (line.startsWith("$ ")) {
                    command = Arrays.asList(line.substring(2).trim().split("\\s+"));
                } else if (line.startsWith("- ")) {
                    removed.add(line.substring(2).trim());
                } else if (line.startsWith("> ")) {
                    says.add(line.substring(2).trim());
                } else if (!line.isBlank()) {
                    diagnostics.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ErrorFixture(name, List.copyOf(command), List.copyOf(removed), List.copyOf(diagnostics),
                List.copyOf(says));
    }

    /** Every fixture, by name. */
    public static List<ErrorFixture> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().map(ErrorFixture::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The codes of the diagnostics it expects. */
    public List<String> codes() {
        return diagnostics.stream().map(d -> d.split(" ")[1]).toList();
    }
}

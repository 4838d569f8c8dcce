package dev.patella.build;

import dev.patella.diag.FileFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The outcome of a project's most recent build, kept in {@code .patella/last-build} so that
 * {@code publish} can refuse to send a site whose latest build failed.
 *
 * @param succeeded whether the build replaced the site
 * @param errors    the number of errors it reported (0 when it succeeded)
 */
public record LastBuild(boolean succeeded, int errors) {

    static final String FILE = ".patella/last-build";

    /**
     * Records this outcome for {@code project}, replacing the previous one.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(Path project) {
        Path file = project.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("last-build.tmp");
            Files.writeString(tmp, "result=" + (succeeded ? "succeeded" : "failed") + "\nerrors=" + errors + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw FileFailure.writing(file, e);
        }
    }

    /**
     * Reads the outcome of {@code project}'s last build.
     *
     * @return empty when the project has never been built with a Patella that records it, or when
     *         the record cannot be read
     */
    public static Optional<LastBuild> find(Path project) {
        String text;
        try {
            text = Files.readString(project.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        boolean succeeded = text.lines().anyMatch("result=succeeded"::equals);
        boolean failed = text.lines().anyMatch("result=failed"::equals);
        if (succeeded == failed) {
            return Optional.empty();
        }
        int errors = text.lines().filter(l -> l.startsWith("errors=")).findFirst()
                .map(l -> l.substring("errors=".length())).filter(n -> n.matches("\\d{1,9}"))
                .map(Integer::parseInt).orElse(0);
        return Optional.of(new LastBuild(succeeded, errors));
    }
}

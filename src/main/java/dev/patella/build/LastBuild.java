package dev.patella.build;

import dev.patella.diag.FileFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a project's most recent build, kept in its {@link ProjectState} so that
 * {@code publish} can refuse to send a site whose latest build failed.
 *
 * @param succeeded whether the build replaced the site
 * @param errors    the number of errors it reported (0 when it succeeded)
 */
public record LastBuild(boolean succeeded, int errors) {

    /**
     * Records this outcome for {@code project}, replacing the previous one.
     *
     * @throws FileFailure when the note cannot be written
     */
    public void save(Path project) {
        try {
            new ProjectState(project).write(ProjectState.Note.LAST_BUILD,
                    List.of("result=" + (succeeded ? "succeeded" : "failed"), "errors=" + errors));
        } catch (IOException e) {
            throw FileFailure.writing(project.resolve(ProjectState.DIR), e);
        }
    }

    /**
     * Reads the outcome of {@code project}'s last build.
     *
     * @return empty when the project has never been built with a Patella that records it, or when
     *         the record cannot be read
     */
    public static Optional<LastBuild> find(Path project) {
        return new ProjectState(project).read(ProjectState.Note.LAST_BUILD).flatMap(lines -> {
            boolean succeeded = lines.contains("result=succeeded");
            boolean failed = lines.contains("result=failed");
            if (succeeded == failed) {
                return Optional.empty();
            }
            int errors = lines.stream().filter(l -> l.matches("errors=\\d{1,9}")).findFirst()
                    .map(l -> Integer.parseInt(l.substring("errors=".length()))).orElse(0);
            return Optional.of(new LastBuild(succeeded, errors));
        });
    }
}

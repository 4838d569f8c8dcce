package dev.patella.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one build is asked to do.
 *
 * @param project         the folder holding {@code content/} and {@code templates/}
 * @param output          where the site is published, {@code project/site} by default
 * @param baseUrlOverride replaces {@code base_url} from {@code site.yaml} when present
 * @param drafts          whether pages marked {@code draft: true} are built
 * @param strict          whether warnings that need an editor's attention (an overdue review) are errors
 * @param today           the date used for review-due checks; comes from a clock so tests can fix it
 */
public record BuildOptions(Path project, Path output, Optional<URI> baseUrlOverride, boolean drafts, boolean strict,
                           LocalDate today) {

    public BuildOptions {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(baseUrlOverride, "baseUrlOverride");
        Objects.requireNonNull(today, "today");
    }

    /** Options for building {@code project} into its own {@code site/} folder. */
    public static BuildOptions defaults(Path project, LocalDate today) {
        return new BuildOptions(project, project.resolve("site"), Optional.empty(), false, false, today);
    }

    public Path contentDir() {
        return project.resolve("content");
    }

    public Path templatesDir() {
        return project.resolve("templates");
    }
}

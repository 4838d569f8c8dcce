package dev.patella.serve;

import dev.patella.diag.Diagnostic;
import dev.patella.output.SiteFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server shows at one moment: the latest build's files, the last build without errors
 * (for pages the latest could not make), and the errors to show over every page.
 *
 * @param id          changes whenever what is served changes; pages reload when it does
 * @param latest      the files of the latest build
 * @param lastGood    the files of the latest build that had no errors, if any
 * @param errors      the errors of the latest build; empty when it has none
 * @param overlayHtml the error overlay, ready to put in a page; empty when there are no errors
 */
record Snapshot(long id, SiteFiles latest, Optional<SiteFiles> lastGood, List<Diagnostic> errors,
                String overlayHtml) {

    static final Snapshot EMPTY = new Snapshot(0, new SiteFiles(Map.of(), Map.of()),
            Optional.empty(), List.of(), "");

    /** A file made in memory, by site path; falls back to the last good build while there are errors. */
    Optional<byte[]> generated(String sitePath) {
        byte[] bytes = latest.generated().get(sitePath);
        if (bytes == null && !errors.isEmpty()) {
            bytes = lastGood.map(g -> g.generated().get(sitePath)).orElse(null);
        }
        return Optional.ofNullable(bytes);
    }

    /**
     * A file copied from the project, by site path; falls back like {@link #generated}. A picture
     * the build refuses ({@code image.wrong-type}, {@code image.unsafe-svg}: a web page or a script
     * saved in {@code content/images/}) is not served: the build would never publish it, and from
     * the preview's own address it would run as the preview's page or script.
     */
    Optional<Path> copied(String sitePath) {
        Path path = latest.copied().get(sitePath);
        if (path == null && !errors.isEmpty()) {
            path = lastGood.map(g -> g.copied().get(sitePath)).orElse(null);
        }
        return Optional.ofNullable(path).filter(file -> !refused(file));
    }

    private boolean refused(Path file) {
        return errors.stream().anyMatch(e -> e.code().startsWith("image.") && !e.at().file().isEmpty()
                && file.endsWith(e.at().file()));
    }

    boolean has(String sitePath) {
        return generated(sitePath).isPresent() || copied(sitePath).isPresent();
    }
}

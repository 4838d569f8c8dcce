package dev.patella.build;

import dev.patella.config.BuildOptions;
import dev.patella.source.QuickHash;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.FileFailure;
import dev.patella.diag.Severity;
import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the last successful build of a project, in its {@link ProjectState} (ignored by
 * git), so that a build whose inputs have not changed since can stop at once.
 *
 * <p>The inputs are fingerprinted the way {@code make} does, by each file's size and modification
 * time (to the nanosecond) rather than by reading it: every file under {@code content/} and
 * {@code templates/}, the build options
 * (output, base URL, drafts, strictness), today's date (review warnings depend on it) and the
 * Patella jar itself. The warnings of the remembered build are kept with it and shown again.
 */
final class BuildCache {

    /** What a remembered build made: its page and file counts and its warnings. */
    record Remembered(int pages, int files, List<Diagnostic> warnings) {
    }

    private final ProjectState state;
    private final String fingerprint;
    private final Map<Path, String> stamps;
    private final boolean links;

    private BuildCache(ProjectState state, String fingerprint, Map<Path, String> stamps, boolean links) {
        this.state = state;
        this.fingerprint = fingerprint;
        this.stamps = stamps;
        this.links = links;
    }

    /**
     * Fingerprints the inputs of a build.
     *
     * @throws UncheckedIOException when a content or template file cannot be read
     */
    static BuildCache of(BuildOptions options) {
        try {
            QuickHash digest = new QuickHash();
            update(digest, "options " + options.output().toAbsolutePath().normalize() + " "
                    + options.baseUrlOverride().map(Object::toString).orElse("-") + " " + options.drafts() + " "
                    + options.strict() + " " + options.today());
            update(digest, "patella " + codeVersion());
            Map<Path, String> stamps = new HashMap<>();
            boolean[] links = {false};
            for (Path root : List.of(options.contentDir(), options.templatesDir())) {
                if (!Files.isDirectory(root)) {
                    update(digest, "missing " + root);
                    continue;
                }
                // each file's path, size and modification time (to the nanosecond), in path order:
                // reading every file's bytes made an unchanged 4,000-page build twice as slow
                var files = new TreeMap<String, String>();
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                        String stamp = a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                        files.put(options.project().relativize(p).toString(), stamp);
                        stamps.put(p.toAbsolutePath().normalize(), stamp);
                        links[0] |= a.isSymbolicLink();
                        return FileVisitResult.CONTINUE;
                    }
                });
                files.forEach((path, stamp) -> update(digest, "file " + path + " " + stamp));
            }
            return new BuildCache(new ProjectState(options.project()), digest.hex(), Map.copyOf(stamps), links[0]);
        } catch (IOException e) {
            throw FileFailure.of(FileFailure.Action.LIST, options.project(), e);
        }
    }

    /**
     * The files that differ between {@code before} and these inputs: added, removed, or with
     * another size or modification time. Anything, when either holds a symbolic link.
     */
    Changes changedSince(BuildCache before) {
        if (links || before.links) {
            return Changes.everything(); // a link's own time says nothing of the file it names
        }
        Set<Path> changed = new HashSet<>();
        stamps.forEach((path, stamp) -> {
            if (!stamp.equals(before.stamps.get(path))) {
                changed.add(path);
            }
        });
        before.stamps.keySet().stream().filter(path -> !stamps.containsKey(path)).forEach(changed::add);
        return Changes.of(changed);
    }

    /** @return the remembered build, when it had exactly these inputs; empty otherwise (a damaged note too) */
    Optional<Remembered> lookup() {
        return state.read(ProjectState.Note.BUILD_CACHE).flatMap(this::parse);
    }

    private Optional<Remembered> parse(List<String> lines) {
        if (lines.size() < 2 || !lines.get(0).equals("fingerprint " + fingerprint)
                || !lines.get(1).matches("counts \\d{1,9} \\d{1,9}")) {
            return Optional.empty();
        }
        String[] counts = lines.get(1).split(" ");
        List<Diagnostic> warnings = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split("\t", 5);
            if (f.length < 5 || !f[2].matches("\\d{1,9}") || !f[3].matches("\\d{1,9}")) {
                return Optional.empty(); // a damaged note is only a slower build
            }
            warnings.add(Diagnostic.warning(f[0], new SourceSpan(f[1], Integer.parseInt(f[2]),
                    Integer.parseInt(f[3])), f[4]));
        }
        return Optional.of(new Remembered(Integer.parseInt(counts[1]), Integer.parseInt(counts[2]), warnings));
    }

    /** Remembers a successful build with these inputs; a failure to write is ignored (the cache is optional). */
    void remember(int pages, int files, List<Diagnostic> diagnostics) {
        List<String> lines = new ArrayList<>(List.of("fingerprint " + fingerprint, "counts " + pages + " " + files));
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.WARNING && d.via().isEmpty()) {
                lines.add(d.code() + "\t" + d.at().file() + "\t" + d.at().line() + "\t" + d.at().column() + "\t"
                        + d.message().replace('\n', ' '));
            }
        }
        try {
            state.write(ProjectState.Note.BUILD_CACHE, lines);
        } catch (IOException e) {
            // the next build is only slower
        }
    }

    /** Forgets the remembered build, so that the next build runs in full. */
    void forget() {
        try {
            state.delete(ProjectState.Note.BUILD_CACHE);
        } catch (IOException e) {
            // a stale entry cannot match: its fingerprint differs
        }
    }

    private static void update(QuickHash digest, String text) {
        digest.add(text);
    }

    /** The size and time of the jar (or classes folder) Patella runs from: a new Patella is a new input. */
    static String codeVersion() {
        try {
            Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return "unknown"; // then only the other inputs decide
        }
    }
}

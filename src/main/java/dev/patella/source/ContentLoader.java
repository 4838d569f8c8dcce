package dev.patella.source;

import dev.patella.config.SiteConfig;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Prose;
import dev.patella.model.Site;
import dev.patella.model.StaticFile;
import dev.patella.model.Unreadable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads everything under {@code content/} into a {@link Site}, reporting every problem it finds
 * (it does not stop at the first). Files are read in parallel; the result does not depend on
 * the order they finish in. Build once, use for many loads.
 */
public final class ContentLoader {

    private final YamlReader yaml = new YamlReader();

    /**
     * @param project the project root; file names in diagnostics are relative to it
     * @return the site, or empty when {@code site.yaml} could not be read (the other files are
     *         still read and their problems reported)
     * @throws UncheckedIOException when a folder cannot be listed or a file cannot be read
     */
    public Optional<Site> load(Path project, Diagnostics diagnostics) {
        var files = new ProjectFiles(project);
        Path content = files.content();
        if (!Files.isDirectory(content)) {
            diagnostics.error("file.missing", SourceSpan.startOf("content"), "there is no content/ folder in "
                    + project.toAbsolutePath().normalize() + "; run Patella from the project folder or pass --project");
            return Optional.empty();
        }
        Optional<SiteConfig> config = readYaml(files, "site.yaml", true, diagnostics)
                .flatMap(root -> SiteConfigReader.read(root, diagnostics));
        int interval = config.map(SiteConfig::reviewIntervalMonths).orElse(SiteConfig.DEFAULT_REVIEW_INTERVAL_MONTHS);
        int errors = diagnostics.errorCount();
        var people = readYaml(files, "people.yaml", true, diagnostics)
                .map(root -> PeopleReader.read(root, diagnostics)).orElse(List.of());
        boolean peopleUnreadable = diagnostics.errorCount() > errors;
        errors = diagnostics.errorCount();
        var references = readYaml(files, "sources.yaml", true, diagnostics)
                .map(root -> ReferencesReader.read(root, diagnostics)).orElse(List.of());
        boolean sourcesUnreadable = diagnostics.errorCount() > errors;
        var conditionReader = new ConditionReader(interval);
        var exerciseReader = new ExerciseReader(interval);
        List<Condition> conditions = readAll(files, "conditions", diagnostics,
                doc -> conditionReader.read(doc, diagnostics));
        List<Exercise> exercises = readAll(files, "exercises", diagnostics,
                doc -> exerciseReader.read(doc, diagnostics));
        Set<String> unreadable = new HashSet<>(files.stems("exercises"));
        exercises.forEach(e -> unreadable.remove(e.slug()));
        List<Page> pages = readAll(files, "pages", diagnostics, doc -> PageReader.read(doc, diagnostics));
        List<StaticFile> images = files.staticFiles("images", diagnostics);
        files.reportStrayFiles(diagnostics);
        var gaps = new Unreadable(unreadable, peopleUnreadable, sourcesUnreadable);
        return config.map(c -> new Site(c, people, references, conditions, exercises, pages, images, gaps));
    }

    private Optional<YNode> readYaml(ProjectFiles files, String name, boolean required, Diagnostics diagnostics) {
        Path path = files.content().resolve(name);
        String rel = files.relative(path);
        if (!Files.exists(path)) {
            if (required) {
                diagnostics.error("file.missing", SourceSpan.startOf(rel), "the file " + rel + " is missing; "
                        + "create it (the README's content format section shows what goes in it)");
            }
            return Optional.empty();
        }
        if (!files.checkInside(path, diagnostics)) {
            return Optional.empty();
        }
        return TextDecoder.decode(read(path), rel, diagnostics).flatMap(text -> {
            if (text.isBlank()) {
                diagnostics.error("file.empty", SourceSpan.startOf(rel), "the file " + rel + " is empty; "
                        + "the README's content format section shows what goes in it");
                return Optional.empty();
            }
            return yaml.read(text, rel, 1, diagnostics);
        });
    }

    private <T> List<T> readAll(ProjectFiles files, String folder, Diagnostics diagnostics,
                                Function<ContentDocument, Optional<T>> reader) {
        return files.markdownFiles(folder, diagnostics).parallelStream()
                .map(path -> document(files, path, diagnostics).flatMap(reader))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<ContentDocument> document(ProjectFiles files, Path path, Diagnostics diagnostics) {
        String rel = files.relative(path);
        String stem = path.getFileName().toString().replaceFirst("\\.md$", "");
        return document(read(path), rel, stem, diagnostics);
    }

    /** Decodes and splits one Markdown content file; empty when it has errors (reported). */
    Optional<ContentDocument> document(byte[] bytes, String rel, String stem, Diagnostics diagnostics) {
        return TextDecoder.decode(bytes, rel, diagnostics)
                .flatMap(text -> FrontMatter.split(text, rel, diagnostics))
                .flatMap(fm -> yaml.read(fm.yaml(), rel, fm.yamlFirstLine(), diagnostics).flatMap(node -> {
                    if (node instanceof YNode.YMap map) {
                        var body = new Prose(fm.body(), new SourceSpan(rel, fm.bodyFirstLine(), 1));
                        return Optional.of(new ContentDocument(rel, stem, map, body));
                    }
                    diagnostics.error("schema.wrong-type", node.at(), "the front matter must be key: value lines, "
                            + "but it is " + node.kind());
                    return Optional.empty();
                }));
    }

    /** The file's bytes; a file over the size limit is not read: its first bytes are enough to be refused. */
    private static byte[] read(Path path) {
        try {
            if (Files.size(path) > TextDecoder.MAX_BYTES) {
                try (var in = Files.newInputStream(path)) {
                    return in.readNBytes(TextDecoder.MAX_BYTES + 1);
                }
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Lists and vets the files of a project's content folder. */
    private static final class ProjectFiles {
        private static final List<String> KNOWN_ROOT = List.of("site.yaml", "people.yaml", "sources.yaml",
                "conditions", "exercises", "pages", "images");

        private final Path project;
        private final Path content;
        private final Path realContent;

        ProjectFiles(Path project) {
            this.project = project.toAbsolutePath().normalize();
            this.content = this.project.resolve("content");
            this.realContent = realPath(content);
        }

        Path content() {
            return content;
        }

        String relative(Path path) {
            return project.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }

        /** False (reported) when a symbolic link takes {@code path} outside the content folder. */
        boolean checkInside(Path path, Diagnostics diagnostics) {
            if (realContent == null || realPath(path) == null || !realPath(path).startsWith(realContent)) {
                diagnostics.error("path.outside-content", SourceSpan.startOf(relative(path)), relative(path)
                        + " is a link to a file outside the content/ folder; copy the file into content/ instead");
                return false;
            }
            return true;
        }

        List<Path> markdownFiles(String folder, Diagnostics diagnostics) {
            List<Path> out = new ArrayList<>();
            for (Path path : list(content.resolve(folder))) {
                if (Files.isDirectory(path) || !path.getFileName().toString().endsWith(".md")) {
                    diagnostics.warning("content.unknown-file", SourceSpan.startOf(relative(path)),
                            relative(path) + " is not a .md file, so it is ignored; move it out of content/"
                                    + folder + "/ or rename it to end in .md");
                } else if (checkInside(path, diagnostics)) {
                    out.add(path);
                }
            }
            return out;
        }

        /** The names, without {@code .md}, of the Markdown files in a folder. */
        List<String> stems(String folder) {
            return list(content.resolve(folder)).stream().map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md")).map(n -> n.substring(0, n.length() - 3)).toList();
        }

        List<StaticFile> staticFiles(String folder, Diagnostics diagnostics) {
            Path root = content.resolve(folder);
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> !Files.isDirectory(p))
                        .sorted()
                        .filter(p -> checkInside(p, diagnostics))
                        .map(p -> new StaticFile(content.relativize(p).toString().replace('\\', '/'), p))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }

        void reportStrayFiles(Diagnostics diagnostics) {
            for (Path path : list(content)) {
                String name = path.getFileName().toString();
                if (!KNOWN_ROOT.contains(name) && !name.startsWith(".")) {
                    diagnostics.warning("content.unknown-file", SourceSpan.startOf(relative(path)), relative(path)
                            + " is not part of the content format, so it is ignored; the README lists what "
                            + "content/ can hold");
                }
            }
        }

        private static List<Path> list(Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(Path::toString)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }

        private static Path realPath(Path path) {
            try {
                return path.toRealPath();
            } catch (IOException e) {
                return null;
            }
        }
    }
}

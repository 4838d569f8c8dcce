package dev.patella.source;

import com.ibm.icu.util.ULocale;
import dev.patella.config.SiteConfig;
import dev.patella.diag.DeadLink;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.GlossaryTerm;
import dev.patella.model.Page;
import dev.patella.model.Person;
import dev.patella.model.Prose;
import dev.patella.model.Reference;
import dev.patella.model.Site;
import dev.patella.model.StaticFile;
import dev.patella.model.TranslatedPerson;
import dev.patella.model.Translation;
import dev.patella.model.UnreadEntries;
import dev.patella.model.Unreadable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads everything under {@code content/} into a {@link Site}, reporting every problem it finds
 * (it does not stop at the first). Files are read in parallel; the result does not depend on
 * the order they finish in. Build once, use for many loads.
 *
 * <p>With a {@link SourceCache}, a load opens only the files the cache was told have changed
 * (and new ones), and parses only those whose bytes really changed; every other file's earlier
 * result and diagnostics are reused.
 */
public final class ContentLoader {

    private static final String GLOSSARY = "glossary.yaml";
    private static final String PEOPLE = "people.yaml";

    private final YamlReader yaml = new YamlReader();
    /** The base URL the settings are read with instead of their own ({@code --base-url}); empty for theirs. */
    private final Optional<URI> baseUrlOverride;

    /** Where Markdown files parsed in an earlier run are looked up, and this run's are left; null for none. */
    private volatile ParsedDocuments documents;
    /** The review interval of the last load's settings, which exercises are read with; -1 before a load that read them. */
    private volatile int lastInterval = -1;

    /**
     * Looks Markdown content files up in {@code parsed} before parsing them, and leaves there
     * those parsed now (see {@link ParsedDocuments}).
     */
    public void keepDocumentsIn(ParsedDocuments parsed) {
        this.documents = parsed;
    }

    /** A loader that reads the site's settings as they are written. */
    public ContentLoader() {
        this(Optional.empty());
    }

    /** @param baseUrlOverride a base URL to publish under instead of the one {@code site.yaml} gives */
    public ContentLoader(Optional<URI> baseUrlOverride) {
        this.baseUrlOverride = baseUrlOverride;
    }

    /**
     * Reads every file.
     *
     * @param project the project root; file names in diagnostics are relative to it
     * @return the site, or empty when {@code site.yaml} could not be read at all (the other files
     *         are still read and their problems reported); a setting of it that is missing or wrong
     *         is reported and the site is read with that setting's default or a stand-in, so that
     *         the whole site is checked (its errors keep it from being published)
     * @throws UncheckedIOException when a folder cannot be listed or a file cannot be read
     */
    public Optional<Site> load(Path project, Diagnostics diagnostics) {
        return load(project, diagnostics, new SourceCache());
    }

    /** The folders of {@code content/} whose names are language codes ICU knows: each may hold a translation. */
    private static Set<String> languageFolders(Path content) {
        try (Stream<Path> listed = Files.list(content)) {
            return listed.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") && SiteConfigReader.knownLanguage(name))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            return Set.of(); // only a hint is lost: the folder's own read reports what is wrong with it
        }
    }

    /**
     * Reads the files that changed since the last load with {@code cache}, and reuses the rest.
     *
     * @return the same as {@link #load(Path, Diagnostics)}; the diagnostics include those of
     *         unchanged files
     * @throws UncheckedIOException when a folder cannot be listed or a file cannot be read
     */
    public Optional<Site> load(Path project, Diagnostics diagnostics, SourceCache cache) {
        var files = new ProjectFiles(project);
        Path content = files.content();
        if (!Folders.check(content, "content", "the site's content (site.yaml and the content folders)",
                diagnostics)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(content)) {
            diagnostics.error("file.missing", SourceSpan.startOf("content"), "there is no content/ folder in "
                    + project.toAbsolutePath().normalize() + "; put it back if it was moved or deleted (with git: git "
                    + "checkout -- content), or run Patella from the project folder or pass --project");
            return Optional.empty();
        }
        var run = new Run(files, cache, cache.beginLoad(), diagnostics);
        files.listWith(run.marks, cache);
        // a setting that is missing or wrong is reported and stands in with its default, so that the
        // rest of the site is still checked in this run (the build fails on the error all the same)
        Optional<Settings> settings = run.yaml("site.yaml", (node, d) -> new Settings(
                SiteConfigReader.readAll(node, d, FieldLog.NONE, languageFolders(content)),
                SiteConfigReader.languagesAt(node)));
        Optional<SiteConfigReader.Read> read = settings.flatMap(Settings::read);
        Optional<SiteConfig> config = read.map(SiteConfigReader.Read::config)
                .map(c -> baseUrlOverride.map(c::withBaseUrl).orElse(c));
        Map<String, SourceSpan> languagesAt = settings.map(Settings::languagesAt).orElse(Map.of());
        int interval = config.map(SiteConfig::reviewIntervalMonths).orElse(SiteConfig.DEFAULT_REVIEW_INTERVAL_MONTHS);
        lastInterval = config.isPresent() ? interval : -1;
        // an entry with a mistake is left out and named, so that only what names no entry at all is unknown
        EntriesRead<Person> people = run.yaml("people.yaml", PeopleReader::read).orElseGet(EntriesRead::nothing);
        String siteLanguage = config.map(SiteConfig::language).orElse("en");
        EntriesRead<Reference> references = run.yaml("sources.yaml",
                (node, d) -> ReferencesReader.read(node, siteLanguage, d)).orElseGet(EntriesRead::nothing);
        var conditionReader = new ConditionReader(interval);
        var exerciseReader = new ExerciseReader(interval);
        List<Condition> conditions = run.markdown("conditions", interval, conditionReader::read);
        List<Exercise> exercises = run.markdown("exercises", interval, exerciseReader::read);
        List<Page> pages = run.markdown("pages", 0, PageReader::read);
        List<StaticFile> images = files.staticFiles("images", diagnostics);
        images.forEach(image -> run.image(image.file()));
        // the glossary is optional: a site without one has no glossary page
        Optional<GlossaryRead> glossaryRead = Files.exists(files.content().resolve(GLOSSARY))
                ? run.yaml(GLOSSARY, (node, d) -> new GlossaryRead(GlossaryReader.read(node, d), idsOf(node)))
                : Optional.empty();
        List<GlossaryTerm> glossary = glossaryRead.map(GlossaryRead::terms).orElse(List.of());
        // a translated glossary keeps these ids; unknown when the file is missing or could not be read
        Optional<Set<String>> glossaryIds = glossaryRead.map(GlossaryRead::ids).filter(ids -> !ids.isEmpty());
        List<String> others = config.map(c -> c.languages().others()).orElse(List.of());
        List<Translation> translations = others.stream()
                .map(code -> translation(run, code, interval, languagesAt.get(code), glossaryIds)).toList();
        files.reportStrayFiles(config.map(SiteConfig::languages), read.map(SiteConfigReader.Read::languagesKnown)
                .orElse(false), diagnostics);
        cache.endLoad(run.seen);
        // by file name: a file read with a slug of its own is not unreadable, so what names it by its file name is checked
        var gaps = new Unreadable(files.unread("exercises", exercises.stream().map(e -> e.origin().file()).toList()),
                files.unread("conditions", conditions.stream().map(c -> c.origin().file()).toList()),
                files.unread("pages", pages.stream().map(p -> p.origin().file()).toList()), people.unread(),
                references.unread(), files.notFolders, files.refused);
        return config.map(c -> new Site(c, people.read(), references.read(), conditions, exercises, pages, images,
                gaps, glossary, translations));
    }

    /**
     * Reads one plain page's, exercise's or condition's Markdown file alone, with the settings of the last
     * {@link #load} with {@code cache} (its review interval), and leaves what it parsed in the
     * cache for the next load. For a preview that shows the page before the whole site is loaded
     * again: the caller makes sure nothing but the file's body changed.
     *
     * @param file a file of {@code content/pages/}, {@code content/exercises/} or {@code content/conditions/}
     * @return the page, exercise or condition, or empty when the file is in another folder, is not a file, or
     *         gave a problem of any kind (the next load reports it)
     */
    public Optional<Object> readAlone(Path project, Path file, SourceCache cache) {
        var files = new ProjectFiles(project);
        Path path = file.toAbsolutePath().normalize();
        Path folder = path.getParent();
        if (lastInterval < 0 || folder == null || !path.getFileName().toString().endsWith(".md")
                || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        var diagnostics = new Diagnostics(Integer.MAX_VALUE);
        var run = new Run(files, cache, new SourceCache.Marks(false, Set.of(path)), diagnostics);
        Optional<?> read;
        if (folder.equals(files.content().resolve("pages"))) {
            read = run.parse("pages", 0, PageReader::read, path);
        } else if (folder.equals(files.content().resolve("exercises"))) {
            read = run.parse("exercises", lastInterval, new ExerciseReader(lastInterval)::read, path);
        } else if (folder.equals(files.content().resolve("conditions"))) {
            read = run.parse("conditions", lastInterval, new ConditionReader(lastInterval)::read, path);
        } else {
            return Optional.empty();
        }
        return diagnostics.sorted().isEmpty() ? read.map(Object.class::cast) : Optional.empty();
    }

    /**
     * Reads {@code content/<code>/}: its settings texts (required), and the conditions, exercises,
     * plain pages, glossary and people's words translated into {@code code}, each with its source's schema. A
     * translated file whose source does not exist is reported and left out.
     */
    private Translation translation(Run run, String code, int interval, SourceSpan listedAt,
                                    Optional<Set<String>> glossaryIds) {
        Path folder = run.files.content().resolve(code);
        if (!Files.exists(folder) && listedAt != null) {
            noFolder(run.files, code, listedAt, run.diagnostics);
            return new Translation(code, Optional.empty(), List.of(), List.of(), List.of(), List.of());
        }
        Optional<SiteConfig.EditionText> text = run.yaml(code + "/site.yaml", SiteConfigReader::readText)
                .flatMap(t -> t);
        var conditionReader = new ConditionReader(interval);
        var exerciseReader = new ExerciseReader(interval);
        List<Translation.Orphan> orphans = new ArrayList<>();
        List<Condition> conditions = run.translated(code, "conditions", interval, conditionReader::read, orphans);
        List<Exercise> exercises = run.translated(code, "exercises", interval, exerciseReader::read, orphans);
        List<Page> pages = run.translated(code, "pages", 0, PageReader::read, orphans);
        String glossaryName = code + "/" + GLOSSARY;
        List<GlossaryTerm> glossary = Files.exists(run.files.content().resolve(glossaryName))
                ? run.yaml(glossaryName, glossaryIds, (node, d) -> GlossaryReader.readTranslated(
                        withoutTranslatedFrom(node, d), glossaryIds, d)).orElse(List.of()) : List.of();
        String peopleName = code + "/" + PEOPLE;
        List<TranslatedPerson> people = Files.exists(run.files.content().resolve(peopleName))
                ? run.yaml(peopleName, (node, d) -> PeopleReader.readTranslated(withoutTranslatedFrom(node, d),
                        "content/" + peopleName, d)).orElse(List.of()) : List.of();
        var unread = new Unreadable(
                run.files.unreadTranslations(code, "exercises", exercises.stream().map(e -> e.origin().file()).toList(),
                        run.unreadFiles),
                run.files.unreadTranslations(code, "conditions", conditions.stream().map(c -> c.origin().file()).toList(),
                        run.unreadFiles),
                run.files.unreadTranslations(code, "pages", pages.stream().map(p -> p.origin().file()).toList(),
                        run.unreadFiles),
                UnreadEntries.none(), UnreadEntries.none(), Set.of(), Set.of());
        return new Translation(code, text, conditions, exercises, pages, glossary, unread, people, orphans);
    }

    /**
     * Reports, at the line of {@code site.yaml} that lists it, a language whose folder
     * {@code content/<code>/} does not exist: its translations have nowhere to be. A folder of the
     * same language under another code ({@code content/es/} for {@code es-ES}) is named, as that
     * is most often what was meant.
     */
    private static void noFolder(ProjectFiles files, String code, SourceSpan at, Diagnostics diagnostics) {
        String language = ULocale.forLanguageTag(code).getLanguage();
        String near = ProjectFiles.list(files.content()).stream().filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()).filter(name -> !name.equals(code)
                        && ULocale.forLanguageTag(name).getLanguage().equals(language)
                        && Files.exists(files.content().resolve(name).resolve("site.yaml")))
                .sorted().findFirst().orElse("");
        String fix = near.isEmpty()
                ? "create content/" + code + "/ and put the translated texts of site.yaml in content/" + code
                        + "/site.yaml (the README's Languages section says what goes in it), or remove \"" + code
                        + "\" from the list"
                : "the translations are in content/" + near + "/, so write \"" + near + "\" here, or rename the "
                        + "folder content/" + near + "/ to content/" + code + "/";
        diagnostics.error("file.missing", at, "the language \"" + code + "\" in \"languages\" has no folder content/"
                + code + "/ for its translations (the folder's name is the code exactly as written here); " + fix);
    }

    /** The glossary's terms that read, and the ids it gives, those of terms that did not read too. */
    private record GlossaryRead(List<GlossaryTerm> terms, Set<String> ids) {
    }

    /** The top-level keys of a YAML file; empty when it is no mapping. */
    private static Set<String> idsOf(YNode node) {
        return node instanceof YNode.YMap map ? Set.copyOf(map.entries().keySet()) : Set.of();
    }

    /** The settings of {@code site.yaml}, and where each code of its {@code languages} list is written. */
    private record Settings(Optional<SiteConfigReader.Read> read, Map<String, SourceSpan> languagesAt) {
    }

    /**
     * A translation's front matter without {@code translated_from}: the version of its source it was
     * made from, which the translation check reads and the readers of content need not know.
     */
    private static YNode withoutTranslatedFrom(YNode node, Diagnostics diagnostics) {
        if (!(node instanceof YNode.YMap map)) {
            return node;
        }
        var entries = new LinkedHashMap<>(map.entries());
        if (entries.remove(TRANSLATED_FROM) == null) {
            // "translated_form:": that line misspelt, not an unknown key of the schema's
            TranslationDocument.misspeltStamp(map).ifPresent(e -> {
                entries.remove(e.key());
                diagnostics.error("schema.unknown-key", e.keyAt(), "unknown key \"" + e.key() + "\" in a "
                        + "translation; did you mean \"" + TRANSLATED_FROM + "\"? That line is written by a command, "
                        + "never by hand: delete it, check the translation against its source, and run "
                        + "bin/patella translated " + e.keyAt().file());
            });
        }
        return entries.size() == map.entries().size() ? node : new YNode.YMap(entries, map.at());
    }

    private static final String TRANSLATED_FROM = "translated_from";

    /** One load: reads through the cache and replays the diagnostics of files it reuses. */
    private final class Run {
        private final ProjectFiles files;
        private final SourceCache cache;
        private final SourceCache.Marks marks;
        private final Diagnostics diagnostics;
        private final Set<Path> seen = ConcurrentHashMap.newKeySet();
        /** The content paths of the Markdown files read that gave an error, in every folder read so far. */
        private final Set<String> unreadFiles = new HashSet<>();
        /** The bytes and fingerprint of each file read for its fingerprint and not yet parsed: read and hashed once. */
        private final Map<Path, byte[][]> readBytes = new ConcurrentHashMap<>();

        Run(ProjectFiles files, SourceCache cache, SourceCache.Marks marks, Diagnostics diagnostics) {
            this.files = files;
            this.cache = cache;
            this.marks = marks;
            this.diagnostics = diagnostics;
        }

        /** Reads a required YAML file of the content root; empty when it is missing or unreadable (reported). */
        <T> Optional<T> yaml(String name, BiFunction<YNode, Diagnostics, T> reader) {
            return yaml(name, 0, reader);
        }

        /** Like {@link #yaml(String, BiFunction)}, for a reader whose result also depends on {@code variant}. */
        <T> Optional<T> yaml(String name, Object variant, BiFunction<YNode, Diagnostics, T> reader) {
            Path path = files.content().resolve(name);
            String rel = files.relative(path);
            if (!Files.exists(path)) {
                diagnostics.error("file.missing", SourceSpan.startOf(rel), "the file " + rel + " is missing; "
                        + "create it (the README's content format section shows what goes in it)");
                return Optional.empty();
            }
            Optional<T> value = cached(path, variant, d -> {
                if (!files.checkInside(path, d)) {
                    return Optional.empty();
                }
                return TextDecoder.decode(ContentLoader.read(path), rel, d).flatMap(text -> {
                    if (text.isBlank()) {
                        d.error("file.empty", SourceSpan.startOf(rel), "the file " + rel + " is empty; "
                                + "the README's content format section shows what goes in it");
                        return Optional.empty();
                    }
                    return yaml.read(text, rel, 1, d).filter(root -> {
                        boolean nothing = root instanceof YNode.YScalar scalar && scalar.isNull()
                                || root instanceof YNode.YMap map && map.entries().isEmpty();
                        if (nothing) {
                            d.error("file.empty", SourceSpan.startOf(rel), "the file " + rel + " holds only comments "
                                    + "or blank lines; the README's content format section shows what goes in it");
                            return false;
                        }
                        return true;
                    });
                }).map(root -> reader.apply(root, d));
            });
            return value;
        }

        /**
         * Reads the Markdown files of {@code content/<code>/<folder>/}, leaving out those whose source
         * {@code content/<folder>/<name>.md} does not exist: each is added to {@code orphans}, to be
         * reported once the index knows whether a source renamed explains it (a source saved with another
         * ending, {@code wall-sit.md.txt}, is its own error and is not added).
         */
        <T> List<T> translated(String code, String folder, int variant,
                               BiFunction<ContentDocument, Diagnostics, Optional<T>> reader,
                               List<Translation.Orphan> orphanFiles) {
            String sub = code + "/" + folder;
            Path dir = files.content().resolve(sub);
            Path sources = files.content().resolve(folder);
            if (Files.exists(sources) && !Files.isDirectory(sources) || files.misnamed(folder, diagnostics)) {
                return List.of(); // the sources' folder that is a file or misnamed is reported once, by itself
            }
            if (!Files.exists(dir)) {
                files.misnamed(sub, diagnostics); // content/es/Exercises: one error, not one per program step
                return List.of();
            }
            // a translation without its source is not read: what to rename it to is its one error (its name, its
            // fields are told once it has a source, against that source's)
            Set<Path> orphanPaths = new HashSet<>();
            for (Path path : files.markdownFiles(sub, new Diagnostics(Integer.MAX_VALUE))) {
                Path source = files.content().resolve(folder).resolve(path.getFileName().toString());
                if (!Files.exists(source)) {
                    String rel = files.relative(path);
                    orphanPaths.add(path);
                    if (files.misnamedSource(folder, path.getFileName().toString())
                            || files.unreadSourceNamedAs(folder, path.getFileName().toString(), unreadFiles)) {
                        continue; // its source is saved as wall-sit.md.txt or Clamshell.md: that file's error says it all
                    }
                    orphanFiles.add(new Translation.Orphan(rel, files.likelySource(code, folder,
                            path.getFileName().toString()), textOf(path)));
                }
            }
            return markdown(sub, variant, (doc, d) -> reader.apply(doc.withFrontMatter(
                    (YNode.YMap) withoutTranslatedFrom(doc.frontMatter(), d)), d), path -> !orphanPaths.contains(path));
        }

        /** A file's text, for words only; empty when it cannot be read (a refused file is told where it is read). */
        private static String textOf(Path path) {
            try {
                return Files.size(path) > TextDecoder.MAX_BYTES ? "" : Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                return "";
            }
        }

        /** Reads every Markdown file of a content folder, in file name order. */
        <T> List<T> markdown(String folder, int variant, BiFunction<ContentDocument, Diagnostics, Optional<T>> reader) {
            return markdown(folder, variant, reader, path -> true);
        }

        /** As {@link #markdown(String, int, BiFunction)}, reading only the files {@code read} keeps. */
        <T> List<T> markdown(String folder, int variant, BiFunction<ContentDocument, Diagnostics, Optional<T>> reader,
                             Predicate<Path> read) {
            List<Path> paths = files.markdownFiles(folder, diagnostics).stream().filter(read).toList();
            // unchanged files are only looked up; the others are read and parsed in parallel
            List<Path> changed = paths.stream().filter(p -> cache.fresh(p, variant, marks).isEmpty()).toList();
            Map<Path, Optional<T>> parsed = new ConcurrentHashMap<>();
            (changed.size() > 1 ? changed.parallelStream() : changed.stream())
                    .forEach(path -> parsed.put(path, parse(folder, variant, reader, path)));
            List<T> out = new ArrayList<>(paths.size());
            for (Path path : paths) {
                Optional<T> value = parsed.containsKey(path) ? parsed.get(path) : parse(folder, variant, reader, path);
                value.ifPresentOrElse(out::add, () -> unreadFiles.add(files.relative(path)));
            }
            return out;
        }

        private <T> Optional<T> parse(String folder, int variant,
                                      BiFunction<ContentDocument, Diagnostics, Optional<T>> reader, Path path) {
            return cached(path, variant, d -> {
                if (Files.isDirectory(path)) {
                    d.warning("content.unknown-file", SourceSpan.startOf(files.relative(path)),
                            files.relative(path) + " is a folder, so it is ignored; move it out of content/"
                                    + folder + "/");
                    return Optional.empty();
                }
                if (!files.checkInside(path, d)) {
                    return Optional.empty();
                }
                return document(files, path, readBytes.remove(path), d).flatMap(doc -> reader.apply(doc, d));
            });
        }

        /**
         * Checks an image before it is published (see {@link ImageCheck}), or replays the check of
         * the same bytes (in this session, or in an earlier run's {@link ParsedDocuments} when that
         * check found nothing). Unlike text files, an image is hashed whole: the check must see all of it.
         */
        void image(Path path) {
            seen.add(path);
            if (!Files.isRegularFile(path)) { // a pipe or a device: reading it could wait for ever
                diagnostics.error(ImageCheck.WRONG_TYPE, SourceSpan.startOf(files.relative(path)), files.relative(path)
                        + " is not a file but a pipe or a device; remove it from content/images/");
                return;
            }
            Optional<SourceCache.Entry> known = cache.fresh(path, IMAGE, marks);
            if (known.isEmpty()) {
                byte[] bytes = readWhole(path);
                byte[] hash = fingerprint(bytes);
                known = cache.sameBytes(path, hash, IMAGE);
                if (known.isEmpty()) {
                    var local = new Diagnostics(Integer.MAX_VALUE);
                    ParsedDocuments parsed = documents;
                    String rel = files.relative(path);
                    String key = parsed == null ? null : ParsedDocuments.imageKey(rel, hash);
                    if (key == null || !parsed.checkedClean(rel, key)) {
                        ImageCheck.check(bytes, files.relative(path), local);
                        if (key != null && local.sorted().isEmpty()) {
                            parsed.clean(rel, key);
                        }
                    }
                    var made = new SourceCache.Entry(hash, IMAGE, Optional.empty(), local.sorted());
                    cache.put(path, made);
                    known = Optional.of(made);
                }
            }
            known.ifPresent(entry -> diagnostics.addAll(entry.diagnostics()));
        }

        /**
         * The result of {@code parse} for this file: remembered when the file has not changed (or
         * its bytes are the same), worked out and remembered otherwise. The diagnostics parsing
         * gave are added to this load's either way.
         */
        @SuppressWarnings("unchecked")
        private <T> Optional<T> cached(Path path, Object variant, Function<Diagnostics, Optional<T>> parse) {
            seen.add(path);
            var entry = cache.fresh(path, variant, marks).orElseGet(() -> {
                byte[] bytes = Files.isRegularFile(path) ? ContentLoader.read(path) : null;
                byte[] hash = bytes == null ? new byte[0] : fingerprint(bytes);
                if (bytes != null) {
                    readBytes.put(path, new byte[][] {bytes, hash});
                }
                return cache.sameBytes(path, hash, variant).orElseGet(() -> {
                    var local = new Diagnostics(Integer.MAX_VALUE);
                    Optional<T> value = parse.apply(local);
                    var made = new SourceCache.Entry(hash, variant, value, local.sorted());
                    cache.put(path, made);
                    return made;
                });
            });
            if (!entry.diagnostics().isEmpty()) {
                diagnostics.addAll(entry.diagnostics());
            }
            return (Optional<T>) entry.value();
        }
    }

    /**
     * @param readAlready the file's bytes and their {@link #fingerprint} as this load read them;
     *                    null when not read yet
     */
    private Optional<ContentDocument> document(ProjectFiles files, Path path, byte[][] readAlready,
                                               Diagnostics diagnostics) {
        String rel = files.relative(path);
        String name = path.getFileName().toString();
        // not replaceFirst: that compiles a regular expression for each of the site's files
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        if (readAlready == null && !Files.isRegularFile(path)) { // a pipe or a device: reading it could wait for ever
            diagnostics.error("file.not-a-file", SourceSpan.startOf(rel), rel + " is not a file but a pipe, a socket "
                    + "or a device, which Patella does not read, as reading it could wait for ever; remove it");
            return Optional.empty();
        }
        byte[] bytes = readAlready != null ? readAlready[0] : read(path);
        ParsedDocuments parsed = documents;
        if (parsed == null) {
            return document(bytes, rel, stem, diagnostics);
        }
        String key = ParsedDocuments.key(rel, stem, readAlready != null ? readAlready[1] : fingerprint(bytes));
        Optional<ContentDocument> known = parsed.get(key);
        if (known.isPresent()) {
            return known; // kept only when it parsed without a problem
        }
        var local = new Diagnostics(Integer.MAX_VALUE);
        Optional<ContentDocument> doc = document(bytes, rel, stem, local);
        List<Diagnostic> found = local.sorted();
        if (found.isEmpty() && doc.isPresent()) {
            parsed.put(key, doc.get());
        }
        diagnostics.addAll(found);
        return doc;
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

    /** The cache variant of an image's check. */
    private static final String IMAGE = "image";

    private static byte[] readWhole(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw FileFailure.reading(path, e);
        }
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
            throw FileFailure.reading(path, e);
        }
    }

    /** A file's fingerprint for {@link SourceCache} (a cache key: see {@link QuickHash}). */
    private static byte[] fingerprint(byte[] bytes) {
        return QuickHash.of(bytes);
    }

    /** Lists and vets the files of a project's content folder. */
    private static final class ProjectFiles {
        /** What each content folder holds, in the words of a message about it. */
        /** A copy of a page an editor or a backup made: "x.md~", "x.md.bak", "x.md.orig", "#x.md#", ".x.md.swp". */
        private static final Pattern BACKUP = Pattern.compile("(?i)(#.*\\.md#|\\..*\\.md\\.sw[a-p]|.*\\.md(~|\\.(bak|backup|old|orig|tmp|save)~?))");
        private static final Map<String, String> HOLDS = Map.of("conditions", "the conditions (.md files)",
                "exercises", "the exercises (.md files)", "pages", "the plain pages (.md files)",
                "images", "the pictures");
        private static final List<String> KNOWN_ROOT = List.of("site.yaml", "people.yaml", "sources.yaml", GLOSSARY,
                "conditions", "exercises", "pages", "images");

        private static final List<String> KNOWN_TRANSLATED = List.of("site.yaml", GLOSSARY, PEOPLE, "conditions",
                "exercises", "pages");

        private final Path project;
        private final Path content;
        private final Path realContent;
        /** The content folders found to be something other than a folder (reported). */
        private final Set<String> notFolders = ConcurrentHashMap.newKeySet();
        /** The folders reported as misnamed ({@link #misnamed}): not warned of again as stray. */
        private final Set<Path> misnamedFolders = ConcurrentHashMap.newKeySet();
        /** The site paths of static files refused as links to outside content/ (reported). */
        private final Set<String> refused = ConcurrentHashMap.newKeySet();
        /** The real path of each folder holding a file checked ({@link #realPathOf}); empty when it has none. */
        private final Map<Path, Optional<Path>> realFolders = new ConcurrentHashMap<>();

        /** Lists a content folder of Markdown files: kept by the cache when one is given ({@link #listWith}). */
        private Function<Path, List<Path>> lister = ProjectFiles::list;

        /** Takes the listings of Markdown folders from {@code cache} while no change was marked in them. */
        void listWith(SourceCache.Marks marks, SourceCache cache) {
            lister = dir -> cache.listing(dir, marks).orElseGet(() -> cache.keepListing(dir, list(dir)));
        }

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

        /**
         * Whether {@code path} is a folder, whose files the walk lists on their own. A symbolic link to
         * a folder is not walked into, so its pictures would not be published: it is reported, and
         * what is under it is known to be refused, so a page showing one is not also told it is missing.
         */
        private boolean folder(Path path, Diagnostics diagnostics) {
            if (!Files.isDirectory(path)) {
                return false;
            }
            if (Files.isSymbolicLink(path)) {
                String rel = relative(path);
                Path real = realPath(path);
                boolean outside = realContent == null || real == null || !real.startsWith(realContent);
                diagnostics.error("path.outside-content", SourceSpan.startOf(rel), rel + " is a link to a folder"
                        + (outside ? " outside the content/ folder" : "") + ", and no picture is published through "
                        + "a linked folder; copy the folder itself into " + relative(path.getParent()) + "/ instead");
                refused.add("/" + content.relativize(path).toString().replace('\\', '/') + "/");
            }
            return true;
        }

        /** False (reported) when a symbolic link takes {@code path} outside the content folder. */
        boolean checkInside(Path path, Diagnostics diagnostics) {
            Path real = realPathOf(path);
            if (real == null && Files.isSymbolicLink(path)) {
                diagnostics.error("file.missing", SourceSpan.startOf(relative(path)),
                        DeadLink.explain(path, relative(path), project));
                return false;
            }
            if (realContent == null || real == null || !real.startsWith(realContent)) {
                diagnostics.error("path.outside-content", SourceSpan.startOf(relative(path)), relative(path)
                        + " is a link to a file outside the content/ folder; copy the file into content/ instead");
                return false;
            }
            return true;
        }

        /**
         * What {@code path.toRealPath()} gives (null when it fails), with each folder resolved once
         * for all its files: a file that is not itself a symbolic link is its folder's real path and
         * its name. Resolving every file's whole path read each of its parts again: 51,000
         * {@code readlink} calls in a build of 4,000 pages.
         */
        private Path realPathOf(Path path) {
            Path folder = path.getParent();
            Path name = path.getFileName();
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return null; // missing, as toRealPath would find it
            }
            if (folder == null || name == null || attributes.isSymbolicLink()) {
                return realPath(path);
            }
            return realFolders.computeIfAbsent(folder, f -> Optional.ofNullable(realPath(f)))
                    .map(real -> real.resolve(name)).orElse(null);
        }

        /**
         * False (reported) when a shared file's name, or a folder's on its way, holds characters a
         * web address cannot carry as they are (a space, an accent, a #): it would be published at an
         * address no link written as its name reaches.
         */
        boolean checkName(Path root, Path path, Diagnostics diagnostics) {
            for (Path part : root.relativize(path)) {
                String name = part.toString();
                if (!FileNames.usable(name)) {
                    diagnostics.error("slug.invalid", SourceSpan.startOf(relative(path)), "the name \"" + name
                            + "\" cannot be part of a web address as it is; rename it with " + FileNames.RULE
                            + ", for example \"" + FileNames.fixed(name) + "\", and change what links to it");
                    return false;
                }
            }
            return true;
        }

        /**
         * The name a Markdown file should have, without {@code .md}, when {@code name} is one saved with another
         * ending: {@code wall-sit.md.txt} (a text editor's), {@code wall-sit.MD}, {@code .markdown}, {@code .txt};
         * empty for {@code .md} files and for any other file.
         */
        static Optional<String> misnamedMarkdown(Path path) {
            String name = path.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            for (String ending : new String[] {".md.txt", ".markdown", ".mdown", ".mkd", ".txt", ".md"}) {
                if (lower.endsWith(ending) && !name.endsWith(".md") && lower.length() > ending.length()) {
                    // a .txt is a page saved by a text editor only when it starts as a page does
                    return ending.equals(".txt") && !startsWithFrontMatter(path) ? Optional.empty()
                            : Optional.of(name.substring(0, name.length() - ending.length()));
                }
            }
            return Optional.empty();
        }

        /** Whether the file starts as a page does, with its front matter's "---": a notes.txt does not. */
        private static boolean startsWithFrontMatter(Path path) {
            try (var in = Files.newInputStream(path)) {
                String start = new String(in.readNBytes(16), StandardCharsets.UTF_8).replace("\uFEFF", "");
                return start.startsWith("---");
            } catch (IOException e) {
                return false; // unreadable: left to the warning for files that are not .md
            }
        }

        /**
         * The slug a file name that is none would become ({@code clamshell} for {@code Clamshell}, {@code wall-sit}
         * for {@code Wall Sit}), which its error tells the editor to rename it to; empty when the name is a slug
         * already or gives none.
         */
        static Optional<String> slugOfName(String stem) {
            if (ContentDocument.SLUG.matcher(stem).matches()) {
                return Optional.empty();
            }
            String slug = FileNames.asSlug(stem);
            return ContentDocument.SLUG.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
        }

        /**
         * Whether {@code content/<folder>/} has, in place of the source of the translation {@code name}, a file
         * whose name is no slug and would be {@code name} as one ({@code Clamshell.md} for {@code clamshell.md}),
         * among {@code unread}: that file's error tells it to take this name, which mends the translation too.
         */
        boolean unreadSourceNamedAs(String folder, String name, Set<String> unread) {
            String stem = name.substring(0, name.length() - ".md".length());
            for (Path path : list(content.resolve(folder))) {
                String other = path.getFileName().toString();
                if (other.endsWith(".md") && unread.contains(relative(path))
                        && slugOfName(other.substring(0, other.length() - 3)).filter(stem::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code content/<folder>/} has the source of the translation {@code name} saved with another ending. */
        boolean misnamedSource(String folder, String name) {
            String stem = name.substring(0, name.length() - ".md".length());
            for (Path path : list(content.resolve(folder))) {
                if (misnamedMarkdown(path).filter(stem::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        /** The {@code .md} files of a folder; other files are reported and left out. */
        List<Path> markdownFiles(String folder, Diagnostics diagnostics) {
            List<Path> out = new ArrayList<>();
            Path dir = content.resolve(folder);
            if (!Folders.check(dir, relative(dir), HOLDS.get(folder.substring(folder.lastIndexOf('/') + 1)),
                    diagnostics)) {
                notFolders.add(folder);
                return out;
            }
            if (misnamed(folder, diagnostics)) {
                return out;
            }
            for (Path path : lister.apply(content.resolve(folder))) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    diagnostics.warning("content.unknown-file", SourceSpan.startOf(relative(path)),
                            relative(path) + " is a folder, and Patella reads only the .md files right in content/"
                                    + folder + "/, not in folders inside it, so it is ignored; move its .md files up "
                                    + "into content/" + folder + "/");
                } else if (misnamedMarkdown(path).isPresent()) {
                    String name = path.getFileName().toString();
                    String stem = misnamedMarkdown(path).get();
                    diagnostics.error("content.misnamed-file", SourceSpan.startOf(relative(path)), relative(path)
                            + " is a Markdown file whose name ends in " + name.substring(stem.length()) + ", not .md, "
                            + "so it is not read; rename it to " + stem + ".md (where Windows hides the end of file "
                            + "names, turn on \"File name extensions\" in File Explorer's View menu to see it)");
                } else if (!path.getFileName().toString().endsWith(".md")) {
                    String name = path.getFileName().toString();
                    // "clamshell.md~", "clamshell.md.bak", "#clamshell.md#": renamed to .md, it would be a second page
                    boolean copy = BACKUP.matcher(name).matches();
                    diagnostics.warning("content.unknown-file", SourceSpan.startOf(relative(path)),
                            relative(path) + (copy ? " looks like a copy an editor or a backup made of a page, so it "
                                    + "is ignored; move it out of content/" + folder + "/ or delete it (renamed to end "
                                    + "in .md, it would be a second page)"
                                    : " is not a .md file, so it is ignored; move it out of content/" + folder
                                    + "/ or rename it to end in .md"));
                } else {
                    out.add(path);
                }
            }
            return out;
        }

        /**
         * The names, without {@code .md}, of the Markdown files in a folder that are not among
         * {@code read} (content paths of the files that could be read): those that had errors.
         */
        Set<String> unread(String folder, List<String> read) {
            Set<String> out = new HashSet<>();
            Set<String> readable = new HashSet<>(read); // looked up once per file: a list made it quadratic
            Path dir = content.resolve(folder);
            String prefix = relative(dir) + "/"; // a file's content path is this and its name: no path made per file
            for (Path path : lister.apply(dir)) {
                String name = path.getFileName().toString();
                if (name.endsWith(".md") && !readable.contains(prefix + name)) {
                    String stem = name.substring(0, name.length() - 3);
                    out.add(stem);
                    // Clamshell.md is told to become clamshell.md: what names clamshell waits for that, unreported
                    slugOfName(stem).ifPresent(out::add);
                }
                // wall-sit.md.txt is its own error (content.misnamed-file), not one more at each use of wall-sit
                misnamedMarkdown(path).ifPresent(out::add);
            }
            return out;
        }

        /**
         * The names (without {@code .md}) of the files of {@code content/<code>/<folder>/} that have a
         * source in {@code content/<folder>/} but are not among {@code read} (content paths of the
         * translations that could be read): those that had errors. So is one whose source is among
         * {@code unreadSources} under a name that is no slug and would be its own as one ({@code Clamshell.md}).
         */
        Set<String> unreadTranslations(String code, String folder, List<String> read, Set<String> unreadSources) {
            Set<String> out = new HashSet<>();
            Set<String> readable = new HashSet<>(read);
            for (Path path : list(content.resolve(code).resolve(folder))) {
                String name = path.getFileName().toString();
                if (!name.endsWith(".md") || readable.contains(relative(path))) {
                    continue;
                }
                if (Files.exists(content.resolve(folder).resolve(name)) || misnamedSource(folder, name)
                        || unreadSourceNamedAs(folder, name, unreadSources)) {
                    String stem = name.substring(0, name.length() - 3);
                    out.add(stem);
                    slugOfName(stem).ifPresent(out::add); // Clamshell.md, told to become clamshell.md with its source
                } else {
                    // misspelt (clamshel.md): the source it most likely translates counts as translated but
                    // unreadable, so the one error at this file is not followed by one at each use of it
                    nearSource(code, folder, name).ifPresent(n -> out.add(n.substring(0, n.length() - 3)));
                }
            }
            return out;
        }

        /**
         * For a translation {@code name} with no source of that name: the file of
         * {@code content/<folder>/} with nearly that name and no translation of its own, if there is one.
         */
        Optional<String> nearSource(String code, String folder, String name) {
            return Suggestions.closest(name, untranslated(code, folder));
        }

        /**
         * For the message at a translation {@code name} with no source of that name: as {@link #nearSource}, or
         * else the one file of {@code content/<folder>/} with no translation whose name starts this one's or is
         * started by it ({@code clam.md} for {@code clamshell.md}: a source renamed shorter), a source whose name
         * is no slug by the name its error tells it to take ({@code clam-shell.md} for {@code Clam Shell.md}). A hint only, which
         * decides nothing: a translation tied to a source by such a name would hide that source's own errors.
         */
        Optional<String> likelySource(String code, String folder, String name) {
            Set<String> stems = new TreeSet<>();
            // a source named Clam Shell.md is told to become clam-shell.md: the translation is named after that
            untranslated(code, folder).forEach(n -> {
                String stem = n.substring(0, n.length() - 3);
                stems.add(slugOfName(stem).orElse(stem));
            });
            return Suggestions.closestOrStart(name.substring(0, name.length() - 3), stems).map(n -> n + ".md");
        }

        /** The names of the files of {@code content/<folder>/} that have no translation in {@code content/<code>/}. */
        private Set<String> untranslated(String code, String folder) {
            Set<String> untranslated = new TreeSet<>();
            for (Path source : list(content.resolve(folder))) {
                String sourceName = source.getFileName().toString();
                if (sourceName.endsWith(".md") && !Files.exists(content.resolve(code).resolve(folder).resolve(sourceName))) {
                    untranslated.add(sourceName);
                }
            }
            return untranslated;
        }

        List<StaticFile> staticFiles(String folder, Diagnostics diagnostics) {
            Path root = content.resolve(folder);
            if (!Folders.check(root, relative(root), HOLDS.get(folder), diagnostics)) {
                notFolders.add(folder);
                return List.of();
            }
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                // hidden files (.DS_Store, an editor's backup) are neither published nor checked
                return walk.filter(p -> !p.getFileName().toString().startsWith(".") && !folder(p, diagnostics))
                        .sorted()
                        .filter(p -> {
                            boolean inside = checkInside(p, diagnostics) && checkName(root, p, diagnostics);
                            if (!inside) {
                                refused.add("/" + content.relativize(p).toString().replace('\\', '/'));
                            }
                            return inside;
                        })
                        .map(p -> new StaticFile(content.relativize(p).toString().replace('\\', '/'), p))
                        .toList();
            } catch (IOException e) {
                throw FileFailure.of(FileFailure.Action.LIST, root, e);
            }
        }

        /**
         * Whether {@code content/<folder>} is missing while a folder beside it has nearly its name
         * ({@code Exercises}, {@code excercises}): one error, at that folder, says to rename it, and
         * the folder counts as unreadable, so the programs, links and translations that name what it
         * holds are not each reported again (a renamed folder gave twenty errors).
         */
        boolean misnamed(String folder, Diagnostics diagnostics) {
            Path dir = content.resolve(folder);
            if (notFolders.contains(folder)) {
                return true;
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            String name = dir.getFileName().toString();
            for (Path near : list(dir.getParent())) {
                String nearName = near.getFileName().toString();
                if (Files.isDirectory(near, LinkOption.NOFOLLOW_LINKS) && !KNOWN_ROOT.contains(nearName)
                        && !KNOWN_TRANSLATED.contains(nearName)
                        && Suggestions.closest(nearName, List.of(name)).isPresent()) {
                    if (notFolders.add(folder)) {
                        misnamedFolders.add(near);
                        diagnostics.error("content.misnamed-folder", SourceSpan.startOf(relative(near)),
                                relative(near) + " is not a folder Patella reads, and " + relative(dir) + " is "
                                        + "missing: rename the folder to " + name + " (all lower case, spelt as "
                                        + "here), and what it holds is published again");
                    }
                    return true;
                }
            }
            return false;
        }

        /**
         * Warns of files and folders the content format has no place for. When the settings could
         * not be read (reported), the languages are unknown: a folder at the top is then not warned of.
         */
        void reportStrayFiles(Optional<SiteConfig.Languages> listed, boolean languagesKnown, Diagnostics diagnostics) {
            List<String> languages = listed.map(SiteConfig.Languages::others).orElse(List.of());
            for (String code : languages) {
                for (Path path : list(content.resolve(code))) {
                    String name = path.getFileName().toString();
                    if (!KNOWN_TRANSLATED.contains(name) && !misnamedFolders.contains(path)
                            && !nearlyAFolder(path, List.of("conditions", "exercises", "pages"), diagnostics)) {
                        diagnostics.warning("content.unknown-file", SourceSpan.startOf(relative(path)), relative(path)
                                + " is not something a translation holds, so it is ignored; content/" + code
                                + "/ holds site.yaml, glossary.yaml, people.yaml, conditions/, exercises/ and pages/ "
                                + "(images and sources are shared by every language)");
                    }
                }
            }
            for (Path path : list(content)) {
                String name = path.getFileName().toString();
                if (!KNOWN_ROOT.contains(name) && !languages.contains(name) && !name.startsWith(".")
                        && !misnamedFolders.contains(path) && (languagesKnown || !Files.isDirectory(path))
                        && !(languagesKnown && unlistedLanguage(path, listed, diagnostics))
                        && !nearlyAFolder(path, List.of("conditions", "exercises", "pages", "images"), diagnostics)) {
                    diagnostics.warning("content.unknown-file", SourceSpan.startOf(relative(path)), relative(path)
                            + " is not part of the content format, so it is ignored; content/ holds site.yaml, "
                            + "people.yaml, sources.yaml, glossary.yaml, conditions/, exercises/, pages/, images/ and a "
                            + "folder for each other language (\"The content format\" in the README)");
                }
            }
        }

        /**
         * Whether {@code path} is a folder of translations into a language that {@code languages:}
         * leaves out (its name a language code, holding what a translation holds): an error, as
         * the whole edition would silently go unpublished (deleting the setting dropped every
         * Spanish page with a warning alone). Not for the default language's code, nor a folder of
         * another name, which is a folder of the editor's own.
         */
        private boolean unlistedLanguage(Path path, Optional<SiteConfig.Languages> listed, Diagnostics diagnostics) {
            String code = path.getFileName().toString();
            if (listed.isEmpty() || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    || !SiteConfigReader.knownLanguage(code) || code.equals(listed.get().defaultLanguage())) {
                return false;
            }
            String language = ULocale.forLanguageTag(code).getLanguage();
            if (listed.get().others().stream().anyMatch(o -> ULocale.forLanguageTag(o).getLanguage().equals(language))) {
                return false; // a listed language of the same tongue names this folder already (file.missing)
            }
            List<String> holds = KNOWN_TRANSLATED.stream().filter(name -> Files.exists(path.resolve(name),
                    LinkOption.NOFOLLOW_LINKS)).map(name -> name.endsWith(".yaml") ? name : name + "/").toList();
            if (holds.isEmpty()) {
                return false;
            }
            List<String> all = new ArrayList<>(listed.get().all());
            all.add(code);
            diagnostics.error("language.not-listed", SourceSpan.startOf(relative(path)), relative(path) + " holds "
                    + "translations into " + code + " (" + String.join(", ", holds) + "), but " + code + " is not in "
                    + "\"languages:\" in content/site.yaml, so none of it is published; add " + code + " to languages: "
                    + "in content/site.yaml (languages: [" + String.join(", ", all) + "]), or remove the folder");
            return true;
        }

        /**
         * Whether {@code path} is a folder named nearly as one of {@code folders}, a slip of the keys
         * ({@code exercise} or {@code excercises} beside {@code exercises}): an error, as what it holds
         * would silently go unpublished. A name with other characters than letters
         * ({@code exercises.bak}, {@code conditions-old}) or another first letter ({@code images} for
         * {@code pages}) is a folder of the editor's own, only warned of.
         */
        private boolean nearlyAFolder(Path path, List<String> folders, Diagnostics diagnostics) {
            String name = path.getFileName().toString();
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || !name.matches("\\p{L}+")) {
                return false;
            }
            Optional<String> meant = Suggestions.closest(name, folders.stream()
                    .filter(f -> Character.toLowerCase(f.charAt(0)) == Character.toLowerCase(name.charAt(0))).toList());
            boolean empty = list(path).isEmpty();
            meant.ifPresent(folder -> diagnostics.error("content.misnamed-folder", SourceSpan.startOf(relative(path)),
                    relative(path) + " is not a folder Patella reads, so nothing in it is published; did you mean "
                            + relative(path.resolveSibling(folder)) + "/? " + (empty ? "It is empty: delete it"
                            : "Move what it holds there (a file of the same name there is one to compare with "
                            + "first), then delete this folder")));
            return meant.isPresent();
        }

        private static List<Path> list(Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(Path::toString)).toList();
            } catch (IOException e) {
                throw FileFailure.of(FileFailure.Action.LIST, dir, e);
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

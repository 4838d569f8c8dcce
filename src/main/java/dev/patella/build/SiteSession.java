package dev.patella.build;

import dev.patella.cite.CslTypes;
import dev.patella.cite.FormattedReference;
import dev.patella.cite.ReferenceFormatter;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Editions;
import dev.patella.index.Indexer;
import dev.patella.index.RenamedFiles;
import dev.patella.index.RenamedPeople;
import dev.patella.index.RenamedSources;
import dev.patella.index.SiteIndex;
import dev.patella.index.SlugClaims;
import dev.patella.index.SourcePages;
import dev.patella.index.Urls;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.model.Reference;
import dev.patella.model.Site;
import dev.patella.output.SiteFiles;
import dev.patella.output.SiteOutput;
import dev.patella.render.Assets;
import dev.patella.render.DataFile;
import dev.patella.render.RenderCache;
import dev.patella.render.RenderedPage;
import dev.patella.render.SiteRenderer;
import dev.patella.render.Templates;
import dev.patella.source.ContentLoader;
import dev.patella.source.Folders;
import dev.patella.source.ParsedDocuments;
import dev.patella.source.SourceCache;
import dev.patella.source.TranslationDrift;
import dev.patella.validate.EditorialChecks;
import dev.patella.validate.OutputLinkChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Makes a project's site in memory, again and again, doing only the work a change needs. The
 * dev server keeps one for as long as it runs; a plain build uses one once.
 *
 * <p>Each build: re-reads only the files named as changed (a file whose bytes did not change
 * is not parsed again), indexes the whole site again (cheap), formats the references again
 * only when {@code sources.yaml} changed, renders again only the pages whose inputs changed
 * (see {@link SiteRenderer}), and checks links and citations across the whole site. A change
 * under {@code templates/} renders every page again.
 *
 * <p>Builds run one at a time; the engines (YAML, Markdown, citations, templates) are built
 * once and reused.
 */
public final class SiteSession {

    private final BuildOptions options;
    private final LongSupplier nanoTime;
    private final ContentLoader loader;
    private final MarkdownRenderer markdown = MarkdownRenderer.create();
    private final ReferenceFormatter formatter;
    private final SourceCache sources = new SourceCache();
    private final RenderCache renders;
    private final EditorialChecks editorial;
    private final OutputLinkChecker.Memory linkMemory = new OutputLinkChecker.Memory();
    private final TranslationDrift drift = new TranslationDrift();
    private final Path templatesDir;
    private SiteRenderer renderer;
    private List<Reference> formattedFor;
    /** The references formatted for each language, by language code; empty until asked for. */
    private Map<String, Map<String, FormattedReference>> formatted = new HashMap<>();
    private SiteFiles previous;
    /** Takes no pages: a build no preview shows, which need not make any page ahead. */
    private static final Consumer<Map<String, byte[]>> NO_ONE = pages -> {
    };
    /** Whether the last build ended without errors: only then is a page shown ahead of a build. */
    private boolean lastClean;

    /**
     * @param options  the project, drafts and base URL to build with ({@code output} is not used:
     *                 a session never publishes)
     * @param nanoTime a monotonic clock for the time taken, {@code System::nanoTime} outside tests
     */
    public SiteSession(BuildOptions options, LongSupplier nanoTime) {
        this(options, nanoTime, ReferenceFormatter.ama());
    }

    /**
     * A session for one {@code build}, which may keep notes in the project's {@code .patella/}
     * folder to start faster next time ({@code serve} and {@code check} write nothing).
     */
    static SiteSession forBuild(BuildOptions options, LongSupplier nanoTime, RenderCache renders,
                                EditorialChecks editorial) {
        return new SiteSession(options, nanoTime, new ReferenceCache(ReferenceFormatter.ama(), options.project()),
                renders, editorial);
    }

    /** A session that formats references with {@code formatter}. */
    SiteSession(BuildOptions options, LongSupplier nanoTime, ReferenceFormatter formatter) {
        this(options, nanoTime, formatter, new RenderCache(), new EditorialChecks());
    }

    /**
     * A session that keeps its rendered pages in {@code renders} and its reading levels in
     * {@code editorial}, which may hold an earlier run's (see {@link KeptBuild}).
     */
    SiteSession(BuildOptions options, LongSupplier nanoTime, ReferenceFormatter formatter, RenderCache renders,
                EditorialChecks editorial) {
        this.renders = renders;
        this.editorial = editorial;
        this.options = options;
        this.nanoTime = nanoTime;
        this.loader = new ContentLoader(options.baseUrlOverride());
        this.templatesDir = options.templatesDir().toAbsolutePath().normalize();
        this.formatter = formatter;
    }

    /** Looks content files up in {@code parsed} before parsing them (see {@link ParsedDocuments}). */
    void keepDocumentsIn(ParsedDocuments parsed) {
        loader.keepDocumentsIn(parsed);
    }

    public BuildOptions options() {
        return options;
    }

    /**
     * Makes the site again after {@code changes}. The first build of a session reads everything,
     * whatever {@code changes} says.
     *
     * @param diagnostics receives every problem of the whole site, those of reused files included
     * @return the site; its files are empty when {@code content/} or {@code site.yaml} could not be read
     * @throws java.io.UncheckedIOException when a file or folder cannot be read
     */
    public SiteBuild build(Changes changes, Diagnostics diagnostics) {
        return build(changes, diagnostics, NO_ONE);
    }

    /**
     * Like {@link #build(Changes, Diagnostics)}, and hands {@code firstPages} pages of the build
     * as soon as they are made, by site path ({@code guide-1/index.html}), with the bytes the build
     * ends with, so that a preview can serve them at once:
     * <ul>
     * <li>when the last build had no errors and the change is to one plain page's, exercise's or
     *     condition's body only, that page, rendered with the rest of the last build before anything else is
     *     read (see {@link #pageAhead});</li>
     * <li>then the pages rendered again, before the search index, the search and sources pages and
     *     the site-wide checks, when no error was found before or in them (a page with an error is
     *     shown with it, once the whole build has found them all).</li>
     * </ul>
     * Neither on a session's first build, nor when no page is rendered again.
     */
    public synchronized SiteBuild build(Changes changes, Diagnostics diagnostics,
                                        Consumer<Map<String, byte[]>> firstPages) {
        long start = nanoTime.getAsLong();
        Changes effective = previous == null ? Changes.everything() : changes;
        note(effective);
        boolean clean = lastClean;
        lastClean = false; // until this build ends without errors
        if (clean && firstPages != NO_ONE) {
            pageAhead(effective, firstPages);
        }
        boolean templates = Folders.check(templatesDir, "templates", "the templates (.ftlh files) and assets/",
                diagnostics) && Folders.check(templatesDir.resolve("assets"), "templates/assets",
                "the stylesheet, scripts and icons", diagnostics) && templatesThere(diagnostics);
        // the template engine is started and the templates parsed on the other core while this one
        // reads the content and checks it, which leave it idle for a while
        CompletableFuture<SiteRenderer> starting = renderer == null && templates
                ? CompletableFuture.supplyAsync(this::startRenderer) : null;
        Optional<Site> loaded = loader.load(options.project(), diagnostics, sources);
        loaded.ifPresent(read -> CslTypes.check(read.references(), diagnostics));
        if (loaded.isEmpty() || !templates) {
            // on the files themselves, so it runs whether or not the other languages' editions are built
            drift.check(options.project(), options.strict(), diagnostics);
            return finish(new SiteFiles(Map.of(), Map.of()), Optional.empty(), List.of(), List.of(), effective, start);
        }
        var reserved = ReservedNames.all(loaded.get().config().languages().others());
        // which page keeps each slug is settled first, so that no edition goes on with two pages at one address
        // a translation of a draft is a draft too: a page taken down in the default language stays down in every one
        SourcePages sourcePages = SourcePages.of(loaded.get());
        Site claimed = SlugClaims.settle(sourcePages.inherited(loaded.get()), options.drafts(), reserved, diagnostics);
        // a page file renamed while its programs, links and translations still use its old name is one error there
        Site settled = RenamedFiles.settle(claimed, reserved, diagnostics);
        // an entry of people.yaml or sources.yaml renamed by mistake is one error there, not one at every page naming it
        Site site = RenamedSources.settle(RenamedPeople.settle(settled, options.drafts(), diagnostics), options.drafts(),
                diagnostics);
        List<SiteIndex> editions = Editions.of(site, diagnostics).stream()
                .map(edition -> Indexer.index(edition, sourcePages, options.drafts(), reserved, diagnostics)).toList();
        SiteIndex index = editions.get(0);
        if (!site.references().equals(formattedFor)) {
            formatted = new HashMap<>();
            formattedFor = site.references();
        }
        // each language's pages list their references in the citation style's locale for that language
        List<Map<String, FormattedReference>> references = editions.stream().map(e -> e.site().config().language())
                .map(language -> formatted.computeIfAbsent(language, l -> formatter.format(site.references(), l)))
                .toList();
        if (starting != null) {
            renderer = Background.joined(starting);
        }
        // pages rendered by a renderer started in this build (templates or assets changed) name
        // the new stylesheet and scripts, which are served only with the whole build: they wait for it
        boolean again = previous != null && starting == null;
        List<RenderedPage> pages = renderer.render(editions, references, renders, diagnostics, made -> {
            // a page with an error waits for the rest: it is shown with the error, found by the whole build
            if (again && !diagnostics.hasErrors()
                    && made.stream().allMatch(page -> page.diagnostics().stream().noneMatch(Diagnostic::isError))) {
                firstPages.accept(bySitePath(made));
            }
        });
        List<DataFile> data = renderer.dataFiles(editions);
        SiteChecks.check(editions, pages, renderer.assets(), data, renderer.templateLinks(), linkMemory, diagnostics);
        editorial.check(editions, options.today(), options.strict(), diagnostics);
        // after every other check: an exercise or source key refused in a translation is told once, by its error,
        // and a source with an error anywhere (a citation, a drawing's name) is not called changed: fixing it
        // would bring the warning back after the translation was marked to follow the mistake
        drift.check(options.project(), options.strict(), diagnostics);
        SiteFiles files = SiteOutput.files(editions, pages, data, renderer.assets(), renderer.alternates());
        lastClean = !diagnostics.hasErrors();
        return finish(files, Optional.of(index), pages, renders.lastRendered(), effective, start);
    }

    /**
     * When the only change is to one plain page's, exercise's or condition's file, and only to its body (the
     * common edit while previewing): reads that file alone and hands {@code firstPages} its page,
     * rendered with the rest of the last build, before the site is loaded again. The build that
     * follows makes the same page (the pages' kinds say when that holds: {@code PageKind.pageOf}).
     */
    private void pageAhead(Changes changes, Consumer<Map<String, byte[]>> firstPages) {
        if (renderer == null || changes.all()) {
            return;
        }
        List<Path> files = changes.saved();
        if (files.size() == 1) {
            loader.readAlone(options.project(), files.get(0), sources).map(renderer::ahead)
                    .filter(made -> !made.isEmpty()).ifPresent(made -> firstPages.accept(bySitePath(made)));
        }
    }

    private static Map<String, byte[]> bySitePath(List<RenderedPage> pages) {
        Map<String, byte[]> files = new HashMap<>();
        pages.forEach(page -> files.put(Urls.file(page.url()), page.html()));
        return files;
    }

    /** Whether templates/ is there; told as content/ is when it is not (a folder deleted, the wrong folder). */
    private boolean templatesThere(Diagnostics diagnostics) {
        if (Files.isDirectory(templatesDir)) {
            return true;
        }
        diagnostics.error("file.missing", SourceSpan.startOf("templates"), "there is no templates/ folder in "
                + options.project().toAbsolutePath().normalize() + ", which every page is made with; put it back "
                + "(with git: git checkout -- templates), or run Patella from the project folder or pass --project");
        return false;
    }

    /** A renderer with its templates parsed. */
    private SiteRenderer startRenderer() {
        var started = new SiteRenderer(markdown, new Templates(templatesDir, nanoTime), Assets.scan(templatesDir));
        started.prepare();
        return started;
    }

    private void note(Changes changes) {
        if (changes.all()) {
            sources.changedAll();
            renderer = null;
            return;
        }
        for (Path path : changes.paths()) {
            if (path.startsWith(templatesDir)) {
                renderer = null;
            } else {
                sources.changed(path);
            }
        }
    }

    private SiteBuild finish(SiteFiles files, Optional<SiteIndex> index, List<RenderedPage> pages,
                             List<String> rendered, Changes changes, long start) {
        var changed = new TreeSet<>(files.changedSince(previous));
        files.copied().forEach((sitePath, source) -> {
            if (changes.paths().contains(source.toAbsolutePath().normalize())) {
                changed.add(sitePath);
            }
        });
        previous = files;
        return new SiteBuild(files, index, pages, renderer == null ? List.of() : renderer.templateLinks(),
                rendered, changed, Duration.ofNanos(nanoTime.getAsLong() - start));
    }
}

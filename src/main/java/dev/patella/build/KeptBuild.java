package dev.patella.build;

import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Severity;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Prose;
import dev.patella.render.RenderCache;
import dev.patella.render.RenderedPage;
import dev.patella.render.ValueHash;
import dev.patella.source.NoteInput;
import dev.patella.source.NoteOutput;
import dev.patella.source.NoteTexts;
import dev.patella.validate.EditorialChecks;
import dev.patella.validate.Readability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a build remembers in the project's {@link ProjectState} so that the next build renders
 * only the pages whose inputs changed: for each page, the hash of its spec and of its HTML and
 * the facts the site-wide checks need (links, citations, sources, ids, targets, its warnings);
 * the hash of what every page shares (templates and assets, references, glossary, settings); for
 * the search index, the body words of each page (by the hash of its Markdown texts) and the plain
 * text of the short texts it lists as words; and each page's reading level.
 *
 * <p>The note fits a build only when it was made by the same Patella (the jar's size and time),
 * for the same output folder, drafts and base URL; a page is reused only when its spec and the
 * shared inputs hash the same and the output folder still holds, as the last publish left it, the
 * HTML the note names (see {@link dev.patella.output.SiteWriter#onDisk()}). Otherwise the page
 * is rendered again. A note that is missing, damaged or from another version reads as empty,
 * and the build is then a full one.
 */
final class KeptBuild {

    /** Bump when the payload's layout changes. */
    private static final int FORMAT = 7;

    private final ProjectState state;
    private final String key;
    private final Path output;
    private final ValueHash hasher = new ValueHash();
    private final Map<List<Prose>, Optional<String>> textHashes = new ConcurrentHashMap<>();
    /** The note this build read, when it fitted; null otherwise. */
    private Note restored;

    private KeptBuild(ProjectState state, String key, Path output) {
        this.state = state;
        this.key = key;
        this.output = output;
    }

    static KeptBuild of(BuildOptions options) {
        Path output = options.output().toAbsolutePath().normalize();
        String key = "format " + FORMAT + "; patella " + BuildCache.codeVersion() + "; output " + output
                + "; drafts " + options.drafts() + "; base " + options.baseUrlOverride().map(Object::toString).orElse("-");
        return new KeptBuild(new ProjectState(options.project()), key, output);
    }

    /** The note on disk, when it fits this build; empty otherwise. Safe to call on another thread. */
    Optional<Note> read() {
        return state.readData(ProjectState.Note.KEPT_BUILD).flatMap(this::decode);
    }

    /**
     * Gives {@code renders} and {@code editorial} what the last build remembered ({@code note}, as
     * {@link #read()} gave it), when the note fits this build and {@code published} says what the
     * output folder holds.
     *
     * @return whether anything was restored
     */
    boolean restore(Optional<Note> note, RenderCache renders, EditorialChecks editorial,
                    Optional<Map<String, String>> published) {
        if (published.isEmpty() || note.isEmpty()) {
            return false;
        }
        restored = note.get();
        Map<String, String> onDisk = published.get();
        renders.restore(note.get().shared(), note.get().pages(), (url, kept) -> html(onDisk, url, kept),
                note.get().plain());
        renders.restoreWords(note.get().words());
        Map<String, Readability.Level> levels = note.get().levels();
        editorial.recall(texts -> hash(texts).map(levels::get));
        return true;
    }

    /**
     * Remembers what this build made ({@code pages}: {@link RenderCache#kept()}); a failure to write
     * is ignored (the next build is only slower). The note is not written again when it was read
     * by this build and only a few pages differ from it (8, or 1% of them): its hashes are those of
     * the inputs it was made from, so the next build finds those pages changed and makes them
     * again, which costs less than writing thousands of pages' facts for one page edited (a
     * sixth of such a rebuild at 4,000 pages).
     */
    void remember(Map<String, RenderCache.Kept> pages, RenderCache renders, EditorialChecks editorial) {
        if (restored != null && restored.shared().equals(renders.sharedHash())
                && differing(restored.pages(), pages) <= Math.max(FEW, pages.size() / 100)) {
            return;
        }
        if (textHashes.size() > 2 * editorial.levels().size() + 64) {
            textHashes.clear(); // a bound, for a build server that remembers build after build
        }
        Map<String, Readability.Level> levels = new HashMap<>();
        editorial.levels().entrySet().parallelStream().forEach(e -> hash(e.getKey()).ifPresent(h -> {
            synchronized (levels) {
                levels.put(h, e.getValue());
            }
        }));
        var note = new Note(key, renders.sharedHash(), pages, renders.plainTexts(), renders.bodyWords(), levels);
        try {
            state.writeData(ProjectState.Note.KEPT_BUILD, encode(note));
            restored = note; // what the folder holds now, for the next build of a build server to compare with
        } catch (IOException e) {
            forget();
        }
    }

    /** How many pages a build may make again rather than have the note written again. */
    private static final int FEW = 8;

    /** The pages in one map and not the other, or in both with another spec, HTML or input hash. */
    private static int differing(Map<String, RenderCache.Kept> before, Map<String, RenderCache.Kept> now) {
        int count = 0;
        for (var e : now.entrySet()) {
            RenderCache.Kept was = before.get(e.getKey());
            RenderCache.Kept is = e.getValue();
            if (was == null || !was.specHash().equals(is.specHash()) || !was.htmlHash().equals(is.htmlHash())
                    || !was.keyHash().equals(is.keyHash())) {
                count++;
            }
        }
        for (String url : before.keySet()) {
            if (!now.containsKey(url)) {
                count++;
            }
        }
        return count;
    }

    /** The hash of a page's texts, made once for the lookup and the note both. */
    private Optional<String> hash(List<Prose> texts) {
        return textHashes.computeIfAbsent(texts, hasher::of);
    }

    /** Forgets what was remembered, so that the next build renders every page. */
    void forget() {
        try {
            state.delete(ProjectState.Note.KEPT_BUILD);
        } catch (IOException e) {
            // a note that cannot be removed cannot be rewritten either; its pages are checked one by one
        }
    }

    /** A reused page's HTML, read from the output folder when it holds the bytes the note names. */
    private Optional<byte[]> html(Map<String, String> onDisk, String url, RenderCache.Kept kept) {
        String path = Urls.file(url);
        if (!kept.htmlHash().equals(onDisk.get(path))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(output.resolve(path)));
        } catch (IOException e) {
            return Optional.empty(); // rendered again
        }
    }

    /** The note's contents. */
    record Note(String key, String shared, Map<String, RenderCache.Kept> pages, Map<String, String> plain,
                        Map<String, String> words, Map<String, Readability.Level> levels) {
    }

    private static byte[] encode(Note note) throws IOException {
        var bytes = new NoteOutput(1 << 20);
        var out = new NoteTexts.Writer(bytes);
        out.text(note.key());
        out.text(note.shared());
        out.writeInt(note.pages().size());
        for (var e : new TreeMap<>(note.pages()).entrySet()) {
            RenderCache.Kept kept = e.getValue();
            RenderedPage p = kept.page();
            out.text(e.getKey());
            out.text(kept.specHash());
            out.text(kept.htmlHash());
            out.text(kept.keyHash());
            out.text(p.url());
            out.text(p.template());
            out.text(p.title());
            out.writeBoolean(p.origin().isPresent());
            if (p.origin().isPresent()) {
                span(out, p.origin().get());
            }
            out.writeInt(p.links().size());
            for (LinkUse l : p.links()) {
                out.text(l.target());
                out.writeBoolean(l.image());
                out.text(l.text());
                span(out, l.at());
            }
            out.writeInt(p.citations().size());
            for (CitationUse c : p.citations()) {
                out.text(c.key());
                out.writeBoolean(c.locator().isPresent());
                out.text(c.locator().orElse(""));
                span(out, c.at());
            }
            texts(out, p.sources());
            texts(out, p.ids());
            texts(out, p.targets());
            out.writeInt(p.diagnostics().size());
            for (Diagnostic d : p.diagnostics()) {
                diagnostic(out, d);
            }
        }
        out.writeInt(note.plain().size());
        for (var e : note.plain().entrySet()) {
            out.text(e.getKey());
            out.text(e.getValue());
        }
        out.writeInt(note.words().size());
        for (var e : note.words().entrySet()) {
            out.text(e.getKey());
            out.text(e.getValue());
        }
        out.writeInt(note.levels().size());
        for (var e : note.levels().entrySet()) {
            out.text(e.getKey());
            Readability.Level level = e.getValue();
            out.text(level.scale());
            out.writeDouble(level.score());
            out.writeInt(level.words());
            out.writeInt(level.sentences());
            out.writeInt(level.longest().size());
            for (Readability.Sentence s : level.longest()) {
                out.text(s.text());
                out.writeInt(s.words());
                out.writeInt(s.syllables());
                span(out, s.at());
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** The note, when it was made for a build like this one and reads whole; empty otherwise. */
    private Optional<Note> decode(byte[] data) {
        try {
            var in = new NoteTexts.Reader(new NoteInput(data));
            String noteKey = in.text();
            if (!noteKey.equals(key)) {
                return Optional.empty();
            }
            String shared = in.text();
            int n = in.count();
            Map<String, RenderCache.Kept> pages = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String url = in.text();
                String specHash = in.text();
                String htmlHash = in.text();
                String keyHash = in.text();
                String pageUrl = in.text();
                String template = in.text();
                String title = in.text();
                Optional<SourceSpan> origin = in.readBoolean() ? Optional.of(span(in)) : Optional.empty();
                int links = in.count();
                List<LinkUse> linkUses = new ArrayList<>(links);
                for (int k = 0; k < links; k++) {
                    linkUses.add(new LinkUse(in.text(), in.readBoolean(), in.text(), span(in)));
                }
                int citations = in.count();
                List<CitationUse> citationUses = new ArrayList<>(citations);
                for (int k = 0; k < citations; k++) {
                    String citeKey = in.text();
                    boolean located = in.readBoolean();
                    String locator = in.text();
                    citationUses.add(new CitationUse(citeKey, located ? Optional.of(locator) : Optional.empty(),
                            span(in)));
                }
                List<String> sources = texts(in);
                Set<String> ids = new HashSet<>(texts(in));
                Set<String> targets = new HashSet<>(texts(in));
                int diagnostics = in.count();
                List<Diagnostic> found = new ArrayList<>(diagnostics);
                for (int k = 0; k < diagnostics; k++) {
                    found.add(diagnostic(in));
                }
                pages.put(url, new RenderCache.Kept(specHash, htmlHash, new RenderedPage(pageUrl, template, origin,
                        new byte[0], linkUses, citationUses, sources, ids, targets, found, title), keyHash));
            }
            int plainCount = in.count();
            Map<String, String> plain = new HashMap<>(plainCount * 2);
            for (int i = 0; i < plainCount; i++) {
                plain.put(in.text(), in.text());
            }
            int wordCount = in.count();
            Map<String, String> bodyWords = new HashMap<>(wordCount * 2);
            for (int i = 0; i < wordCount; i++) {
                bodyWords.put(in.text(), in.text());
            }
            int levelCount = in.count();
            Map<String, Readability.Level> levels = new HashMap<>(levelCount * 2);
            for (int i = 0; i < levelCount; i++) {
                String hash = in.text();
                String scale = in.text();
                double score = in.readDouble();
                int words = in.readInt();
                int sentences = in.readInt();
                int longest = in.count();
                List<Readability.Sentence> list = new ArrayList<>(longest);
                for (int k = 0; k < longest; k++) {
                    list.add(new Readability.Sentence(in.text(), in.readInt(), in.readInt(), span(in)));
                }
                levels.put(hash, new Readability.Level(scale, score, words, sentences, list));
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Note(noteKey, shared, pages, plain, bodyWords, levels));
        } catch (IOException | IllegalArgumentException e) {
            // a damaged note (cut short, values out of range) is only a slower build
            return Optional.empty();
        }
    }

    private static void diagnostic(NoteTexts.Writer out, Diagnostic d) throws IOException {
        out.text(d.severity().name());
        out.text(d.code());
        out.text(d.message());
        span(out, d.at());
        out.writeInt(d.via().size());
        for (SourceSpan s : d.via()) {
            span(out, s);
        }
    }

    private static Diagnostic diagnostic(NoteTexts.Reader in) throws IOException {
        Severity severity = Severity.valueOf(in.text());
        String code = in.text();
        String message = in.text();
        SourceSpan at = span(in);
        int n = in.count();
        List<SourceSpan> via = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            via.add(span(in));
        }
        return new Diagnostic(severity, code, message, at, via);
    }

    private static void span(NoteTexts.Writer out, SourceSpan s) throws IOException {
        out.text(s.file());
        out.writeInt(s.line());
        out.writeInt(s.column());
    }

    private static SourceSpan span(NoteTexts.Reader in) throws IOException {
        return new SourceSpan(in.text(), in.readInt(), in.readInt());
    }

    private static void texts(NoteTexts.Writer out, Collection<String> texts) throws IOException {
        Collection<String> ordered = texts instanceof List ? texts : new TreeSet<>(texts);
        out.writeInt(ordered.size());
        for (String t : ordered) {
            out.text(t);
        }
    }

    private static List<String> texts(NoteTexts.Reader in) throws IOException {
        int n = in.count();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.text());
        }
        return out;
    }
}

package dev.patella.render;

import dev.patella.source.QuickHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The pages of the previous render and the spec each was made from, so that the next render
 * makes again only the pages whose spec changed. Owned by one session; used by one render at a time.
 *
 * <p>A cache {@linkplain #keeping() that keeps} also hashes every spec (see {@link ValueHash}), so
 * that its pages can be remembered on disk ({@link #kept()}) and given to the next run of Patella
 * ({@link #restore}): that run then reuses a page whose spec hashes the same, with its HTML read
 * back from where the last run published it, instead of rendering it again.
 */
public final class RenderCache {

    /**
     * A page with its spec, the spec's hash and the HTML's hash (each empty when not known),
     * and the inputs the spec was built from, or {@code null} (see {@link PageJob#keyedBy}).
     */
    record Entry(PageSpec spec, String specHash, String htmlHash, RenderedPage page, Object specKey) {
    }

    /**
     * A page as an earlier run remembered it.
     *
     * @param specHash the hash of the spec it was made from
     * @param htmlHash the hash of its HTML ({@link QuickHash#hexOf(byte[])}), as the site manifest has it
     * @param page     the page with the facts the checks need; its HTML is empty (it is read back when reused)
     * @param keyHash  the hash of the inputs its spec was built from (see {@link PageJob#keyedBy}), so
     *                 that the next run can reuse it without building its spec; empty when it has none
     */
    public record Kept(String specHash, String htmlHash, RenderedPage page, String keyHash) {
    }

    /**
     * Reads back the HTML of a page an earlier run made, given its URL and what was remembered of it.
     * Empty when it is not there as that run left it: the page is then rendered again.
     */
    public interface Html extends BiFunction<String, Kept, Optional<byte[]>> {
    }

    final boolean keeping;
    final ValueHash hasher = new ValueHash();
    Object shared;
    /** The hash of what no spec holds (see {@link SiteRenderer}); empty when not keeping or unhashable. */
    String sharedHash = "";
    Map<String, Entry> pages = new HashMap<>();
    List<String> lastRendered = List.of();
    /** The versions of each page in the site's languages as the last render found them (not in spec keys). */
    Alternates alternates = Alternates.none();
    private final Map<Object, Object> interned = new HashMap<>();
    /** The hash of the inputs of each keyed page of the last render, by site URL (kept on disk). */
    final Map<String, String> keyHashes = new ConcurrentHashMap<>();
    /** Hashes of the parts of spec keys, by identity: a part every plain page shares is hashed once. */
    private volatile Map<Identity, String> partHashes = new ConcurrentHashMap<>();
    /** The last render's part hashes: a part the next render still holds (a file not read again) is not hashed again. */
    private volatile Map<Identity, String> lastPartHashes = Map.of();

    /** An object known by its identity only. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * The hash of a page's spec key ({@link PageJob#keyedBy}) with {@code extra}, what else its spec
     * reads; empty when either cannot be hashed. A key that is a list is hashed part by part, each
     * part once per object, so the site-wide part all plain pages share costs one hash per render.
     */
    String keyHash(Object key, Object extra) {
        List<?> parts = key instanceof List<?> list ? list : List.of(key);
        var out = new QuickHash().add(parts.size());
        for (Object part : parts) {
            String h = partHashes.computeIfAbsent(new Identity(part), id -> {
                String last = lastPartHashes.get(id);
                return last != null ? last : hasher.of(id.value()).orElse("");
            });
            if (h.isEmpty()) {
                return "";
            }
            out.add(h);
        }
        String e = hasher.of(extra).orElse("");
        return e.isEmpty() ? "" : out.add(e).hex();
    }

    /**
     * Starts a render: what the render before it hashed or used is let go, so that a cache kept
     * for many builds (the build server's) holds what about two builds need, not every edit's.
     */
    void startRender() {
        lastPartHashes = partHashes;
        partHashes = new ConcurrentHashMap<>();
        keyHashes.clear();
        int bound = 2 * pages.size() + 64;
        if (usedPlain.size() > bound) {
            usedPlain.clear(); // the next note then lacks some: the build after it makes them again
        }
        if (usedWords.size() > bound) {
            usedWords.clear();
        }
    }

    /** An object equal to {@code key} that a render used before, or {@code key} (then remembered). */
    synchronized Object same(Object key) {
        Object before = interned.get(key);
        if (before != null) {
            return before;
        }
        if (interned.size() > 64) {
            interned.clear(); // keys long gone
        }
        interned.put(key, key);
        return key;
    }

    String restoredShared = "";
    Map<String, Kept> restored = Map.of();
    Html html = (url, kept) -> Optional.empty();

    /** Plain texts of Markdown an earlier run made, by the {@link QuickHash} of the Markdown. */
    Map<String, String> restoredPlain = Map.of();
    /** Plain texts of Markdown this run used, by the {@link QuickHash} of the Markdown. */
    final Map<String, String> usedPlain = new ConcurrentHashMap<>();

    /** A cache for a session that lives in memory only (the dev server's, {@code check}'s). */
    public RenderCache() {
        this(false);
    }

    private RenderCache(boolean keeping) {
        this.keeping = keeping;
    }

    /** A cache that hashes each spec, so that its pages can be remembered on disk. */
    public static RenderCache keeping() {
        return new RenderCache(true);
    }

    /** The URLs the last render made (the others it reused), in URL order. */
    public List<String> lastRendered() {
        return lastRendered;
    }

    /**
     * Gives this cache the pages an earlier run made, before its first render.
     *
     * @param sharedHash what {@link #sharedHash()} was for that run: when it differs, none is reused
     * @param pages      the pages by URL
     * @param html       reads a reused page's HTML back
     * @param plainTexts what {@link #plainTexts()} was for that run
     */
    public void restore(String sharedHash, Map<String, Kept> pages, Html html, Map<String, String> plainTexts) {
        this.restoredShared = sharedHash;
        this.restored = Map.copyOf(pages);
        this.html = html;
        this.restoredPlain = Map.copyOf(plainTexts);
    }

    /**
     * Stops reusing the pages of the earlier run given to {@link #restore}: their HTML is read back
     * from the output folder, which holds them only until the next write. The plain texts and
     * body words stay, as they are kept by the hash of their Markdown.
     */
    public void forgetEarlierRun() {
        this.restoredShared = "";
        this.restored = Map.of();
        this.html = (url, kept) -> Optional.empty();
    }

    /**
     * The plain text of some Markdown (words only, for the search index), made by {@code make}
     * unless an earlier run remembered it.
     */
    String plainText(String markdown, Supplier<String> make) {
        String hash = QuickHash.hexOf(markdown);
        String plain = restoredPlain.get(hash);
        if (plain == null) {
            plain = make.get();
        }
        usedPlain.put(hash, plain);
        return plain;
    }

    /** Body words an earlier run made (see {@link SearchIndex#bodyWords}), by the hash of their Markdown texts. */
    Map<String, String> restoredWords = Map.of();
    /** Body words this run used, by the hash of their Markdown texts. */
    final Map<String, String> usedWords = new ConcurrentHashMap<>();

    /** Gives this cache the body words an earlier run made: what {@link #bodyWords()} was for that run. */
    public void restoreWords(Map<String, String> words) {
        this.restoredWords = Map.copyOf(words);
    }

    /**
     * The search index's body words of some Markdown texts, made by {@code make} unless an earlier
     * run remembered them (splitting every page's text into words was a tenth of a one-page
     * rebuild). They are known by the Markdown, not its plain text, so a page whose words are
     * remembered needs no plain text made, nor kept on disk.
     */
    String bodyWords(List<String> texts, Supplier<String> make) {
        var hash = new QuickHash().add(texts.size());
        texts.forEach(hash::add);
        String key = hash.hex();
        String words = restoredWords.get(key);
        if (words == null) {
            words = make.get();
        }
        usedWords.put(key, words);
        return words;
    }

    /** The body words the last render used, by the hash of their Markdown texts, to be remembered on disk. */
    public Map<String, String> bodyWords() {
        return Map.copyOf(usedWords);
    }

    /** The plain texts of Markdown the last render used, by the {@link QuickHash} of the Markdown, to be remembered on disk. */
    public Map<String, String> plainTexts() {
        return Map.copyOf(usedPlain);
    }

    /** The hash of the inputs every page shares (templates, references, glossary, settings); empty when unknown. */
    public String sharedHash() {
        return sharedHash;
    }

    /**
     * The pages of the last render whose spec could be hashed, to be remembered on disk, by URL.
     * The hash of each page's HTML is made here once and kept with the page from then on.
     */
    public Map<String, Kept> kept() {
        if (!keeping || sharedHash.isEmpty()) {
            return new HashMap<>();
        }
        // the hash of every page rendered this time (the site's manifest takes it from here): on
        // both cores (as SHA-256, it was a twentieth of a cold build's CPU; this hash is far cheaper)
        Map<String, Kept> kept = pages.entrySet().parallelStream().filter(e -> !e.getValue().specHash().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> {
                    Entry entry = e.getValue();
                    RenderedPage p = entry.page();
                    String htmlHash = entry.htmlHash().isEmpty() ? QuickHash.hexOf(p.html()) : entry.htmlHash();
                    return new Kept(entry.specHash(), htmlHash, p.withHtml(new byte[0]),
                            keyHashes.getOrDefault(e.getKey(), ""));
                }, (a, b) -> a, HashMap::new));
        // each page's hash kept with it, so that the next render of a long-lived cache (the build
        // server's) does not hash its unchanged pages again
        kept.forEach((url, page) -> pages.computeIfPresent(url, (u, entry) -> entry.htmlHash().isEmpty()
                ? new Entry(entry.spec(), entry.specHash(), page.htmlHash(), entry.page(), entry.specKey()) : entry));
        return kept;
    }

    /**
     * The page an earlier run made at {@code siteUrl} from inputs that hash to {@code keyHash}, with
     * its HTML read back and its spec not built; empty when none fits.
     */
    Optional<Entry> fromEarlierKey(String siteUrl, String keyHash, Object specKey) {
        if (keyHash.isEmpty() || sharedHash.isEmpty() || !sharedHash.equals(restoredShared)) {
            return Optional.empty();
        }
        Kept kept = restored.get(siteUrl);
        if (kept == null || !kept.keyHash().equals(keyHash) || kept.specHash().isEmpty()) {
            return Optional.empty();
        }
        return html.apply(siteUrl, kept).map(bytes -> new Entry(null, kept.specHash(), kept.htmlHash(),
                kept.page().withHtml(bytes), specKey));
    }

    /** The page remembered from an earlier run for this spec, with its HTML read back; empty when none fits. */
    Optional<Entry> fromEarlierRun(PageSpec spec, String specHash) {
        String url = spec.url();
        if (specHash.isEmpty() || sharedHash.isEmpty() || !sharedHash.equals(restoredShared)) {
            return Optional.empty();
        }
        Kept kept = restored.get(url);
        if (kept == null || !kept.specHash().equals(specHash)) {
            return Optional.empty();
        }
        return html.apply(url, kept).map(bytes -> new Entry(spec, specHash, kept.htmlHash(),
                kept.page().withHtml(bytes), null));
    }
}

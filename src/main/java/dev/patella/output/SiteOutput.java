package dev.patella.output;

import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.StaticFile;
import dev.patella.render.Alternates;
import dev.patella.render.Assets;
import dev.patella.render.DataFile;
import dev.patella.render.PageKinds;
import dev.patella.render.RenderedPage;
import dev.patella.render.SiteRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every file of the site in one place: the rendered pages, and every file that is not a page
 * (the sitemap, robots.txt, the hosting files, the made data files, the template assets and the
 * content's images). What else needs to know the files that are not pages (the link checker,
 * the names no page may take) asks here.
 */
public final class SiteOutput {

    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** The folders of copied files: the templates' assets and the content's images. */
    private static final List<String> FOLDERS = List.of("assets", "images");
    /** The files Patella makes at the site root besides pages and data files. */
    private static final List<String> MADE = List.of(SITEMAP, ROBOTS, HostingFiles.HEADERS, HostingFiles.HTACCESS);

    private SiteOutput() {
    }

    /**
     * The names at the site root that are not pages, without their extension ({@code sitemap},
     * {@code assets}, {@code manifest}), which no page may take as its slug.
     */
    public static Set<String> reservedNames() {
        Set<String> out = new TreeSet<>(FOLDERS);
        MADE.forEach(name -> out.add(stem(name)));
        SiteRenderer.rootFiles().forEach(name -> out.add(stem(name)));
        out.remove("");
        return Set.copyOf(out);
    }

    /** Every file of the site that is not a page, as a site-root path ({@code /sitemap.xml}), for link checks. */
    public static Set<String> notPages(SiteIndex index, Assets assets, List<DataFile> data) {
        Set<String> files = new HashSet<>();
        data.forEach(f -> files.add("/" + f.sitePath()));
        index.site().files().forEach(f -> files.add("/" + f.sitePath()));
        assets.files().values().forEach(a -> files.add("/" + a.sitePath()));
        MADE.forEach(name -> files.add("/" + name));
        return files;
    }

    /** Every file of the site: the pages and data files made, and the files copied as they are. */
    public static SiteFiles files(SiteIndex index, List<RenderedPage> pages, List<DataFile> data, Assets assets) {
        return files(index, pages, data, assets, Alternates.none());
    }

    /**
     * Every file of a site in one or more languages: {@code index} is the default language's,
     * {@code pages} those of every edition, {@code alternates} their versions for the sitemap.
     */
    public static SiteFiles files(SiteIndex index, List<RenderedPage> pages, List<DataFile> data, Assets assets,
                                  Alternates alternates) {
        return files(List.of(index), pages, data, assets, alternates);
    }

    /**
     * Like {@link #files(SiteIndex, List, List, Assets, Alternates)}, from every edition of the site,
     * the default language's first: the hosting files send each old address a page keeps on to it.
     */
    public static SiteFiles files(List<SiteIndex> editions, List<RenderedPage> pages, List<DataFile> data,
                                  Assets assets, Alternates alternates) {
        SiteIndex index = editions.get(0);
        Map<String, byte[]> generated = new HashMap<>();
        List<String> sitemap = new ArrayList<>();
        for (RenderedPage page : pages) {
            generated.put(Urls.file(page.url()), page.html());
            if (PageKinds.inSitemap(page.template())) {
                sitemap.add(page.url());
            }
        }
        var baseUrl = index.site().config().baseUrl();
        generated.put(SITEMAP, Sitemap.xml(baseUrl, sitemap, alternates).getBytes(StandardCharsets.UTF_8));
        generated.put(ROBOTS, Sitemap.robots(baseUrl).getBytes(StandardCharsets.UTF_8));
        List<String> immutable = new ArrayList<>(assets.fingerprinted());
        data.stream().filter(DataFile::fingerprinted).forEach(f -> immutable.add(f.sitePath()));
        immutable.sort(null);
        generated.put(HostingFiles.HEADERS, HostingFiles.headers(immutable).getBytes(StandardCharsets.UTF_8));
        generated.put(HostingFiles.HTACCESS,
                HostingFiles.htaccess(baseUrl.getRawPath(), immutable, index.site().config().languages().others(),
                        moves(editions)).getBytes(StandardCharsets.UTF_8));
        data.forEach(f -> generated.put(f.sitePath(), f.bytes()));
        Map<String, Path> copied = new HashMap<>();
        for (StaticFile f : index.site().files()) {
            copied.put(f.sitePath(), f.file());
        }
        // stylesheets and scripts from the bytes their names' hashes are of; other assets as they are
        assets.files().values().forEach(a -> a.published().ifPresentOrElse(bytes -> generated.put(a.sitePath(), bytes),
                () -> copied.put(a.sitePath(), a.source())));
        return new SiteFiles(generated, copied);
    }

    /** The old addresses the pages of every edition keep, as site paths, each with the page's address now. */
    static Map<String, String> moves(List<SiteIndex> editions) {
        Map<String, String> out = new TreeMap<>();
        for (SiteIndex edition : editions) {
            String prefix = edition.site().config().prefix();
            edition.moved().forEach((from, move) -> out.put(prefix + from, prefix + move.to()));
        }
        return out;
    }

    private static String stem(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

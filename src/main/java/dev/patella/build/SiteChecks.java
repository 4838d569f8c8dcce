package dev.patella.build;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Exercise;
import dev.patella.model.StaticFile;
import dev.patella.output.HostingFiles;
import dev.patella.output.SiteFiles;
import dev.patella.output.Sitemap;
import dev.patella.render.Assets;
import dev.patella.render.DataFile;
import dev.patella.render.RenderedPage;
import dev.patella.validate.CheckRules;
import dev.patella.validate.CitationChecker;
import dev.patella.validate.LinkChecker;
import dev.patella.validate.OutputLinkChecker;
import dev.patella.validate.TemplateLink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole-site steps after rendering: the checks every build runs, the stricter ones of {@code check}, the file list. */
final class SiteChecks {

    private SiteChecks() {
    }

    /** Citations, and links in Markdown, front matter, templates and the finished pages. */
    static void check(SiteIndex index, List<RenderedPage> pages, Assets assets, List<DataFile> data,
                      List<TemplateLink> templateLinks, Diagnostics diagnostics) {
        List<CitationUse> citations = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        List<LinkUse> links = new ArrayList<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (RenderedPage page : pages) {
            citations.addAll(page.citations());
            listed.addAll(page.sources());
            links.addAll(page.links());
            ids.put(page.url(), page.ids());
        }
        var unreadable = index.site().unreadable();
        if (!unreadable.conditions().isEmpty() || !unreadable.exercises().isEmpty() || !unreadable.pages().isEmpty()) {
            // a file that could not be read may cite any source: none is called unused until it reads
            index.site().references().forEach(r -> listed.add(r.id()));
        }
        CitationChecker.check(index.site().references(), !unreadable.sources(), citations, listed, diagnostics);
        Set<String> broken = new HashSet<>(index.urls());
        broken.removeAll(ids.keySet());
        index.site().unreadable().exercises().forEach(slug -> broken.add(Urls.exercise(slug)));
        index.site().unreadable().conditions().forEach(slug -> {
            broken.add(Urls.condition(slug));
            broken.add(Urls.program(slug));
        });
        index.site().unreadable().pages().forEach(slug -> broken.add(Urls.page(slug)));
        var checker = new LinkChecker(ids, siteFiles(index, assets, data), broken);
        checker.check(links, diagnostics);
        checker.check(illustrations(index), diagnostics);
        // a missing file or page named in content is reported at that line, not again on every page showing it
        for (LinkUse link : illustrations(index)) {
            if (!checker.resolves(link.target())) {
                broken.add(link.target());
            }
        }
        Map<String, String> illustrationOf = new HashMap<>();
        for (Exercise e : index.exercises()) {
            e.illustration().ifPresent(i -> illustrationOf.put(Urls.exercise(e.slug()), i.src()));
        }
        List<OutputLinkChecker.PageLinks> output = new ArrayList<>(pages.size());
        for (RenderedPage page : pages) {
            List<String> written = new ArrayList<>(page.links().size() + 1);
            page.links().forEach(l -> written.add(l.target()));
            if (illustrationOf.containsKey(page.url())) {
                written.add(illustrationOf.get(page.url()));
            }
            output.add(new OutputLinkChecker.PageLinks(page.url(), page.origin(), page.template(), page.targets(),
                    written));
        }
        OutputLinkChecker.check(checker, output, templateLinks, broken, diagnostics);
    }

    /** The rules {@code patella check} adds to those of a build. */
    static void strict(SiteBuild build, Diagnostics diagnostics) {
        build.index().ifPresent(index -> {
            CheckRules.exercisesInPrograms(index, diagnostics);
            CheckRules.clinicalReviewers(index, diagnostics);
            List<LinkUse> links = new ArrayList<>(illustrations(index));
            build.pages().forEach(p -> links.addAll(p.links()));
            CheckRules.linksAndImages(links, diagnostics);
        });
        CheckRules.templateLinks(build.templateLinks(), diagnostics);
    }

    /** Every exercise's illustration, as an image link written where its {@code src} is. */
    private static List<LinkUse> illustrations(SiteIndex index) {
        List<LinkUse> out = new ArrayList<>();
        for (Exercise e : index.exercises()) {
            e.illustration().ifPresent(i -> out.add(new LinkUse(i.src(), true, i.alt(), i.at())));
        }
        return out;
    }

    private static Set<String> siteFiles(SiteIndex index, Assets assets, List<DataFile> data) {
        Set<String> files = new HashSet<>();
        data.forEach(f -> files.add("/" + f.sitePath()));
        index.site().files().forEach(f -> files.add("/" + f.sitePath()));
        assets.files().values().forEach(a -> files.add("/" + a.sitePath()));
        files.add("/sitemap.xml");
        files.add("/robots.txt");
        return files;
    }

    static SiteFiles files(SiteIndex index, List<RenderedPage> pages, List<DataFile> data, Assets assets) {
        Map<String, byte[]> generated = new HashMap<>();
        List<String> sitemap = new ArrayList<>();
        for (RenderedPage page : pages) {
            generated.put(Urls.file(page.url()), page.html());
            if (!page.url().equals(Urls.NOT_FOUND)) {
                sitemap.add(page.url());
            }
        }
        var baseUrl = index.site().config().baseUrl();
        generated.put("sitemap.xml", Sitemap.xml(baseUrl, sitemap).getBytes(StandardCharsets.UTF_8));
        generated.put("robots.txt", Sitemap.robots(baseUrl).getBytes(StandardCharsets.UTF_8));
        List<String> immutable = new ArrayList<>(assets.fingerprinted());
        data.stream().filter(DataFile::fingerprinted).forEach(f -> immutable.add(f.sitePath()));
        immutable.sort(null);
        generated.put(HostingFiles.HEADERS, HostingFiles.headers(immutable).getBytes(StandardCharsets.UTF_8));
        generated.put(HostingFiles.HTACCESS,
                HostingFiles.htaccess(baseUrl.getRawPath(), immutable).getBytes(StandardCharsets.UTF_8));
        data.forEach(f -> generated.put(f.sitePath(), f.bytes()));
        Map<String, Path> copied = new HashMap<>();
        for (StaticFile f : index.site().files()) {
            copied.put(f.sitePath(), f.file());
        }
        assets.files().values().forEach(a -> copied.put(a.sitePath(), a.source()));
        return new SiteFiles(generated, copied);
    }
}

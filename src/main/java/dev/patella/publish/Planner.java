package dev.patella.publish;

import dev.patella.output.HostingFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares a built site with what a target holds and orders the changes so no visitor sees a broken page. */
final class Planner {

    /** Sent after the pages: they point at pages, and search engines read them. */
    private static final Set<String> LAST = Set.of("sitemap.xml", "robots.txt", HostingFiles.HEADERS,
            HostingFiles.HTACCESS);

    private Planner() {
    }

    /**
     * @param local    the site's files
     * @param previous the target's manifest (empty when it has none)
     * @param remote   the files the target holds, with their sizes
     * @param delete   whether files Patella published before and the site no longer has are deleted
     * @param baseUrls the base URL the manifest records before and after
     */
    static Plan plan(Map<String, LocalSite.LocalFile> local, Map<String, String> previous, Map<String, Long> remote,
                     boolean delete, Plan.BaseUrls baseUrls) {
        List<Plan.Upload> uploads = new ArrayList<>();
        Map<String, String> after = new TreeMap<>();
        int unchanged = 0;
        for (LocalSite.LocalFile f : local.values()) {
            after.put(f.path(), f.sha256());
            Long size = remote.get(f.path());
            if (size != null && size == f.size() && f.sha256().equals(previous.get(f.path()))) {
                unchanged++;
            } else {
                uploads.add(new Plan.Upload(f.path(), f.file(), f.size(), size == null));
            }
        }
        uploads.sort(Comparator.comparingInt(Planner::group).thenComparing(Plan.Upload::path));
        List<String> deletions = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        NavigableSet<String> sent = new TreeSet<>();
        uploads.forEach(u -> sent.add(u.path()));
        for (String path : previous.keySet()) {
            if (!local.containsKey(path) && remote.containsKey(path)) {
                // one in the way of a file or folder of the site goes, even with --no-delete: the site needs the place
                (delete || inTheWay(path, sent) ? deletions : kept).add(path);
            }
        }
        kept.forEach(path -> after.put(path, previous.get(path)));
        List<String> foreign = remote.keySet().stream().filter(p -> !p.equals(RemoteManifest.NAME)
                && !previous.containsKey(p) && !TargetPaths.isTemporary(p)).toList();
        return new Plan(uploads, deletions, kept, unchanged, foreign, previous, after, baseUrls);
    }

    /**
     * Whether a file Patella published at {@code path} is in the way of {@code uploads}: a file where
     * one needs a folder, or one inside a folder that is now a file.
     */
    static boolean inTheWay(String path, NavigableSet<String> uploads) {
        String under = uploads.ceiling(path + "/");
        if (under != null && under.startsWith(path + "/")) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (uploads.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The files (or links) Patella did not publish that the site would replace: one with the name of a
     * site file, or one where the site needs a folder (such as a link named {@code exercises}).
     */
    static List<String> clashes(Set<String> local, List<String> foreign) {
        NavigableSet<String> sorted = new TreeSet<>(local);
        return foreign.stream().filter(p -> sorted.contains(p) || startsAFolder(sorted, p)).toList();
    }

    private static boolean startsAFolder(NavigableSet<String> local, String path) {
        String next = local.ceiling(path + "/");
        return next != null && next.startsWith(path + "/");
    }

    /** Assets and images first, then new pages, then changed pages, then the files that point at pages. */
    private static int group(Plan.Upload upload) {
        if (LAST.contains(upload.path())) {
            return 3;
        }
        if (upload.path().endsWith(".html")) {
            return upload.fresh() ? 1 : 2;
        }
        return 0;
    }
}

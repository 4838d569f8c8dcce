package dev.patella.publish;

import dev.patella.output.HostingFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sends a built site to a target, only what changed. The target's manifest says what Patella sent
 * before and the hash of each file; the order of the changes never shows a visitor a page whose
 * stylesheet, images or linked pages are not there yet.
 */
public final class SitePublisher {

    /**
     * What the publish did.
     *
     * @param uploaded  files sent
     * @param deleted   files deleted
     * @param unchanged files the target already had
     * @param kept      files no longer in the site that were kept because deleting was turned off
     */
    public record Result(int uploaded, int deleted, int unchanged, int kept) {
    }

    /** Far more than a manifest of 100,000 files needs; a larger file is not read. */
    private static final long MAX_MANIFEST = 32L * 1024 * 1024;

    private final Progress progress;

    public SitePublisher(Progress progress) {
        this.progress = progress;
    }

    /**
     * What the user chose on the command line.
     *
     * @param delete  whether files Patella published before that the site no longer has are deleted
     * @param yes     whether to publish to a target that holds files Patella did not publish (they are then
     *                kept and never replaced: a site file with the same name stops the publish)
     * @param baseUrl the {@code --base-url} that confirms the address the target is served at, when given
     */
    public record Choices(boolean delete, boolean yes, Optional<URI> baseUrl) {

        /** Delete what the site no longer has, refuse a target with other files, no base URL given. */
        public static Choices defaults() {
            return new Choices(true, false, Optional.empty());
        }
    }

    /**
     * Works out what publishing {@code site} to {@code target} would do, without changing anything.
     *
     * @throws PublishRefusedException when the target looks like it belongs to something else and
     *                                 {@code choices.yes()} is false, when the site would replace a file Patella
     *                                 did not publish, or when the site was built for another address than the
     *                                 target serves (see {@link BaseUrlCheck})
     * @throws IOException             when the site or the target cannot be read
     */
    public Plan plan(Path site, Target target, Choices choices) throws IOException {
        Map<String, LocalSite.LocalFile> local = LocalSite.scan(site);
        Optional<URI> built = LocalSite.baseUrl(site);
        Map<String, Long> remote = target.list();
        Previous read = previous(target, remote, choices.yes(), local.keySet());
        RemoteManifest previous = read.manifest();
        BaseUrlCheck.check(built, previous.baseUrl(), choices.baseUrl(), target.folder(), target.describe());
        Optional<URI> after = built.isPresent() ? built : previous.baseUrl();
        Plan plan = Planner.plan(local, previous.files(), remote, choices.delete(),
                new Plan.BaseUrls(previous.baseUrl(), after));
        refuseClashes(target, Planner.clashes(local.keySet(), plan.foreign()), local.keySet(), read.unread());
        refuseFolders(target, local.keySet(), previous.files().keySet());
        return plan;
    }

    /**
     * Refuses a folder on the target where the site has a file ({@code about/index.html} made a
     * folder), when no file in it is one Patella published ({@code published}): the upload would stop
     * part way at it, every time. A folder of Patella's own where the site now has a file is emptied
     * and removed by the publish.
     */
    private static void refuseFolders(Target target, Set<String> local, Set<String> published) {
        List<String> folders = local.stream().filter(target.folders()::contains)
                .filter(f -> published.stream().noneMatch(p -> p.startsWith(f + "/"))).sorted().toList();
        if (!folders.isEmpty()) {
            throw new PublishRefusedException(target.describe() + " holds a folder " + folders.get(0)
                    + (folders.size() > 1 ? " (and " + (folders.size() - 1) + " more)" : "") + " where the site has a "
                    + "file of that name, so nothing was published. Patella never replaces or deletes what it did "
                    + "not publish: move the folder out of the target (or delete it) and publish again");
        }
    }

    /**
     * Refuses files on the target that Patella did not publish where the site has a file or a
     * folder of the same name: it never replaces them, not even with --yes.
     */
    private static void refuseClashes(Target target, List<String> clashes, Set<String> local, boolean unreadManifest) {
        if (clashes.isEmpty()) {
            return;
        }
        if (unreadManifest) {
            throw new PublishRefusedException(target.describe() + " has a " + RemoteManifest.NAME + " that Patella "
                    + "cannot read, so with --yes every file there counts as someone else's, and it holds "
                    + clashes.get(0) + (clashes.size() > 1 ? " and " + (clashes.size() - 1) + " more" : "")
                    + " where the site has the same names; nothing was published. If the folder holds only this "
                    + "site, as Patella sent it, empty it and publish again; otherwise publish to an empty folder");
        }
        long files = clashes.stream().filter(local::contains).count();
        String where = clashes.size() == 1 ? (files == 1 ? "a file of the same name" : "a folder of that name")
                : files == clashes.size() ? "files of the same names"
                : files == 0 ? "folders of those names" : "files or folders of the same names";
        throw new PublishRefusedException(target.describe() + " holds " + clashes.get(0)
                + (clashes.size() > 1 ? " and " + (clashes.size() - 1) + " more" : "") + ", which Patella did "
                + "not publish, where the site has " + where + ". Patella never replaces a file it did not "
                + "publish, not even with --yes: move " + (clashes.size() == 1 ? "it" : "them") + " out of the "
                + "target (or delete " + (clashes.size() == 1 ? "it" : "them") + ") and publish again, or publish "
                + "to an empty folder" + (clashes.contains(HostingFiles.HTACCESS) ? ". A host's own " + HostingFiles.HTACCESS
                + " may hold rules the site needs (such as sending visitors to https://): keep them by putting "
                + "them in the server's settings, or in the " + HostingFiles.HTACCESS + " of the folder above the "
                + "site, before you move it" : ""));
    }

    /**
     * Carries out a plan: claims the target with a manifest that marks the files about to change, sends the
     * uploads in order, deletes, and writes the final manifest last. A publish that stops part way leaves
     * every file whole and is completed by the next one.
     *
     * @throws IOException when the target fails; what was sent so far stays, and is sent again next time
     */
    public Result publish(Plan plan, Target target) throws IOException {
        if (plan.isEmpty()) {
            return new Result(0, 0, plan.unchanged(), plan.kept().size());
        }
        Map<String, String> pending = new TreeMap<>(plan.previous());
        plan.uploads().forEach(u -> pending.put(u.path(), ""));
        // the new base URL is recorded at once: the user confirmed it, and the next publish finishes the job
        target.write(RemoteManifest.NAME, new RemoteManifest(pending, plan.baseUrls().after()).toJson());
        removeLeftovers(target);
        Map<String, String> done = new TreeMap<>(plan.after());
        // a file the site had where it now has a folder, or one in a folder where it now has a file,
        // goes first: the uploads cannot be written while it is in the way
        Set<String> inTheWay = inTheWay(plan);
        try {
            for (String path : inTheWay) {
                target.delete(path);
            }
        } catch (IOException e) {
            throw stopped(target, "while deleting files", e);
        }
        send(plan, target, done);
        try {
            for (String path : plan.deletions()) {
                if (!inTheWay.contains(path)) {
                    target.delete(path);
                }
            }
        } catch (IOException e) {
            throw stopped(target, "while deleting files", e);
        }
        target.write(RemoteManifest.NAME, new RemoteManifest(done, plan.baseUrls().after()).toJson());
        return new Result(plan.uploads().size(), plan.deletions().size(), plan.unchanged(), plan.kept().size());
    }

    /** The deletions an upload needs done before it (see {@link Planner#inTheWay}). */
    private static Set<String> inTheWay(Plan plan) {
        NavigableSet<String> uploads = new TreeSet<>();
        plan.uploads().forEach(u -> uploads.add(u.path()));
        Set<String> found = new HashSet<>();
        plan.deletions().stream().filter(path -> Planner.inTheWay(path, uploads)).forEach(found::add);
        return found;
    }

    /** Sends the uploads in order, recording the hash of the bytes actually sent. */
    private void send(Plan plan, Target target, Map<String, String> done) throws IOException {
        long total = plan.uploadBytes();
        long sent = 0;
        int files = 0;
        progress.starting(plan.uploads().size(), total);
        for (Plan.Upload upload : plan.uploads()) {
            byte[] bytes = Files.readAllBytes(upload.file());
            try {
                target.write(upload.path(), bytes);
            } catch (IOException e) {
                throw stopped(target, "after " + files + " of " + plan.uploads().size() + " files", e);
            }
            done.put(upload.path(), LocalSite.sha256(bytes));
            sent += bytes.length;
            progress.sent(++files, plan.uploads().size(), sent, Math.max(total, sent));
        }
    }

    private static IOException stopped(Target target, String when, IOException e) {
        return new IOException("publishing to " + target.describe() + " stopped " + when + ": " + e.getMessage()
                + "; every file there is whole (old or new), and the next publish finishes the job", e);
    }

    /** The target's manifest; {@code unread} when it has one Patella cannot read, taken as none with --yes. */
    private record Previous(RemoteManifest manifest, boolean unread) {
    }

    private static Previous previous(Target target, Map<String, Long> remote, boolean yes, Set<String> local)
            throws IOException {
        Long size = remote.get(RemoteManifest.NAME);
        Optional<byte[]> bytes = size == null ? Optional.empty()
                : size > MAX_MANIFEST ? Optional.of(new byte[0]) : target.read(RemoteManifest.NAME);
        RemoteManifest none = new RemoteManifest(Map.of(), Optional.empty());
        if (bytes.isPresent()) {
            Optional<RemoteManifest> manifest = RemoteManifest.parse(bytes.get());
            if (manifest.isPresent()) {
                return new Previous(manifest.get(), false);
            }
            if (!yes) {
                throw new PublishRefusedException(target.describe() + " has a " + RemoteManifest.NAME
                        + " that Patella cannot read, so it cannot tell which files it published there. To publish "
                        + "anyway, add --yes: every file there is then treated as someone else's, kept and never "
                        + "replaced (so a file the site has too stops the publish)");
            }
            return new Previous(none, true);
        }
        List<String> found = remote.keySet().stream().filter(p -> !TargetPaths.isTemporary(p)).toList();
        if (!found.isEmpty() && !yes) {
            // a file --yes would not let through either (a host's own .htaccess) is named first
            refuseClashes(target, Planner.clashes(local, found), local, false);
            refuseFolders(target, local, Set.of());
            throw new PublishRefusedException(target.describe() + " already holds " + found.size()
                    + (found.size() == 1 ? " file" : " files") + " that Patella did not publish (such as "
                    + found.get(0) + "), so it may belong to something else; check the address. "
                    + "To publish there anyway, add --yes: those files are kept, never replaced nor deleted");
        }
        return new Previous(none, false);
    }

    /** Temporary files left by a publish that was stopped part way. */
    private static void removeLeftovers(Target target) throws IOException {
        for (String path : target.list().keySet()) {
            if (TargetPaths.isTemporary(path)) {
                target.delete(path);
            }
        }
    }
}

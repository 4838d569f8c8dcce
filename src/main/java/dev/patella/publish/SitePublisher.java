package dev.patella.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
     * Works out what publishing {@code site} to {@code target} would do, without changing anything.
     *
     * @param delete whether files Patella published before that the site no longer has are deleted
     * @param yes    whether to publish to a target that holds files but no Patella manifest (its files are
     *               then kept, and overwritten only where the site has a file of the same name)
     * @throws PublishRefusedException when the target looks like it belongs to something else and {@code yes}
     *                                 is false
     * @throws IOException             when the site or the target cannot be read
     */
    public Plan plan(Path site, Target target, boolean delete, boolean yes) throws IOException {
        Map<String, LocalSite.LocalFile> local = LocalSite.scan(site);
        Map<String, Long> remote = target.list();
        Map<String, String> previous = previous(target, remote, yes);
        return Planner.plan(local, previous, remote, delete);
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
        target.write(Manifest.NAME, new Manifest(pending).toJson());
        removeLeftovers(target);
        Map<String, String> done = new TreeMap<>(plan.after());
        send(plan, target, done);
        try {
            for (String path : plan.deletions()) {
                target.delete(path);
            }
        } catch (IOException e) {
            throw stopped(target, "while deleting files", e);
        }
        target.write(Manifest.NAME, new Manifest(done).toJson());
        return new Result(plan.uploads().size(), plan.deletions().size(), plan.unchanged(), plan.kept().size());
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

    private static Map<String, String> previous(Target target, Map<String, Long> remote, boolean yes)
            throws IOException {
        Long size = remote.get(Manifest.NAME);
        Optional<byte[]> bytes = size == null ? Optional.empty()
                : size > MAX_MANIFEST ? Optional.of(new byte[0]) : target.read(Manifest.NAME);
        if (bytes.isPresent()) {
            Optional<Manifest> manifest = Manifest.parse(bytes.get());
            if (manifest.isPresent()) {
                return manifest.get().files();
            }
            if (!yes) {
                throw new PublishRefusedException(target.describe() + " has a " + Manifest.NAME
                        + " that Patella cannot read, so it cannot tell which files it published there; to publish "
                        + "anyway, keeping every file it finds there, add --yes");
            }
            return Map.of();
        }
        List<String> found = remote.keySet().stream().filter(p -> !TargetPaths.isTemporary(p)).toList();
        if (!found.isEmpty() && !yes) {
            throw new PublishRefusedException(target.describe() + " already holds " + found.size()
                    + (found.size() == 1 ? " file" : " files") + " that Patella did not publish (such as "
                    + found.get(0) + "), so it may belong to something else; check the address. "
                    + "To publish there anyway, keeping those files, add --yes");
        }
        return Map.of();
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

package dev.patella.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a publish does, worked out before anything is changed.
 *
 * @param uploads   new and changed files, in the order they are sent: assets, then pages (new
 *                  before changed), then the sitemap and the hosts' settings files
 * @param deletions files Patella published before that are no longer in the site, sent last
 * @param kept      such files left in place because deleting was turned off
 * @param unchanged how many files the target already has as they are
 * @param foreign   files (and links) on the target that Patella did not write; they are never touched
 * @param previous  the target's manifest before this publish (empty for a target Patella has not used)
 * @param after     the manifest once this publish is done
 * @param baseUrls  the base URL the target's manifest records now, and the one it records after
 */
public record Plan(List<Upload> uploads, List<String> deletions, List<String> kept, int unchanged,
                   List<String> foreign, Map<String, String> previous, Map<String, String> after,
                   BaseUrls baseUrls) {

    /** The base URL recorded in the target's manifest before and after the publish; empty when none is. */
    public record BaseUrls(Optional<URI> before, Optional<URI> after) {
    }

    /** A file to send from {@code file}; {@code fresh} when the target does not have it yet. */
    public record Upload(String path, Path file, long size, boolean fresh) {
    }

    public Plan {
        uploads = List.copyOf(uploads);
        deletions = List.copyOf(deletions);
        kept = List.copyOf(kept);
        foreign = List.copyOf(foreign);
        previous = new TreeMap<>(previous);
        after = new TreeMap<>(after);
    }

    /** @return true when the target already matches the site */
    public boolean isEmpty() {
        return uploads.isEmpty() && deletions.isEmpty() && previous.equals(after)
                && baseUrls.before().equals(baseUrls.after());
    }

    /**
     * The addresses of the pages this publish takes off the site ({@code /exercises/clamshell/}), in
     * order: each {@code index.html} it deletes.
     */
    public List<String> pagesGone() {
        return deletions.stream().filter(p -> p.equals("index.html") || p.endsWith("/index.html")).sorted()
                .map(p -> "/" + p.substring(0, p.length() - "index.html".length())).toList();
    }

    public long uploadBytes() {
        return uploads.stream().mapToLong(Upload::size).sum();
    }
}

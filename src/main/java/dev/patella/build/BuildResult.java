package dev.patella.build;

import java.time.Duration;
import java.util.List;

/**
 * What a build did.
 *
 * @param published whether the output folder was replaced (false when the content had errors)
 * @param pages     HTML pages made
 * @param rendered  pages rendered by this build; the others were reused from the last build as
 *                  it left them in the site (0 when nothing had changed)
 * @param files     files in the site, pages included
 * @param changed   files of the site that differ from the site it replaced (new, changed or
 *                  removed); 0 when nothing did
 * @param warnings  what the person should know about the output folder although the site was
 *                  published (a stuck back buffer, a leftover that could not be removed), each
 *                  saying what to do; empty when none
 */
public record BuildResult(boolean published, int pages, int rendered, int files, int changed, Duration took,
                          List<String> warnings) {
    public BuildResult {
        warnings = List.copyOf(warnings);
    }
}

package dev.patella.build;

import java.time.Duration;

/**
 * What a build did.
 *
 * @param published whether the output folder was replaced (false when the content had errors)
 * @param pages     HTML pages made
 * @param files     files in the site, pages included
 */
public record BuildResult(boolean published, int pages, int files, Duration took) {
}

package dev.patella.model;

import dev.patella.diag.SourceSpan;

/**
 * A picture of an exercise.
 *
 * @param src site path of the image, for example {@code /images/clamshell.svg}
 */
public record Illustration(String src, String alt, String credit, SourceSpan at) {
}

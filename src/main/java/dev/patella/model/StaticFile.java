package dev.patella.model;

import java.nio.file.Path;

/** A file copied as it is into the site, such as an illustration: {@code sitePath} has no leading slash. */
public record StaticFile(String sitePath, Path file) {
}

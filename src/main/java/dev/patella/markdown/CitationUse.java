package dev.patella.markdown;

import dev.patella.diag.SourceSpan;
import java.util.Optional;

/** One key of a {@code [@key]} citation, with its locator ({@code p. CPG12}) when given. */
public record CitationUse(String key, Optional<String> locator, SourceSpan at) {
}

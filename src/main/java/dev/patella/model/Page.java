package dev.patella.model;

import dev.patella.diag.SourceSpan;

/** A plain page such as about or disclaimer, from {@code content/pages/<slug>.md}, published at {@code /<slug>/}. */
public record Page(String slug, SourceSpan origin, String title, String summary, boolean nav, boolean draft, Prose body) {
}

package dev.patella.cite;

/**
 * A reference formatted in the house style (AMA 11th edition).
 *
 * @param html the entry as HTML, journal in italics, DOI or URL linked; no list number
 * @param text the same entry as plain text, for structured data and tests
 */
public record FormattedReference(String id, String html, String text) {
}

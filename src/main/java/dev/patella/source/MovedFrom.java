package dev.patella.source;

import dev.patella.model.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code moved_from:}, the addresses a page had before it was renamed, which the build keeps
 * as redirects to its new one. Each is an old slug of the page's own kind ({@code clamshell}) or an
 * address of the site written from its root ({@code /exercises/clamshell/}), made of the parts a
 * Patella address is made of (lower-case letters, digits and single hyphens). Nothing written here
 * may name a place outside the site: another server, a climb with {@code ..}, a query, a fragment
 * or a backslash is refused ({@code moved.outside-site}), so that no redirect can be written outside
 * its folder nor send a reader to another site.
 */
final class MovedFrom {

    static final String FIELD = "moved_from";
    private static final int MAX_LENGTH = 200;
    /** A scheme ({@code https:}, {@code javascript:}) or a server ({@code //host}). */
    private static final Pattern OTHER_SITE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|//).*", Pattern.DOTALL);

    private MovedFrom() {
    }

    /**
     * @param example an old address of this kind of page, for messages ({@code /exercises/clamshell/})
     * @return the old addresses as written, an address given its closing slash; a wrong one is
     *         reported (and fails the read) and left out
     */
    static List<Key> read(Fields f, String example) {
        List<Key> out = new ArrayList<>();
        for (Key key : f.addresses(FIELD)) {
            String value = key.value();
            Optional<String> outside = outside(value, example);
            if (outside.isPresent()) {
                f.error("moved.outside-site", key.at(), outside.get());
                continue;
            }
            Optional<String> invalid = invalid(value, example);
            if (invalid.isPresent()) {
                f.error("schema.invalid-value", key.at(), invalid.get());
                continue;
            }
            out.add(new Key(isSlug(value) || value.endsWith("/") ? value : value + "/", key.at()));
        }
        return out;
    }

    private static boolean isSlug(String value) {
        return ContentDocument.SLUG.matcher(value).matches() && value.length() <= 80;
    }

    /** Why {@code value} names a place outside the site; empty when it does not. */
    private static Optional<String> outside(String value, String example) {
        String start = "\"" + value + "\" in moved_from ";
        String fix = "; write the page's old address in this site from its root, such as " + example;
        if (OTHER_SITE.matcher(value).matches()) {
            return Optional.of(start + "names another site or server, and a page can only keep its own old "
                    + "addresses; leave out \"https://\" and the server's name" + fix);
        }
        if (value.indexOf('\\') >= 0) {
            return Optional.of(start + "has a backslash (\\), which browsers read as a slash between folders" + fix
                    + ", with / between its parts");
        }
        if (value.indexOf('?') >= 0 || value.indexOf('#') >= 0) {
            char mark = value.indexOf('?') >= 0 ? '?' : '#';
            return Optional.of(start + "has a \"" + mark + "\", but an old address names a page, not a "
                    + (mark == '?' ? "search or query" : "place on it") + "; leave out the \"" + mark
                    + "\" and what follows it");
        }
        for (String part : value.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return Optional.of(start + "has a \"" + part + "\" part, which would lead out of its folder" + fix);
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} cannot have been an address of this site; empty when it can. */
    private static Optional<String> invalid(String value, String example) {
        if (isSlug(value)) {
            return Optional.empty();
        }
        String start = "\"" + value + "\" in moved_from ";
        if (value.length() > MAX_LENGTH) {
            return Optional.of(start + "is longer than " + MAX_LENGTH + " characters, longer than any page's address"
                    + " here; write the page's old address, such as " + example);
        }
        if (!value.startsWith("/")) {
            return Optional.of(start + "is neither an old slug (lower-case letters, digits and single hyphens) nor an "
                    + "address written from the site's root; write the old address with a \"/\" first and last, such "
                    + "as " + example + ", or the old slug alone");
        }
        String[] parts = value.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && i < parts.length - 1) {
                return Optional.of(start + "has two slashes in a row; write one \"/\" between the parts of the "
                        + "address, such as " + example);
            }
            if (!part.isEmpty() && !isSlug(part)) {
                String own = FileNames.asSlug(part);
                return Optional.of(start + "has the part \"" + part + "\", which no page's address has here: every"
                        + " part is written with lower-case letters, digits and single hyphens, as slugs are"
                        + (ContentDocument.SLUG.matcher(own).matches() ? " (\"" + own + "\")" : "")
                        + "; write the page's old address as the site had it, such as " + example);
            }
        }
        return Optional.empty();
    }
}

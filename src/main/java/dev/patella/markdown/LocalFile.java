package dev.patella.markdown;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address that names a file on the editor's own computer ({@code C:\Users\anna\Desktop\wall sit.jpg},
 * {@code file:///C:/...}, {@code /Users/anna/...}, {@code ~/Pictures/...}): it worked in the editor's word
 * processor, but no reader can reach it. The advice is to copy the file into {@code content/images/}.
 */
final class LocalFile {

    private static final Pattern LOCAL = Pattern.compile(
            "(?i)(?:file:/*|[a-z]:[\\\\/]|\\\\\\\\|~/|/(?:users|home|documents and settings)/).*");
    private static final Pattern LAST_PART = Pattern.compile(".*[\\\\/]([^\\\\/]+)$");

    private LocalFile() {
    }

    /** What to tell the editor when {@code address} names a file on their own computer; empty when it does not. */
    static Optional<String> advice(String address, boolean image) {
        if (!LOCAL.matcher(address).matches()) {
            return Optional.empty();
        }
        Matcher last = LAST_PART.matcher(address);
        String name = (last.matches() ? last.group(1) : address).toLowerCase(Locale.ROOT).replace("%20", "-")
                .replace(' ', '-');
        return Optional.of("the address names " + (image ? "a picture" : "a file") + " on your own computer, which "
                + "readers cannot reach; copy the file into content/images/ (named in lower-case letters, digits and "
                + "hyphens) and write its address on this site, for example /images/" + name);
    }
}

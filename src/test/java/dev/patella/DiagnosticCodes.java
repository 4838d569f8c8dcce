package dev.patella;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The diagnostic codes Patella can report, read from its source: every string literal such as
 * {@code "schema.wrong-type"} whose first word is one of {@link #KINDS}. A new kind of problem
 * needs its first word added here; {@link #literalsOfUnknownKinds()} finds codes passed straight
 * to {@code error(} or {@code warning(} whose kind is not listed, so none slips through.
 */
public final class DiagnosticCodes {

    /** The first word of every code: the kinds of problem. */
    public static final List<String> KINDS = List.of("file", "frontmatter", "yaml", "schema", "slug", "ref", "cite",
            "link", "markdown", "path", "content", "template", "html", "image", "exercise", "review", "readability", "glossary", "language", "translation", "moved", "page");

    private static final Pattern CODE = Pattern.compile("\"((?:" + String.join("|", KINDS) + ")\\.[a-z0-9-]+)\"");
    private static final Pattern REPORTED = Pattern.compile("(?:error|warning)\\(\\s*\"([a-z]+\\.[a-z0-9-]+)\"");
    /** File names that look like codes. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(ftlh|md|yaml|css|html|js|svg|ico|txt|xml|json)");

    private DiagnosticCodes() {
    }

    /** Every code written in {@code src/main/java}. */
    public static Set<String> inSource() {
        Set<String> codes = new TreeSet<>();
        for (String source : sources()) {
            Matcher m = CODE.matcher(source);
            while (m.find()) {
                if (!FILE_NAME.matcher(m.group(1)).matches()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    /** Codes passed to {@code error(…)} or {@code warning(…)} whose first word is not in {@link #KINDS}. */
    public static Set<String> literalsOfUnknownKinds() {
        Set<String> out = new TreeSet<>();
        for (String source : sources()) {
            Matcher m = REPORTED.matcher(source);
            while (m.find()) {
                if (!KINDS.contains(m.group(1).substring(0, m.group(1).indexOf('.')))) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    private static List<String> sources() {
        try (Stream<Path> walk = Files.walk(TestSites.PROJECT.resolve("src/main/java"))) {
            return walk.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

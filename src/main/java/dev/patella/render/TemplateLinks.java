package dev.patella.render;

import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the links templates write literally, with their line and column, by reading the
 * template sources: {@code href="${page.layout.place.root}exercises/"}, {@code href="#main"},
 * {@code href="https://..."}. Links made entirely from data ({@code href="${link.href}"}) are
 * not listed here: the checks see them in the finished pages.
 */
final class TemplateLinks {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(href|src)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\bsrc\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    /** How templates write the path from a page to the site root. */
    private static final List<String> ROOTS = List.of("${page.layout.place.root}", "${layout.place.root}");

    private TemplateLinks() {
    }

    /**
     * @throws UncheckedIOException when a template cannot be read
     */
    static List<TemplateLink> scan(Path templatesDir) {
        if (!Files.isDirectory(templatesDir)) {
            return List.of();
        }
        List<TemplateLink> links = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(templatesDir)) {
            Path root = templatesDir.toRealPath();
            for (Path file : walk.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList()) {
                if (!Files.exists(file) || !file.toRealPath().startsWith(root)) {
                    continue; // a link out of templates/ is reported by TemplateSet and never read
                }
                String name = "templates/" + templatesDir.relativize(file).toString().replace('\\', '/');
                // a template that is not UTF-8 is reported by TemplateSet; its links are read as well as they can be
                scan(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), links);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + templatesDir, e);
        }
        return List.copyOf(links);
    }

    static void scan(String file, String text, List<TemplateLink> out) {
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            classify(m.group(2)).ifPresent(kt -> out.add(new TemplateLink(kt.kind, m.group(2), kt.target,
                    at(file, text, m.start(2)))));
        }
        Matcher img = IMG.matcher(text);
        while (img.find()) {
            if (!ALT.matcher(img.group()).find()) {
                Matcher src = SRC.matcher(img.group());
                out.add(new TemplateLink(TemplateLink.Kind.IMAGE_WITHOUT_ALT, img.group(),
                        src.find() ? src.group(1) : "", at(file, text, img.start())));
            }
        }
    }

    private record KindAndTarget(TemplateLink.Kind kind, String target) {
    }

    private static Optional<KindAndTarget> classify(String value) {
        if (value.contains("<#")) {
            return Optional.empty();
        }
        for (String root : ROOTS) {
            if (value.startsWith(root) && !value.substring(root.length()).contains("${")) {
                return Optional.of(new KindAndTarget(TemplateLink.Kind.SITE, "/" + value.substring(root.length())));
            }
        }
        String lower = value.toLowerCase(Locale.ROOT);
        TemplateLink.Kind kind;
        if (value.contains("${")) {
            return Optional.empty();
        } else if (value.startsWith("#") && value.length() > 1) {
            kind = TemplateLink.Kind.ANCHOR;
        } else if (value.startsWith("/") && !value.startsWith("//")) {
            kind = TemplateLink.Kind.SITE;
        } else if (lower.startsWith("http://")) {
            kind = TemplateLink.Kind.INSECURE;
        } else if (lower.startsWith("https://") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("//")) {
            kind = TemplateLink.Kind.EXTERNAL;
        } else if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || value.isEmpty() || value.equals("#")) {
            return Optional.empty();
        } else {
            kind = TemplateLink.Kind.RELATIVE;
        }
        return Optional.of(new KindAndTarget(kind, value));
    }

    private static SourceSpan at(String file, String text, int offset) {
        return SourceSpan.atOffset(file, text, offset);
    }
}

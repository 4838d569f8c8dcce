package dev.patella.build;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.source.PublishedText;
import dev.patella.validate.ExampleDomainRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of {@code patella check} that keep placeholders out of a published site: the example
 * text {@code patella new} wrote, and addresses on names reserved for examples, in every file whose
 * content is published (drafts are not) and in the templates. A build does not apply them, so a
 * site can be previewed and built before its owner has an address.
 */
final class PublishReadiness {

    /** The YAML files under {@code content/} whose values are published when they exist. */
    private static final List<String> SETTINGS = List.of("content/site.yaml", "content/people.yaml",
            "content/sources.yaml");

    private PublishReadiness() {
    }

    /** @throws UncheckedIOException when a content file the build read cannot be read again */
    static void check(Path project, SiteBuild site, Diagnostics diagnostics) {
        site.index().ifPresent(index -> {
            var scanner = new PublishedText();
            for (String file : publishedFiles(project, index)) {
                scanner.scan(file, read(project.resolve(file)), diagnostics);
            }
            List<LinkUse> links = new ArrayList<>();
            site.pages().forEach(p -> links.addAll(p.links()));
            ExampleDomainRules.links(links, diagnostics);
        });
        ExampleDomainRules.templateLinks(site.templateLinks(), diagnostics);
    }

    private static Set<String> publishedFiles(Path project, SiteIndex index) {
        Set<String> files = new TreeSet<>();
        SETTINGS.stream().filter(f -> Files.isRegularFile(project.resolve(f))).forEach(files::add);
        index.conditions().stream().map(Condition::origin).forEach(o -> files.add(o.file()));
        index.exercises().stream().map(Exercise::origin).forEach(o -> files.add(o.file()));
        index.pages().stream().map(Page::origin).forEach(o -> files.add(o.file()));
        return files;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " again: " + e.getMessage(), e);
        }
    }
}

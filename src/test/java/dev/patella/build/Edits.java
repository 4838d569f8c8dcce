package dev.patella.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every small edit an editor can make to a project, found from the project itself rather than
 * listed by hand: each value of every YAML file and front matter changed, each list grown by
 * one, each key removed, each Markdown body, template, asset and image changed.
 *
 * <p>One file of each kind is edited, and the first item of each list: the other files and
 * items are of the same kind, and are where other values come from. A changed value is, where the project has one, another value of the same key elsewhere
 * (another phase, another author, another exercise's steps), so that most edits give a valid
 * site; otherwise a date moves a day, a number grows by one, a switch flips and text grows.
 */
final class Edits {

    /** One edit: what to call it, the file it changes, and that file's text after it. */
    record Edit(String name, Path file, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private final Path project;
    /** Every scalar value of the project, by the key it is the value of (a list's items: the list's key). */
    private final Map<String, TreeSet<String>> valuesByKey = new TreeMap<>();
    private final Map<Path, Document> documents = new TreeMap<>();
    private final java.util.Set<String> keys = new TreeSet<>();

    private Edits(Path project) {
        this.project = project;
    }

    /**
     * Rewrites every YAML file and front matter of {@code project} in one regular layout (so an
     * edit changes only what it means to) and finds every edit.
     */
    static List<Edit> of(Path project) {
        var edits = new Edits(project);
        edits.normalise();
        List<Edit> out = new ArrayList<>();
        // one file of each kind is edited; the others of its folder are where other values come from
        Set<Path> folders = new HashSet<>();
        edits.documents.forEach((file, doc) -> {
            if (file.getParent().equals(project.resolve("content")) || folders.add(file.getParent())) {
                out.addAll(edits.content(file, doc));
            }
        });
        out.addAll(edits.files());
        return out;
    }

    /** A YAML document: the tree, and for a Markdown file the body after its front matter. */
    private record Document(ObjectNode tree, boolean markdown, String body) {
        String write(JsonNode tree) {
            String yaml = yaml(tree);
            return markdown ? "---\n" + yaml + "---\n" + body : yaml;
        }
    }

    private void normalise() {
        for (Path file : files(project.resolve("content"))) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".md") && !name.endsWith(".yaml")) {
                continue;
            }
            String text = TestSites.read(file);
            boolean markdown = name.endsWith(".md");
            String front = text;
            String body = "";
            if (markdown) {
                int end = text.indexOf("\n---\n", 4);
                front = text.substring(4, end + 1);
                body = text.substring(end + 5);
            }
            try {
                var doc = new Document((ObjectNode) YAML.readTree(front), markdown, body);
                documents.put(file, doc);
                TestSites.write(file, doc.write(doc.tree()));
                collect("", doc.tree());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void collect(String key, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                keys.add(e.getKey());
                collect(e.getKey(), e.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(key, item));
        } else {
            valuesByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(node.asText());
        }
    }

    private List<Edit> content(Path file, Document doc) {
        List<Edit> out = new ArrayList<>();
        String at = project.relativize(file).toString();
        walk(doc.tree(), "", "", (path, change) -> {
            ObjectNode copy = doc.tree().deepCopy();
            String name = change.apply(copy);
            out.add(new Edit(at + " " + path + ": " + name, file, doc.write(copy)));
        });
        if (doc.markdown()) {
            out.add(new Edit(at + " body: a paragraph added", file,
                    doc.write(doc.tree()) + "\nOne more paragraph, with a [link](/#main).\n"));
        }
        return out;
    }

    /** One change to a copy of a document's tree: applies it and says what it did. */
    private interface Change {
        String apply(ObjectNode tree);
    }

    private void walk(JsonNode node, String path, String key, java.util.function.BiConsumer<String, Change> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = path + "/" + e.getKey();
                out.accept(child, tree -> {
                    ((ObjectNode) tree.at(path.isEmpty() ? "" : path)).remove(e.getKey());
                    return "removed";
                });
                walk(e.getValue(), child, e.getKey(), out);
            });
        } else if (node.isArray()) {
            out.accept(path, tree -> {
                ArrayNode list = (ArrayNode) tree.at(path);
                JsonNode added = list.isEmpty() ? new TextNode(other(key, "")) : another(key, list.get(list.size() - 1));
                list.add(added);
                return "one more item, " + added;
            });
            if (!node.isEmpty()) {
                walk(node.get(0), path + "/0", key, out); // the other items are of the same kind
            }
        } else {
            out.accept(path, tree -> {
                JsonNode changed = another(key, tree.at(path));
                String parent = path.substring(0, path.lastIndexOf('/'));
                String last = path.substring(path.lastIndexOf('/') + 1);
                JsonNode container = tree.at(parent);
                if (container.isArray()) {
                    ((ArrayNode) container).set(Integer.parseInt(last), changed);
                } else {
                    ((ObjectNode) container).set(last, changed);
                }
                return "set to " + changed;
            });
        }
    }

    /** A value for {@code key} other than {@code value}. */
    private JsonNode another(String key, JsonNode value) {
        if (value.isContainerNode()) {
            JsonNode copy = value.deepCopy();
            return copy; // a whole item again (a program phase, an author): the list is one longer
        }
        if (value.isBoolean()) {
            return BooleanNode.valueOf(!value.asBoolean());
        }
        if (value.isInt()) {
            return IntNode.valueOf(value.asInt() + 1);
        }
        return new TextNode(other(key, value.asText()));
    }

    private String other(String key, String value) {
        var seen = valuesByKey.getOrDefault(key, new TreeSet<>());
        for (String candidate : seen) {
            if (!candidate.equals(value)) {
                return candidate;
            }
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(value).plusDays(1).toString();
        }
        if (value.matches("\\d+")) {
            return String.valueOf(Long.parseLong(value) + 1);
        }
        if (value.startsWith("https://")) {
            return value + (value.endsWith("/") ? "more/" : "/more");
        }
        return value.isEmpty() ? "something" : value + " Changed";
    }

    /** Templates, assets and images: one edit each that shows in what they make. */
    private List<Edit> files() {
        List<Edit> out = new ArrayList<>();
        for (Path file : files(project.resolve("templates"))) {
            String name = file.getFileName().toString();
            String at = project.relativize(file).toString();
            if (!name.matches(".*\\.(ftlh|css|js|svg)")) {
                continue; // a binary file (the favicon) is copied as it is
            }
            String text = TestSites.read(file);
            if (name.endsWith(".ftlh")) {
                int close = closingTag(text);
                out.add(new Edit(at + ": a comment before its first closing tag", file,
                        text.substring(0, close) + "<!-- edited -->" + text.substring(close)));
            } else if (name.endsWith(".css")) {
                // not a comment: our own stylesheets and scripts are published without theirs
                out.add(new Edit(at + ": a rule added", file, text + "\n.edited { color: red; }\n"));
            } else if (name.endsWith(".js")) {
                out.add(new Edit(at + ": a statement added", file, text + "\n\"edited\";\n"));
            } else if (name.endsWith(".svg")) {
                out.add(new Edit(at + ": a comment added", file, text.replace("</svg>", "<!-- edited --></svg>")));
            }
        }
        for (Path file : files(project.resolve("content/images"))) {
            String text = TestSites.read(file);
            out.add(new Edit(project.relativize(file) + ": drawn wider", file,
                    text.replaceFirst("width=\"(\\d+)\"", "width=\"$11\"")));
        }
        return out;
    }

    /** Where the first closing HTML tag is (not a Freemarker one), so a comment there is output. */
    private static int closingTag(String text) {
        int at = text.indexOf("</");
        while (at >= 0 && (text.startsWith("</#", at) || text.startsWith("</@", at))) {
            at = text.indexOf("</", at + 2);
        }
        return Math.max(at, 0);
    }

    private static String yaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key of every YAML file and front matter of {@code project}, at any depth. */
    static java.util.Set<String> keys(Path project) {
        var edits = new Edits(project);
        edits.normalise();
        return java.util.Collections.unmodifiableSet(edits.keys);
    }
}

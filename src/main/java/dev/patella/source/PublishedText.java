package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Finds, in a content file that will be published, what an owner must replace first: the example
 * sentences {@code patella new} wrote ({@code content.placeholder}), and settings or fields whose
 * value is an address on a name reserved for examples ({@code link.example-domain}), such as
 * {@code base_url: https://example.org/}. Links written in Markdown are checked where the pages
 * are rendered, which knows their own positions. Editors' notes ({@code <!-- -->}) are left out of
 * what is read: they are never published.
 */
public final class PublishedText {

    private final List<String> placeholders = ScaffoldPlaceholders.all();

    /**
     * Reports what {@code text} holds that must not be published.
     *
     * @param file the file's path from the project root, such as {@code content/pages/about.md}; a file
     *             ending in {@code .md} is read as front matter and a Markdown body, any other as YAML
     * @param text the file's text; a file that cannot be read is left alone (the build reports it)
     */
    public void scan(String file, String text, Diagnostics diagnostics) {
        Diagnostics ignored = new Diagnostics();
        if (file.endsWith(".md")) {
            FrontMatter.split(text, file, ignored).ifPresent(fm -> {
                yaml(file, fm.yaml(), fm.yamlFirstLine(), diagnostics);
                body(file, fm.body(), fm.bodyFirstLine(), diagnostics);
            });
        } else {
            yaml(file, text, 1, diagnostics);
        }
    }

    private void yaml(String file, String yaml, int firstLine, Diagnostics diagnostics) {
        new YamlReader().read(yaml, file, firstLine, new Diagnostics()).ifPresent(root -> eachText(root, "",
                (key, scalar) -> {
                    String value = ScaffoldPlaceholders.normalize(Prose.withoutComments(scalar.text()));
                    if (placeholders.contains(value)) {
                        diagnostics.error("content.placeholder", scalar.at(), "\"" + key + "\" still has the example "
                                + "text that bin/patella new wrote (\"" + value + "\"); replace it with this page's own "
                                + "words before publishing");
                    } else if (!value.contains(" ")) {
                        ExampleAddresses.reservedName(value).ifPresent(name -> diagnostics.error(
                                "link.example-domain", scalar.at(), exampleMessage(file, key, value, name)));
                    }
                }));
    }

    private static String exampleMessage(String file, String key, String value, String name) {
        String reserved = name + " is a name reserved for examples (RFC 2606), which no real site or mailbox has";
        if (file.equals("content/site.yaml") && key.equals("base_url")) {
            return "\"base_url\" is still the example address " + value + " (" + reserved + "); set it to the "
                    + "address the site will be published at, such as https://www.your-clinic.org/knee/";
        }
        if (file.equals("content/site.yaml") && key.equals("report_errors_to")) {
            return "\"report_errors_to\" is still the example address " + value + " (" + reserved + "), so readers "
                    + "who find a mistake cannot tell you; set it to a mailbox you read (mailto:you@your-site.org) "
                    + "or your contact page (https://...)";
        }
        return "\"" + key + "\" is " + value + " (" + reserved + "); replace it with the real address before "
                + "publishing, or remove it";
    }

    /**
     * Reports each example sentence of the scaffold found in the body, at its first word; not one
     * kept in an editor's note ({@code <!-- -->}), which is never published.
     */
    private void body(String file, String written, int firstLine, Diagnostics diagnostics) {
        String body = Prose.withoutComments(written); // the same length, line for line
        StringBuilder flat = new StringBuilder();
        int[] origin = new int[body.length() + 1];
        boolean space = false;
        for (int i = 0; i < body.length(); i++) {
            if (Character.isWhitespace(body.charAt(i))) {
                space = flat.length() > 0;
                continue;
            }
            if (space) {
                origin[flat.length()] = i;
                flat.append(' ');
                space = false;
            }
            origin[flat.length()] = i;
            flat.append(body.charAt(i));
        }
        for (String placeholder : placeholders) {
            int at = flat.indexOf(placeholder);
            if (at >= 0) {
                diagnostics.error("content.placeholder", position(file, body, origin[at], firstLine), "the text "
                        + "still has the example sentence that bin/patella new wrote (\"" + placeholder + "\"); replace "
                        + "it with this page's own words before publishing");
            }
        }
    }

    private static SourceSpan position(String file, String body, int offset, int firstLine) {
        int line = firstLine;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceSpan(file, line, offset - lineStart + 1);
    }

    /** Calls {@code action} with each text value under {@code node} and its key path ({@code publisher.url}). */
    static void eachText(YNode node, String key, BiConsumer<String, YNode.YScalar> action) {
        if (node instanceof YNode.YMap map) {
            map.entries().values().forEach(e -> eachText(e.value(), key.isEmpty() ? e.key() : key + "." + e.key(),
                    action));
        } else if (node instanceof YNode.YList list) {
            list.items().forEach(item -> eachText(item, key, action));
        } else if (node instanceof YNode.YScalar scalar && scalar.type() == YNode.YScalar.Type.STRING) {
            action.accept(key, scalar);
        }
    }
}

package dev.patella.render;

import dev.patella.diag.DeadLink;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Utf8Text;
import freemarker.core.ParseException;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every template of {@code templates/}, parsed once before any page is rendered, so that each
 * mistake is reported at its own line however many pages use the template (Freemarker would
 * otherwise remember a failed parse and answer later pages with a bare I/O error).
 *
 * <p>Besides syntax, two runaway shapes are refused here, where they can be placed exactly: a
 * {@code #list} over a range with no end ({@code 1..}) and a macro or function that calls itself.
 * Patella's pages need neither; the render budget in {@link RenderBudget} stops what slips past.
 *
 * @param templates the templates that parsed, by name (such as {@code page.ftlh})
 * @param problems  what is wrong with the others, or with the message files; empty when every
 *                  template and message is usable
 * @param messages  the words of every language, from {@code templates/messages/}
 */
record TemplateSet(Map<String, Template> templates, List<Diagnostic> problems, MessageFiles messages) {

    private static final String DIR = "templates";
    private static final Pattern ENDLESS_RANGE = Pattern.compile("<#list\\s+[^>]*?(\\.\\.)\\s+as\\s");
    private static final Pattern MACRO = Pattern.compile("<#(macro|function)\\s+([A-Za-z_][\\w]*)");
    private static final Pattern IMPORT = Pattern.compile("<#(import|include)\\s+\"([^\"$]+)\"");

    TemplateSet {
        templates = Map.copyOf(templates);
        problems = List.copyOf(problems);
    }

    /**
     * Parses every {@code .ftlh} and {@code .ftl} file under {@code dir} (but not {@code assets/}).
     *
     * @return the templates and the problems found; no templates and no problems when there is no folder
     * @throws UncheckedIOException when the folder or a template cannot be read
     */
    static TemplateSet load(Configuration config, Path dir) {
        if (!Files.isDirectory(dir)) {
            return new TemplateSet(Map.of(), List.of(), new MessageFiles(Map.of(), List.of()));
        }
        Map<String, Template> parsed = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            Path root = dir.toRealPath();
            List<Path> files = walk.filter(p -> isTemplate(dir, p)).sorted().toList();
            for (Path file : files) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                String shown = DIR + "/" + name;
                if (!Files.exists(file)) {
                    problems.add(Diagnostic.error("file.missing", SourceSpan.startOf(shown),
                            DeadLink.explain(file, shown, dir.toAbsolutePath().getParent())));
                    continue;
                }
                if (!file.toRealPath().startsWith(root)) {
                    problems.add(Diagnostic.error("path.outside-project", SourceSpan.startOf(shown), shown + " is a "
                            + "link to a file outside the templates/ folder; copy the template into templates/ instead"));
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                Optional<String> text = Utf8Text.decode(bytes, shown, problems::add);
                // as it is, for its imports and those of it; not parsed (the build stops at the error)
                texts.put(name, text.orElseGet(() -> new String(bytes, StandardCharsets.UTF_8)));
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    Template template = config.getTemplate(name);
                    // every #list body starts with a visit, so the render budget sees loops that write nothing
                    _CoreAPI.addThreadInterruptedChecks(template);
                    parsed.put(name, template);
                    problems.addAll(runaways(shown, texts.get(name)));
                } catch (ParseException e) {
                    problems.add(Diagnostic.error("template.syntax", at(shown, e.getLineNumber(), e.getColumnNumber()),
                            "the template has a syntax error: " + firstLine(e.getEditorMessage()) + "; fix the template"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + dir, e);
        }
        problems.addAll(missingImports(texts));
        MessageFiles messages = MessageFiles.load(dir, texts);
        problems.addAll(messages.problems());
        return new TemplateSet(parsed, problems, messages);
    }

    /**
     * One error for each template that others import or include but that is not there, at its
     * first use: Freemarker would fail every page of every template that uses it, in its own words.
     */
    static List<Diagnostic> missingImports(Map<String, String> texts) {
        Map<String, List<SourceSpan>> uses = new TreeMap<>();
        texts.forEach((name, text) -> {
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String target = resolve(name, m.group(2));
                if (!texts.containsKey(target)) {
                    uses.computeIfAbsent(target, t -> new ArrayList<>()).add(at(DIR + "/" + name, text, m.start()));
                }
            }
        });
        List<Diagnostic> found = new ArrayList<>();
        uses.forEach((target, at) -> {
            String others = at.size() == 1 ? "" : " (" + (at.size() - 1) + " more template"
                    + (at.size() == 2 ? " uses" : "s use") + " it too)";
            found.add(Diagnostic.error("template.missing", at.get(0), "this uses the template " + DIR + "/" + target
                    + ", which is missing" + others + "; restore it from the project's history or the README's "
                    + "template list"));
        });
        return found;
    }

    /** A name in an #import or #include, as Freemarker finds it: relative to the template using it. */
    private static String resolve(String from, String target) {
        if (target.startsWith("/")) {
            return Path.of(target.substring(1)).normalize().toString().replace('\\', '/');
        }
        Path parent = Path.of(from).getParent();
        Path resolved = parent == null ? Path.of(target) : parent.resolve(target);
        return resolved.normalize().toString().replace('\\', '/');
    }

    private static boolean isTemplate(Path dir, Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".ftlh") || name.endsWith(".ftl")) && !dir.relativize(path).startsWith("assets")
                && (Files.isRegularFile(path) || Files.isSymbolicLink(path));
    }

    /** Endless ranges in {@code #list} and macros or functions that call themselves. */
    static List<Diagnostic> runaways(String file, String text) {
        List<Diagnostic> found = new ArrayList<>();
        Matcher range = ENDLESS_RANGE.matcher(text);
        while (range.find()) {
            found.add(Diagnostic.error("template.error", at(file, text, range.start(1)), "this #list runs over a "
                    + "range with no end, so it would never stop; give the range an end, as in 1..10"));
        }
        Matcher macro = MACRO.matcher(text);
        while (macro.find()) {
            String kind = macro.group(1);
            String name = macro.group(2);
            int end = text.indexOf("</#" + kind, macro.end());
            String body = text.substring(macro.end(), end < 0 ? text.length() : end);
            Pattern call = kind.equals("macro")
                    ? Pattern.compile("<@(?:[\\w]+\\.)?" + Pattern.quote(name) + "(?![\\w.])")
                    : Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\s*\\(");
            Matcher self = call.matcher(body);
            if (self.find()) {
                found.add(Diagnostic.error("template.error", at(file, text, macro.end() + self.start()), "the " + kind
                        + " " + name + " calls itself, which Patella does not allow in templates (it would run "
                        + "until the stack overflows); write the repeated part with #list instead"));
            }
        }
        return found;
    }

    private static SourceSpan at(String file, String text, int offset) {
        return SourceSpan.atOffset(file, text, offset);
    }

    private static SourceSpan at(String file, Integer line, Integer column) {
        return new SourceSpan(file, line == null || line < 1 ? 1 : line, column == null || column < 1 ? 1 : column);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown problem" : message.strip();
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        int list = first.indexOf(", but was expecting one of these patterns:");
        // Freemarker lists grammar tokens here; say what they mean instead
        return list < 0 ? first : first.substring(0, list) + " before an expression was finished (is a ${ or a "
                + "directive missing its closing } or >?)";
    }
}

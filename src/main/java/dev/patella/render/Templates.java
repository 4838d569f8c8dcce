package dev.patella.render;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.InvalidReferenceException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The project's Freemarker templates, configured once: {@code .ftlh} files auto-escape HTML,
 * a missing value is an error (never silently blank), templates cannot reach Java classes.
 * Safe to share between threads.
 */
public final class Templates {

    private static final String DIR = "templates";

    private final Configuration config;
    private final Path dir;
    private final LongSupplier nanoTime;
    private volatile List<TemplateLink> links;
    private volatile TemplateSet parsed;

    /**
     * @param nanoTime a monotonic clock for each render's time limit, {@code System::nanoTime} outside tests
     * @throws UncheckedIOException when the templates folder cannot be opened
     */
    public Templates(Path templatesDir, LongSupplier nanoTime) {
        this.dir = templatesDir;
        this.nanoTime = nanoTime;
        var version = Configuration.VERSION_2_3_34;
        config = new Configuration(version);
        try {
            config.setTemplateLoader(new FileTemplateLoader(templatesDir.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + templatesDir, e);
        }
        config.setObjectWrapper(new DefaultObjectWrapperBuilder(version).build());
        config.setRecognizeStandardFileExtensions(true);
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setLocale(Locale.ENGLISH);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setLocalizedLookup(false);
        // the templates parsed up front are the ones used: never evicted, never read again
        config.setCacheStorage(new StrongCacheStorage());
        config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    }

    /**
     * The SHA-256 of every file under the templates folder (names and bytes, in name order): a
     * run that finds the same fingerprint renders with the same templates and assets.
     *
     * @throws UncheckedIOException when the folder or a file cannot be read
     */
    public String fingerprint() {
        try (var walk = Files.walk(dir)) {
            var files = new TreeMap<String, Path>();
            walk.filter(Files::isRegularFile)
                    .forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'), p));
            var all = new ByteArrayOutputStream();
            for (var e : files.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] bytes = Files.readAllBytes(e.getValue());
                all.writeBytes((name.length + " " + bytes.length + " ").getBytes(StandardCharsets.UTF_8));
                all.writeBytes(name);
                all.writeBytes(bytes);
            }
            return ValueHash.sha256(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + dir, e);
        }
    }

    /**
     * The words of the page language {@code language}, from {@code templates/messages/<language>.properties}
     * (or its base language's file, {@code en.properties} for {@code en-GB}), read with the templates.
     *
     * @return the words; when the language has no file, a warning is reported and the English
     *         words ({@code en.properties}, the file every other one copies) are used; when that
     *         is missing too, an error is reported and every message reads as its own key
     * @throws UncheckedIOException when a template or message file cannot be read
     */
    public Messages words(String language, Diagnostics diagnostics) {
        MessageFiles files = templates().messages();
        return files.find(language).orElseGet(() -> {
            String file = MessageFiles.DIR + "/" + language + ".properties";
            var english = files.find("en");
            if (english.isPresent()) {
                diagnostics.add(Diagnostic.warning("template.message", SourceSpan.startOf(file), "there is no " + file
                        + ", so the pages in " + language + " show the English words of en.properties; copy "
                        + MessageFiles.DIR + "/en.properties to " + file + " and translate each message (see the "
                        + "README's Languages)"));
                return english.get();
            }
            diagnostics.add(Diagnostic.error("template.message", SourceSpan.startOf(file), "the pages are in the "
                    + "language " + language + ", but there is no " + file + " (nor en.properties); restore "
                    + MessageFiles.DIR + "/en.properties from the project's history and translate it"));
            return Messages.placeholder(language);
        });
    }

    /**
     * Renders {@code name} with the view as {@code page} and {@code words} as {@code msg}. The first call parses every template
     * (see {@link TemplateSet}); while any template has a problem, every call reports those
     * problems and renders nothing.
     *
     * @param words  the page language's words (see {@link #words})
     * @param origin the content file this page is made from, named in errors; empty for pages
     *               Patella makes itself
     * @return the HTML, or empty when the template is missing or fails (reported)
     * @throws UncheckedIOException when a template cannot be read
     */
    public Optional<String> render(String name, Object view, Messages words, Optional<SourceSpan> origin,
                                   Diagnostics diagnostics) {
        TemplateSet all = templates();
        if (!all.problems().isEmpty()) {
            diagnostics.addAll(all.problems());
            return Optional.empty();
        }
        Template template = all.templates().get(name);
        if (template == null) {
            diagnostics.add(chain(Diagnostic.error("template.missing", SourceSpan.startOf(DIR + "/" + name),
                    "the template " + DIR + "/" + name + " is missing; restore it from the project's history "
                            + "or the README's template list"), origin));
            return Optional.empty();
        }
        var out = new RenderBudget(name, nanoTime);
        try {
            Environment env = template.createProcessingEnvironment(Map.of("page", view, "msg", words, "msgForms", words.forms()), out);
            env.setTemplateProcessingTracer(out);
            env.process();
            return Optional.of(out.toString());
        } catch (TemplateException e) {
            diagnostics.add(chain(Diagnostic.error("template.error", at(e.getTemplateSourceName(), name,
                    e.getLineNumber(), e.getColumnNumber()), explain(e)), origin));
            return Optional.empty();
        } catch (RenderBudget.Exceeded e) {
            diagnostics.add(chain(Diagnostic.error("template.error", e.at(), e.getMessage()), origin));
            return Optional.empty();
        } catch (RenderBudget.OverTime e) {
            diagnostics.add(chain(Diagnostic.error("template.error", e.at(), e.getMessage()), origin));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write template output", e);
        } catch (OutOfMemoryError e) {
            // a string that doubles in a loop outgrows what Java can hold within a few dozen passes;
            // the JDK refuses the length before allocating it, and the page's values are garbage now
            diagnostics.add(chain(Diagnostic.error("template.error", out.lastPlace(), "the template built a value "
                    + "too large to hold in memory (a string that grows in a loop, say), so it was stopped here; "
                    + "look for an #assign that adds a value to itself"), origin));
            return Optional.empty();
        } catch (StackOverflowError e) {
            // TemplateSet refuses macros that call themselves; this catches other loops, such as
            // templates that include each other, so the build or the dev server goes on
            diagnostics.add(chain(Diagnostic.error("template.error", SourceSpan.startOf(DIR + "/" + name),
                    "the template calls itself without end (a macro, function or #include that leads back to "
                            + "itself), so it overflowed the stack; remove the loop"), origin));
            return Optional.empty();
        }
    }

    /**
     * Parses every template now rather than on first use; what is wrong with them is reported by
     * the renders, as when they are parsed then.
     *
     * @throws UncheckedIOException when a template or message file cannot be read
     */
    public void prepare() {
        templates();
    }

    /** Every template, parsed on first use. */
    private TemplateSet templates() {
        TemplateSet found = parsed;
        if (found == null) {
            synchronized (this) {
                found = parsed;
                if (found == null) {
                    found = TemplateSet.load(config, dir);
                    parsed = found;
                }
            }
        }
        return found;
    }

    /**
     * The links the templates write literally, read from their sources once.
     *
     * @throws UncheckedIOException when a template cannot be read
     */
    public List<TemplateLink> links() {
        List<TemplateLink> found = links;
        if (found == null) {
            found = TemplateLinks.scan(dir);
            links = found;
        }
        return found;
    }

    private static Diagnostic chain(Diagnostic d, Optional<SourceSpan> origin) {
        return origin.map(d::via).orElse(d);
    }

    private static SourceSpan at(String source, String fallback, Integer line, Integer column) {
        return new SourceSpan(DIR + "/" + (source == null ? fallback : source),
                line == null || line < 1 ? 1 : line, column == null || column < 1 ? 1 : column);
    }

    private static String explain(TemplateException e) {
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            return "the template reads " + e.getBlamedExpressionString() + ", which is missing; fix the name in the "
                    + "template, or guard it with ?has_content if it may be empty";
        }
        String message = String.valueOf(e.getMessageWithoutStackTop());
        int tip = message.indexOf("\n----");
        return "the template failed: " + (tip < 0 ? message : message.substring(0, tip)).replaceAll("\\s+", " ").strip()
                + "; fix the template";
    }
}

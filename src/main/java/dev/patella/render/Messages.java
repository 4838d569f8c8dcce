package dev.patella.render;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.text.Format;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

/**
 * The words of the site in one language, from {@code templates/messages/<code>.properties}: each
 * key's ICU MessageFormat pattern, formatted with that language's rules (plurals, numbers, dates,
 * day names) by ICU4J. Built once per language by {@link MessageFiles}, immutable, safe to share
 * between threads (a pattern with arguments gets its own formatter for each call, as ICU's are
 * not thread-safe).
 *
 * <p>Templates call it as {@code msg}: {@code ${msg("nav.home")}}, {@code ${msg("dose.hold", 5)}} for
 * a message with one argument, {@code ${msg("dose.sets", {"sets": d.sets, "reps": d.reps})}} for
 * several. A message is written like the template text it replaces, HTML and all, so in a template
 * it comes out as it is; the text values a template passes in are escaped. Java calls
 * {@link #text} and {@link #format}, whose results the templates escape like any other value.
 */
public final class Messages implements TemplateMethodModelEx {

    /** ICU 58 keeps the space after "date," as part of a date pattern; the space is only layout. */
    private static final Pattern DATE_STYLE = Pattern.compile("(\\{\\s*[\\w-]+\\s*,\\s*(?:date|time)\\s*,)\\s+");
    private static final String DATE_KEY = "date";

    private final String language;
    private final ULocale locale;
    private final Map<String, String> patterns;
    /** The text of each message without arguments, formatted once. */
    private final Map<String, String> fixed;
    /**
     * Each pattern compiled once: compiling took 5 to 15 µs a call, formatting 1 to 2 (9% of a
     * preview rebuild that renders many exercise pages). ICU's formats are not safe to use from
     * two threads at once, and a clone shares the date formats inside, so each is used under its
     * own lock ({@link #formatted}).
     */
    private final Map<String, MessageFormat> compiled;

    /**
     * @param patterns each key's pattern, already checked to parse (see {@link MessageFiles})
     * @throws IllegalArgumentException when a pattern does not parse
     */
    Messages(String language, Map<String, String> patterns) {
        this.language = language;
        this.locale = ULocale.forLanguageTag(language);
        this.patterns = Map.copyOf(patterns);
        Map<String, String> texts = new HashMap<>();
        Map<String, MessageFormat> formats = new HashMap<>();
        this.patterns.forEach((key, pattern) -> {
            MessageFormat format = compile(pattern, locale);
            formats.put(key, format);
            if (format.getArgumentNames().isEmpty()) {
                texts.put(key, format.format(Map.of()));
            }
        });
        this.fixed = Map.copyOf(texts);
        this.compiled = Map.copyOf(formats);
    }

    /** Words for a language without a message file (an error already reported): each message reads as its key. */
    static Messages placeholder(String language) {
        Map<String, String> keys = new HashMap<>();
        MessageFiles.USED_BY_JAVA.forEach(key -> keys.put(key, key));
        return new Messages(language, keys);
    }

    /** The same words, formatted with the rules of {@code language}, a region of theirs ({@code en-GB} for {@code en}). */
    Messages in(String language) {
        return language.equals(this.language) ? this : new Messages(language, patterns);
    }

    /** The language tag these words are in, such as {@code en}. */
    public String language() {
        return language;
    }

    /** Every key, in order. */
    public Set<String> keys() {
        return new TreeMap<>(patterns).keySet();
    }

    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    /**
     * The text of a message without arguments.
     *
     * @throws IllegalStateException when the key is missing or the message takes arguments: a bug,
     *                               since {@link MessageFiles} refuses a file without the keys Java uses
     */
    public String text(String key) {
        String text = fixed.get(key);
        if (text == null) {
            throw new IllegalStateException("no message " + key + " without arguments in " + language);
        }
        return text;
    }

    /**
     * The message with its arguments filled in, by name.
     *
     * @throws IllegalStateException when the key is missing (see {@link #text})
     */
    public String format(String key, Map<String, ?> values) {
        MessageFormat format = compiled.get(key);
        if (format == null) {
            throw new IllegalStateException("no message " + key + " in " + language);
        }
        return formatted(format, values);
    }

    /** {@code format} filled in with {@code values}; one thread at a time uses each format. */
    private static String formatted(MessageFormat format, Map<String, ?> values) {
        synchronized (format) {
            return format.format(values);
        }
    }

    /** A day as the message {@code date} writes it ({@code December 2, 2026} in English). */
    public String date(LocalDate day) {
        return format(DATE_KEY, Map.of(DATE_KEY, instant(day)));
    }

    /** A day as the argument of a {@code {x, date, ...}} message: its first moment in UTC. */
    public static Date instant(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The pattern, ready to format in {@code locale}; dates and times in UTC, as the site's dates are days.
     *
     * @throws IllegalArgumentException when it does not parse (ICU's message says where)
     */
    static MessageFormat compile(String pattern, ULocale locale) {
        MessageFormat format = new MessageFormat(DATE_STYLE.matcher(pattern).replaceAll("$1"), locale);
        for (Format part : format.getFormats()) {
            if (part instanceof DateFormat date) {
                date.setTimeZone(TimeZone.GMT_ZONE);
            }
        }
        return format;
    }

    /**
     * For a script that counts in the reader's browser ({@code msgForms("handout.count", "n")}): the
     * message once for each plural category of the language, in CLDR order ({@code one}, {@code other}
     * in English), with the count written as {@code {n}} for the script to fill; the script picks the
     * form with {@code Intl.PluralRules}. A hash of further values may follow the count's name.
     */
    TemplateMethodModelEx forms() {
        return arguments -> {
            if (arguments.size() < 2 || arguments.size() > 3 || !(arguments.get(0) instanceof TemplateScalarModel k)
                    || !(arguments.get(1) instanceof TemplateScalarModel c)) {
                throw new TemplateModelException("msgForms(...) takes a message key, the name of its count and "
                        + "optionally a hash of other values, as in msgForms(\"handout.count\", \"n\")");
            }
            String key = k.getAsString();
            String count = c.getAsString();
            if (!patterns.containsKey(key)) {
                throw new TemplateModelException("the message key \"" + key + "\" is not in " + MessageFiles.DIR
                        + "/" + language + ".properties; add it there (and to every other language's file)");
            }
            Map<String, Object> values = new HashMap<>();
            if (arguments.size() == 3 && arguments.get(2) instanceof TemplateHashModelEx hash) {
                TemplateModelIterator names = hash.keys().iterator();
                while (names.hasNext()) {
                    String name = ((TemplateScalarModel) names.next()).getAsString();
                    values.put(name, value(hash.get(name)));
                }
            }
            PluralRules rules = PluralRules.forLocale(locale);
            List<Map<String, Object>> out = new ArrayList<>();
            for (String category : CATEGORIES) {
                if (!rules.getKeywords().contains(category)) {
                    continue;
                }
                long sample = rules.getSamples(category).stream().filter(d -> d >= 0 && d == Math.rint(d))
                        .findFirst().map(Double::longValue).orElse(-1L);
                if (sample < 0) {
                    continue; // a category only fractions reach: a count of things never does
                }
                values.put(count, sample);
                String text = formatted(compiled.get(key), values);
                String number = NumberFormat.getInstance(locale).format(sample);
                text = text.replaceAll("(?<!\\d)" + Pattern.quote(number) + "(?!\\d)",
                        Matcher.quoteReplacement("{" + count + "}"));
                out.add(Map.of("category", category, "text", HTMLOutputFormat.INSTANCE.fromMarkup(text)));
            }
            return out;
        };
    }

    private static final List<String> CATEGORIES = List.of("zero", "one", "two", "few", "many", "other");

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || arguments.size() > 2 || !(arguments.get(0) instanceof TemplateScalarModel k)) {
            throw new TemplateModelException("msg(...) takes a message key and at most one value or hash of values, "
                    + "as in msg(\"nav.home\"), msg(\"dose.hold\", seconds) or msg(\"dose.sets\", {\"sets\": 3, "
                    + "\"reps\": \"10–15\"})");
        }
        String key = k.getAsString();
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new TemplateModelException("the message key \"" + key + "\" is not in " + MessageFiles.DIR + "/"
                    + language + ".properties; add it there (and to every other language's file)");
        }
        if (arguments.size() == 1) {
            String text = fixed.get(key);
            if (text == null) {
                throw new TemplateModelException("the message \"" + key + "\" needs values for "
                        + compiled.get(key).getArgumentNames() + "; pass them, as in msg(\"" + key + "\", {…})");
            }
            return HTMLOutputFormat.INSTANCE.fromMarkup(text);
        }
        MessageFormat format = compiled.get(key);
        Map<String, Object> values = new HashMap<>();
        TemplateModel given = (TemplateModel) arguments.get(1);
        if (given instanceof TemplateHashModelEx hash && !(given instanceof TemplateScalarModel)) {
            TemplateModelIterator names = hash.keys().iterator();
            while (names.hasNext()) {
                String name = ((TemplateScalarModel) names.next()).getAsString();
                values.put(name, value(hash.get(name)));
            }
        } else {
            Set<String> names = format.getArgumentNames();
            if (names.size() != 1) {
                throw new TemplateModelException("the message \"" + key + "\" has the arguments " + names
                        + "; pass them by name, as in msg(\"" + key + "\", {\"name\": value, …})");
            }
            values.put(names.iterator().next(), value(given));
        }
        return HTMLOutputFormat.INSTANCE.fromMarkup(formatted(format, values));
    }

    /** A value for a message a template fills: text is escaped, as {@code ${…}} would; {@code ?no_esc} HTML is kept. */
    private static Object value(TemplateModel model) throws TemplateModelException {
        if (model instanceof TemplateHTMLOutputModel markup) {
            return HTMLOutputFormat.INSTANCE.getMarkupString(markup);
        }
        if (model instanceof TemplateNumberModel n) {
            return n.getAsNumber();
        }
        if (model instanceof TemplateDateModel d) {
            return d.getAsDate();
        }
        if (model instanceof TemplateScalarModel s) {
            return HTMLOutputFormat.INSTANCE.escapePlainText(s.getAsString());
        }
        if (model instanceof TemplateBooleanModel b) {
            return String.valueOf(b.getAsBoolean()); // for {x, select, true {…} other {…}}
        }
        throw new TemplateModelException("msg(...) takes numbers, text, true or false as values");
    }
}

package dev.patella.render;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counted words for templates, with the language's own plural rules (ICU4J): templates call
 * {@code ${plural("{0, plural, one {# set} other {# sets}}", dose.sets)}}, so the wording stays in
 * the templates and "1 sets" cannot happen. The first argument is an ICU message pattern; the
 * others fill {@code {0}}, {@code {1}}... (numbers or text).
 */
final class Plurals implements TemplateMethodModelEx {

    private final ULocale locale;

    Plurals(Locale locale) {
        this.locale = ULocale.forLocale(locale);
    }

    /** The pattern filled with the values, in this object's language. */
    String format(String pattern, Object... values) {
        return new MessageFormat(pattern, locale).format(values);
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel pattern)) {
            throw new TemplateModelException("plural(...) needs a message pattern first, for example "
                    + "plural(\"{0, plural, one {# set} other {# sets}}\", dose.sets)");
        }
        List<Object> values = new ArrayList<>();
        for (Object argument : arguments.subList(1, arguments.size())) {
            values.add(value((TemplateModel) argument));
        }
        try {
            return format(pattern.getAsString(), values.toArray());
        } catch (IllegalArgumentException e) { // ICU's word for a pattern it cannot read
            throw new TemplateModelException("plural(...) cannot use the pattern \"" + pattern.getAsString()
                    + "\": " + e.getMessage() + "; write it like {0, plural, one {# set} other {# sets}}");
        }
    }

    private static Object value(TemplateModel model) throws TemplateModelException {
        if (model instanceof TemplateNumberModel n) {
            return n.getAsNumber();
        }
        if (model instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        throw new TemplateModelException("plural(...) takes numbers and text after its pattern");
    }
}

package dev.patella.validate;

import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Prose;
import dev.patella.model.Site;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The words of a site's drafts, lower-cased, as their files write them: a draft is left out of a build,
 * but a glossary term it uses is not "used by no page", only by none published yet.
 */
final class DraftWords {

    private static final int MAX_DEPTH = 40;

    private final String text;
    /** The sources the drafts list under {@code sources:} and {@code adapted_from:}. */
    private final Set<String> listed;

    private DraftWords(String text, Set<String> listed) {
        this.text = text;
        this.listed = listed;
    }

    /** The words of every condition, exercise and page of {@code site} marked as a draft; empty when none is. */
    static DraftWords of(Site site) {
        StringBuilder out = new StringBuilder();
        Stream.of(site.conditions().stream().filter(Condition::draft), site.exercises().stream()
                .filter(Exercise::draft), site.pages().stream().filter(Page::draft))
                .flatMap(s -> s).forEach(draft -> collect(draft, out, 0));
        Set<String> listed = new HashSet<>();
        site.conditions().stream().filter(Condition::draft).forEach(c -> {
            c.sources().forEach(k -> listed.add(k.value()));
            c.editorial().adaptedFrom().ifPresent(k -> listed.add(k.value()));
        });
        site.exercises().stream().filter(Exercise::draft).forEach(e -> {
            e.sources().forEach(k -> listed.add(k.value()));
            e.editorial().adaptedFrom().ifPresent(k -> listed.add(k.value()));
        });
        return new DraftWords(out.toString().toLowerCase(Locale.ROOT), listed);
    }

    /** The words of files read as they are, not as pages (translations left without their source). */
    static DraftWords ofTexts(Collection<String> texts) {
        return new DraftWords(String.join("\n", texts).toLowerCase(Locale.ROOT), Set.of());
    }

    /** Whether {@code words} (any case) stand in a draft as words of their own, not inside longer ones. */
    boolean uses(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
            int end = at + w.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a draft cites the source {@code key}: in its text ({@code [@key]}, {@code [@a; @key]}) or under its
     * {@code sources:} or {@code adapted_from:}; a word that is only spelt like the key ("nice") is no citation.
     */
    boolean cites(String key) {
        if (listed.contains(key)) {
            return true;
        }
        String cited = "@" + key.toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(cited); at >= 0; at = text.indexOf(cited, at + 1)) {
            int end = at + cited.length();
            int open = text.lastIndexOf('[', at);
            if (open >= 0 && text.indexOf(']', open) > at && text.indexOf('\n', open) > at
                    && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end))
                    || text.charAt(end) == '-' || text.charAt(end) == '_'))) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            out.append(s).append('\n');
        } else if (value instanceof Prose p) {
            out.append(Prose.withoutComments(p.markdown())).append('\n');
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(v -> collect(v, out, depth + 1));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, out, depth + 1));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out, depth + 1));
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    collect(c.getAccessor().invoke(r), out, depth + 1);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    // a component that cannot be read holds no words a reader would see
                }
            }
        }
    }
}

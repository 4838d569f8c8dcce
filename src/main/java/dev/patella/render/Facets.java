package dev.patella.render;

import dev.patella.index.Urls;
import dev.patella.model.Exercise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The values the exercise list can be filtered by, each with the exercises that have it. */
final class Facets {

    /** The equipment value of an exercise that needs nothing. */
    static final String NO_EQUIPMENT = "No equipment";

    private Facets() {
    }

    /**
     * @param values what each exercise has (its muscles, its type, its equipment)
     * @param label  how a value is shown, in the pages' language (its key stays the value's)
     * @return one facet per value, sorted by label ({@link #NO_EQUIPMENT} first), exercises in list order
     */
    static List<Views.Facet> of(List<Exercise> exercises, Function<Exercise, List<String>> values, String from,
                                Function<String, String> label) {
        Map<String, List<Views.Link>> byValue = new LinkedHashMap<>();
        for (Exercise e : exercises) {
            for (String value : values.apply(e)) {
                byValue.computeIfAbsent(value, v -> new ArrayList<>())
                        .add(new Views.Link(e.title(), Urls.relative(from, Urls.exercise(e.slug())), false));
            }
        }
        List<Views.Facet> out = new ArrayList<>();
        byValue.forEach((value, links) -> out.add(new Views.Facet(key(value), label.apply(value), List.copyOf(links))));
        out.sort(Comparator.comparing((Views.Facet f) -> !f.key().equals(key(NO_EQUIPMENT)))
                .thenComparing(f -> f.label().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    /** A value as a slug for data attributes and query strings: {@code gluteus medius} is {@code gluteus-medius}. */
    static String key(String value) {
        String slug = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "other" : slug;
    }

    /** A value as a label: its first letter in capitals. */
    static String label(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }
}

package dev.patella.render;

import com.ibm.icu.text.Transliterator;
import dev.patella.index.Urls;
import dev.patella.model.Exercise;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The values the exercise list can be filtered by, each with the exercises that have it. */
final class Facets {

    /** The equipment value of an exercise that needs nothing. */
    static final String NO_EQUIPMENT = "No equipment";

    private Facets() {
    }

    /**
     * @param values what each exercise has (its muscles, its type, its equipment)
     * @param label  how a value is shown, in the pages' language (its key stays the value's)
     * @return one facet per value, sorted by label ({@link #NO_EQUIPMENT} first), exercises in list order;
     *         values written with other capitals or accents ("Glúteo medio", "gluteo medio") are one
     *         value, as their key is the same, shown with the most accents, else as first written
     */
    static List<Views.Facet> of(List<Exercise> exercises, Function<Exercise, List<String>> values, String from,
                                Function<String, String> label) {
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, List<Views.Link>> byKey = new LinkedHashMap<>();
        for (Exercise e : exercises) {
            for (String value : values.apply(e)) {
                String key = key(value);
                // the spelling with accents is shown: leaving one out is the likelier slip
                shown.merge(key, value, (was, other) -> accents(other) > accents(was) ? other : was);
                var link = new Views.Link(e.title(), Urls.relative(from, Urls.exercise(e.slug())), false);
                List<Views.Link> links = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                if (!links.contains(link)) {
                    links.add(link);
                }
            }
        }
        List<Views.Facet> out = new ArrayList<>();
        byKey.forEach((key, links) -> out.add(new Views.Facet(key, label.apply(shown.get(key)),
                List.copyOf(links))));
        out.sort(Comparator.comparing((Views.Facet f) -> !f.key().equals(key(NO_EQUIPMENT)))
                .thenComparing(f -> f.label().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    /**
     * A value as a slug for data attributes and query strings: {@code gluteus medius} is
     * {@code gluteus-medius}, {@code glúteo medio} is {@code gluteo-medio} (accents dropped), and a
     * value in another script is written in Latin letters ({@code четырёхглавая} is
     * {@code cetyrehglavaa}); one with no letter or digit even then (an emoji) is {@code v} and a
     * number made from its characters, so that two values share a key only when they are the same
     * words written with other capitals or accents.
     */
    static String key(String value) {
        String folded = value;
        if (!ascii(folded)) { // the normalizer's tables load on first use: a site in English never needs them
            folded = ACCENTS.matcher(Normalizer.normalize(value, Normalizer.Form.NFKD)).replaceAll("");
            if (!ascii(folded)) {
                folded = Ascii.of(folded);
            }
        }
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "v" + Integer.toUnsignedString(value.strip().hashCode(), 36) : slug;
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** How many letters of {@code value} are not plain ASCII. */
    private static long accents(String value) {
        return value.chars().filter(c -> c >= 0x80).count();
    }

    /** The accents and other marks a decomposed letter carries. */
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    /**
     * Letters that are not ASCII once their accents are dropped (ß, ø, another script) in ASCII,
     * by ICU's transliteration; built on first use, as most sites never need it.
     */
    private static final class Ascii {
        private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

        private Ascii() {
        }

        static synchronized String of(String text) {
            return TO_ASCII.transliterate(text);
        }
    }

    /** A value as a label: its first letter in capitals. */
    static String label(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }
}

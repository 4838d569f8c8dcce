package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.Suggestions;
import dev.patella.model.GlossaryTerm;
import dev.patella.model.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Maps {@code content/glossary.yaml} (each term's id to its word, other forms and meaning) to glossary terms. */
final class GlossaryReader {

    /** The glossary every language's glossary keeps the ids of. */
    private static final String SOURCE = "content/glossary.yaml";
    /** How many ids a message lists at most. */
    private static final int MAX_LISTED = 6;

    private GlossaryReader() {
    }

    /** @return the terms that read without error, in file order; empty when none (problems reported) */
    static List<GlossaryTerm> read(YNode root, Diagnostics diagnostics) {
        return read(root, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(YNode, Diagnostics)}, noting every field asked for in {@code log}. */
    static List<GlossaryTerm> read(YNode root, Diagnostics diagnostics, FieldLog log) {
        if (!(root instanceof YNode.YMap map)) {
            diagnostics.error("schema.wrong-type", root.at(), "glossary.yaml must map each term's id to its "
                    + "details, for example \"kneecap:\" followed by indented \"term:\" and \"definition:\" lines");
            return List.of();
        }
        var file = new Fields(map, "glossary file", diagnostics, log);
        List<GlossaryTerm> terms = new ArrayList<>();
        for (YNode.Entry entry : map.entries().values()) {
            if (!ContentDocument.SLUG.matcher(entry.key()).matches()) {
                String fixed = FileNames.asSlug(entry.key());
                diagnostics.error("slug.invalid", entry.keyAt(), "the glossary id \"" + entry.key() + "\" must use "
                        + "lower-case letters, digits and hyphens only, for example \""
                        + (fixed.isEmpty() ? "gluteus-medius" : fixed) + "\"");
                continue;
            }
            term(file, entry).ifPresent(terms::add);
        }
        var ids = new TreeSet<>(map.entries().keySet());
        // an id refused for its form (Femur, "hip flexors") is named as it should be written: not a second mistake
        Set<String> refusedAsWritten = new HashSet<>();
        ids.stream().filter(id -> !ContentDocument.SLUG.matcher(id).matches())
                .forEach(id -> refusedAsWritten.add(FileNames.asSlug(id)));
        checkSeeAlso(terms, map.at().file(), ids, refusedAsWritten, diagnostics);
        return withOwnWords(terms, diagnostics);
    }

    /**
     * Each word (a term or a form under {@code also}, in any case) explains one term: the pages link
     * a word to one meaning, and the glossary page would list the word twice. A term whose word an
     * earlier term has is an error at its id, and is left out (so it is not also told it is unused).
     */
    private static List<GlossaryTerm> withOwnWords(List<GlossaryTerm> terms, Diagnostics diagnostics) {
        Map<String, GlossaryTerm> owner = new HashMap<>();
        List<GlossaryTerm> kept = new ArrayList<>();
        for (GlossaryTerm term : terms) {
            Optional<String> taken = term.forms().stream()
                    .filter(form -> owner.containsKey(form.toLowerCase(Locale.ROOT))).findFirst();
            if (taken.isPresent()) {
                GlossaryTerm earlier = owner.get(taken.get().toLowerCase(Locale.ROOT));
                diagnostics.error("glossary.duplicate-word", term.at(), "the term \"" + term.id() + "\" explains \""
                        + taken.get() + "\", a word the term \"" + earlier.id() + "\" (line " + earlier.at().line()
                        + ") explains already, and a word can link to one meaning only; give this term a word of "
                        + "its own, or merge the two terms into one");
                continue;
            }
            term.forms().forEach(form -> owner.putIfAbsent(form.toLowerCase(Locale.ROOT), term));
            kept.add(term);
        }
        return kept;
    }

    private static Optional<GlossaryTerm> term(Fields file, YNode.Entry entry) {
        return file.separateEntry(entry, "glossary term \"" + entry.key() + "\"").flatMap(f -> {
            String term = f.requiredText("term").strip();
            var also = f.strings("also", false);
            var definition = f.requiredProse("definition");
            var seeAlso = f.keys("see_also", false);
            return f.build(() -> {
                List<String> forms = new ArrayList<>(List.of(term));
                also.stream().map(String::strip).filter(s -> !s.isEmpty() && !forms.contains(s))
                        .forEach(forms::add);
                return new GlossaryTerm(entry.key(), entry.keyAt(), term, forms, definition, seeAlso);
            });
        });
    }

    /**
     * Reads {@code content/<code>/glossary.yaml}, which keeps the ids of {@code content/glossary.yaml}
     * and translates the words under them. An id that file lacks ({@code kneecapp:}, {@code Rótula:})
     * is one error at that id, which names the source id it most likely stands for, and its entry is
     * left out; a {@code see_also} is checked against the source's ids, so one that names a term not
     * translated yet is no error (the missing term's own warning says to translate it).
     *
     * @param sourceIds the ids of {@code content/glossary.yaml} as written, those whose entries did not read
     *                  too; empty when that file does not exist or could not be read, and then the ids are
     *                  checked as {@link #read(YNode, Diagnostics)} checks them
     * @return the terms that read without error, in file order; empty when none (problems reported)
     */
    static List<GlossaryTerm> readTranslated(YNode root, Optional<Set<String>> sourceIds, Diagnostics diagnostics) {
        if (sourceIds.isEmpty() || !(root instanceof YNode.YMap map)) {
            return read(root, diagnostics);
        }
        Set<String> known = sourceIds.get();
        Set<String> untranslated = untranslated(known, map.entries().keySet());
        Map<String, YNode.Entry> kept = new LinkedHashMap<>();
        for (YNode.Entry entry : map.entries().values()) {
            if (known.contains(entry.key())) {
                // an id the source writes wrongly is that file's error: it is not told here again
                if (ContentDocument.SLUG.matcher(entry.key()).matches()) {
                    kept.put(entry.key(), entry);
                }
                continue;
            }
            diagnostics.error("translation.no-source", entry.keyAt(), SOURCE + " has no term \"" + entry.key()
                    + "\", and a translated glossary keeps the ids of " + SOURCE + " as they are (only the words "
                    + "under them are translated); " + advice(entry.key(), untranslated));
        }
        List<GlossaryTerm> terms = new ArrayList<>();
        var file = new Fields(map, "glossary file", diagnostics, FieldLog.NONE);
        for (YNode.Entry entry : kept.values()) {
            term(file, entry).ifPresent(terms::add);
        }
        checkSeeAlso(terms, SOURCE, new TreeSet<>(known), Set.of(), diagnostics);
        return withOwnWords(terms, diagnostics);
    }

    /**
     * The id of {@code content/glossary.yaml} that a translated id it lacks most likely stands for:
     * the closest in spelling among those not translated yet, else the only one not translated yet.
     *
     * @param untranslated the source's ids that the translation does not have
     * @return that id; empty when none is close and more than one (or none) is left
     */
    static Optional<String> meant(String id, Set<String> untranslated) {
        Optional<String> close = closest(id, untranslated);
        if (close.isPresent() || untranslated.size() != 1) {
            return close;
        }
        return Optional.of(untranslated.iterator().next());
    }

    /** The id of {@code ids} closest in spelling to {@code id} as written, or as an id is written ("Kneecap" is kneecap). */
    private static Optional<String> closest(String id, Set<String> ids) {
        return Suggestions.closest(id, ids).or(() -> Suggestions.closest(FileNames.asSlug(id), ids));
    }

    /** The source's ids that {@code translated} (a translation's ids) does not have, in order. */
    static Set<String> untranslated(Set<String> sourceIds, Set<String> translated) {
        Set<String> out = new TreeSet<>(sourceIds);
        out.removeAll(translated);
        return out;
    }

    private static String advice(String id, Set<String> untranslated) {
        Optional<String> meant = meant(id, untranslated);
        if (meant.isPresent()) {
            boolean close = closest(id, untranslated).isPresent();
            return "did you mean \"" + meant.get() + "\"" + (close ? "?" : ", the one term of " + SOURCE
                    + " that this file does not translate yet? Write that id in place of this one");
        }
        if (untranslated.isEmpty()) {
            return "every term of " + SOURCE + " is translated here already, so remove this entry, or add the "
                    + "term to " + SOURCE + " first";
        }
        List<String> left = untranslated.stream().limit(MAX_LISTED).map(t -> "\"" + t + "\"").toList();
        return "write in its place the id of the term it translates, one of those this file does not translate yet: "
                + String.join(", ", left) + (untranslated.size() > MAX_LISTED ? " …" : "");
    }

    /**
     * Every "see also" names one of {@code ids}, the entries of the glossary {@code file} (one that
     * failed to read still counts: its own error says why), or one of {@code refusedAsWritten}.
     */
    private static void checkSeeAlso(List<GlossaryTerm> terms, String file, Set<String> ids,
                                     Set<String> refusedAsWritten, Diagnostics diagnostics) {
        for (GlossaryTerm term : terms) {
            for (Key key : term.seeAlso()) {
                List<String> several = key.several();
                if (!several.isEmpty()) {
                    // "see_also: quadriceps, kneecap": one text naming several terms, not a list of them
                    diagnostics.error("glossary.unknown-term", key.at(), "there is no term \"" + key.value()
                            + "\" in " + file + ": to name several terms, " + Key.asList("see_also", several));
                } else if (!ids.contains(key.value()) && !refusedAsWritten.contains(key.value())) {
                    diagnostics.error("glossary.unknown-term", key.at(), "there is no term \"" + key.value()
                            + "\" in " + file + Suggestions.closest(key.value(), ids)
                            .map(k -> "; did you mean \"" + k + "\"?").orElse("; check the spelling or add it"));
                }
            }
        }
    }
}

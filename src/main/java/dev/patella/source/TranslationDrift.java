package dev.patella.source;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import dev.patella.diag.Severity;
import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the translations that have fallen behind their source: under {@code content/<code>/} for
 * each of the site's other languages, every file whose source changed since its
 * {@code translated_from} was written ({@code translation.stale}), that has no such line
 * ({@code translation.unmarked}), or that lacks a field its source has
 * ({@code translation.missing-field}), or whose numbers (doses, steps, warnings) or clinical choices
 * (phase, chain, a program's phases) differ from its source's ({@code translation.numbers}), or whose
 * headings lack an id its source's have ({@code translation.heading-id}). Warnings; errors with {@code --strict}.
 *
 * <p>It reads the files themselves, whether or not the site builds its other editions, and
 * reports nothing about a file that cannot be read: the loader says why. Keep one per session:
 * a file whose bytes did not change is not parsed again.
 */
public final class TranslationDrift {

    static final String STALE = "translation.stale";
    static final String UNMARKED = "translation.unmarked";
    static final String MISSING_FIELD = "translation.missing-field";
    static final String NUMBERS = "translation.numbers";
    static final String HEADING_ID = "translation.heading-id";
    static final String SAME_TEXT = "translation.same-text";

    private final YamlReader yaml = new YamlReader();
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    /** What checking a translation against its source found, kept while neither file changes. */
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    /** What checking {@code translation} against {@code source} with these settings found. */
    private record Checked(TranslationDocument source, TranslationDocument translation, TranslationFolders folders,
                           Severity severity, List<Diagnostic> found, Map<Diagnostic, TranslationGaps.Gap> gaps) {
        boolean sameAs(TranslationDocument source, TranslationDocument translation, TranslationFolders folders,
                       Severity severity) {
            return this.source == source && this.translation == translation && this.folders.equals(folders)
                    && this.severity == severity;
        }
    }

    /** A file's hash and what it read as. */
    private record Parsed(byte[] sha256, Optional<TranslationDocument> document) {
    }

    /**
     * Checks every translation of {@code project}.
     *
     * @param strict reports what it finds as errors rather than warnings
     * @throws java.io.UncheckedIOException when a file or folder cannot be read
     */
    public void check(Path project, boolean strict, Diagnostics diagnostics) {
        if (!TranslationFolders.anyOtherFolder(project)) {
            return;
        }
        var folders = TranslationFolders.read(project, yaml);
        Severity severity = strict ? Severity.ERROR : Severity.WARNING;
        // a field the source's own reader refused (a misspelt key) is that file's error, not a gap to translate
        Set<SourceSpan> refused = new HashSet<>();
        // and a source with an error is not compared at all: what it reads as until it is fixed (an
        // empty file, a value left out) says nothing about its translations
        Set<String> sourcesWithErrors = new HashSet<>();
        // nor is a translation that is empty, or only comments: that one error says it all
        Set<String> emptyFiles = new HashSet<>();
        // and what a translation's own reader refused is told once, by that error (see toldAlready)
        Map<String, List<Diagnostic>> errorsByFile = new HashMap<>();
        diagnostics.sorted().stream().filter(Diagnostic::isError).forEach(d -> {
            refused.add(d.at());
            errorsByFile.computeIfAbsent(d.at().file(), f -> new ArrayList<>()).add(d);
            sourcesWithErrors.add(d.at().file());
            if (d.code().equals("file.empty")) {
                emptyFiles.add(d.at().file());
            }
        });
        for (String code : folders.codes()) {
            for (String file : TranslationFolders.translations(project, code)) {
                String source = sourceOf(file, code);
                Optional<TranslationKind> kind = TranslationKind.of(file.substring(("content/" + code + "/").length()));
                if (kind.isEmpty() || !Files.isRegularFile(project.resolve(source))) {
                    continue; // a translation of nothing: the loader reports it
                }
                if (sourcesWithErrors.contains(source) || emptyFiles.contains(file)) {
                    continue;
                }
                Optional<TranslationDocument> translation = document(project, file, kind.get());
                Optional<TranslationDocument> original = document(project, source, kind.get());
                if (translation.isPresent() && original.isPresent()) {
                    // documents are the same objects while their files' bytes are (see document)
                    Checked last = checked.get(file);
                    if (last == null || !last.sameAs(original.get(), translation.get(), folders, severity)) {
                        var found = new Diagnostics(Integer.MAX_VALUE);
                        Map<Diagnostic, TranslationGaps.Gap> gaps = new HashMap<>();
                        check(kind.get(), original.get(), translation.get(), folders, severity, found, gaps);
                        last = new Checked(original.get(), translation.get(), folders, severity, found.sorted(),
                                Map.copyOf(gaps));
                        checked.put(file, last);
                    }
                    for (Diagnostic d : last.found()) {
                        Optional<TranslationGaps.Gap> gap = Optional.ofNullable(last.gaps().get(d));
                        if (!gap.map(g -> refused.contains(g.sourceAt())).orElse(false)
                                && !toldAlready(d, gap, errorsByFile.getOrDefault(file, List.of()))) {
                            diagnostics.add(d);
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether an error of the translation's own reader already tells the editor what {@code found} says: a
     * required field left out or empty ({@code schema.missing-key} naming it), or a value it refuses where the
     * numbers differ (an exercise or source key that does not exist). The error says how to fix it; a
     * second message about the same mistake would only send the editor to the source to compare.
     */
    private static boolean toldAlready(Diagnostic found, Optional<TranslationGaps.Gap> gap, List<Diagnostic> errors) {
        for (Diagnostic e : errors) {
            if (e.at().equals(found.at())) {
                return true;
            }
            if (gap.isPresent() && e.code().startsWith("schema.") && e.message().contains("\"" + gap.get().key() + "\"")
                    && (e.at().line() == found.at().line() || found.at().equals(SourceSpan.startOf(found.at().file())))) {
                return true;
            }
        }
        return false;
    }

    /** @param gaps receives, for each missing field reported, the gap it reports */
    private static void check(TranslationKind kind, TranslationDocument source, TranslationDocument translation,
                              TranslationFolders folders, Severity severity, Diagnostics diagnostics,
                              Map<Diagnostic, TranslationGaps.Gap> gaps) {
        String rerun = "bin/patella translated " + translation.file();
        String theSource = "the " + folders.sourceLanguageName() + " source " + source.file();
        var now = TranslationParts.of(kind, source);
        Optional<YNode.Entry> stamp = translation.stampEntry();
        boolean stale = false;
        if (stamp.isEmpty()) {
            // "translated_form:": that line misspelt is the loader's error (schema.unknown-key), not this warning
            if (TranslationDocument.misspeltStamp(translation.root()).isEmpty()) {
                diagnostics.add(new Diagnostic(severity, UNMARKED, "this translation does not say which version of "
                        + source.file() + " it was made from, so Patella cannot tell whether it is up to date; check "
                        + "it against its source, then run " + rerun, SourceSpan.startOf(translation.file()), List.of()));
            }
        } else {
            Optional<TranslationParts> recorded = stamp.get().value() instanceof YNode.YScalar s
                    ? TranslationParts.parse(s.text()) : Optional.empty();
            if (recorded.isEmpty()) {
                diagnostics.add(new Diagnostic(severity, UNMARKED, "\"" + TranslationKind.FIELD + "\" is not "
                        + "a value Patella wrote, so it cannot tell which version of " + source.file() + " this "
                        + "translation was made from; it is written by a command, never by hand: check the "
                        + "translation against its source, then run " + rerun, stamp.get().keyAt(), List.of()));
            } else {
                List<String> changed = now.parts().changedSince(recorded.get());
                if (!changed.isEmpty()) {
                    stale = true;
                    List<String> what = new ArrayList<>();
                    for (String part : changed) {
                        SourceSpan at = now.at().get(part);
                        boolean gone = !now.parts().parts().containsKey(part);
                        what.add(part + (at != null ? " (" + fieldsOf(now, part) + at + ")"
                                : gone ? " (no longer in the source)" : ""));
                    }
                    diagnostics.add(new Diagnostic(severity, STALE, theSource + " changed since this translation "
                            + "was made: " + String.join(", ", what) + ". Update the translation, then run " + rerun,
                            stamp.get().keyAt(), List.of()));
                }
            }
        }
        for (TranslationGaps.Gap gap : TranslationGaps.find(kind, source, translation)) {
            var gapFound = new Diagnostic(severity, MISSING_FIELD, missing(gap, theSource), gap.translationAt(),
                    List.of());
            diagnostics.add(gapFound);
            gaps.put(gapFound, gap);
        }
        if (folders.otherLanguage(translation.file())) {
            for (TranslationCopies.Copy c : TranslationCopies.find(kind, source, translation)) {
                diagnostics.add(new Diagnostic(severity, SAME_TEXT, copied(c, folders), c.translationAt(), List.of()));
            }
        }
        // a stale translation's numbers differ because its source changed: translation.stale says where
        for (TranslationNumbers.Difference d : stale ? List.<TranslationNumbers.Difference>of()
                : TranslationNumbers.find(kind, source, translation)) {
            diagnostics.add(new Diagnostic(severity, NUMBERS, numbers(d, theSource), d.translationAt(), List.of()));
        }
        // likewise a heading the source renamed: translation.stale names the text as changed
        for (TranslationHeadings.Mismatch m : stale ? List.<TranslationHeadings.Mismatch>of()
                : TranslationHeadings.find(source, translation)) {
            diagnostics.add(new Diagnostic(severity, HEADING_ID, m.what(), m.translationAt(), List.of()));
        }
    }

    /** The message for numbers that differ from the source's. */
    static String numbers(TranslationNumbers.Difference d, String theSource) {
        return d.what() + "; " + theSource + " has it at " + d.sourceAt() + ". A translation gives the same doses, "
                + "numbers, steps, phases, chains and sources as its source: correct the translation (or the source, if that is the one that is wrong)";
    }

    /** The message for a text the translation left in its source's words. */
    static String copied(TranslationCopies.Copy c, TranslationFolders folders) {
        String text = c.text().length() <= 60 ? c.text() : c.text().substring(0, c.text().offsetByCodePoints(0,
                c.text().codePointCount(0, 57))) + "...";
        String where = c.field().equals(TranslationCopies.PARAGRAPH) ? c.field() : "\"" + c.field() + "\"";
        return where.substring(0, 1).toUpperCase(Locale.ROOT) + where.substring(1) + " is still the "
                + folders.sourceLanguageName() + " text, word for word (\"" + text + "\", " + c.sourceAt()
                + "): translate it, or readers of this edition get it in " + folders.sourceLanguageName()
                + ", and a screen reader reads it with this language's voice";
    }

    /** The message for a field the translation lacks. */
    static String missing(TranslationGaps.Gap gap, String theSource) {
        String what = gap.field().startsWith("the ") ? gap.field() : "the field \"" + gap.field() + "\"";
        return "this translation has no " + what.substring("the ".length()) + ", which " + theSource + " has at "
                + gap.sourceAt() + "; translate it and add it here (a translation has every field its source has)";
    }

    /** The source a translation translates: the same path without the language folder. */
    static String sourceOf(String file, String code) {
        return "content/" + file.substring(("content/" + code + "/").length());
    }

    private Optional<TranslationDocument> document(Path project, String file, TranslationKind kind) {
        byte[] bytes = read(project.resolve(file));
        byte[] hash = sha256(bytes);
        Parsed known = parsed.get(file);
        if (known != null && Arrays.equals(known.sha256(), hash)) {
            return known.document();
        }
        var document = TranslationDocument.read(bytes, file, kind.markdown(), yaml, new Diagnostics(Integer.MAX_VALUE));
        parsed.put(file, new Parsed(hash, document));
        return document;
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw FileFailure.reading(path, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The fields of a source's {@code other} part, which the stamp hashes together, so that a
     * change there is looked for in them and not only at the first: {@code "title, summary or
     * illustration, from "}. Empty for the other parts, whose names say what they hold.
     */
    private static String fieldsOf(TranslationParts.Located source, String part) {
        List<String> names = source.fields().getOrDefault(part, List.of());
        if (!part.equals(TranslationKind.OTHER) || names.isEmpty()) {
            return "";
        }
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return listed + ", from ";
    }
}

package dev.patella.source;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import dev.patella.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code patella translated FILE} does: records in a translation's {@code translated_from}
 * line which version of its source it was made from (see {@link TranslationParts}), changing
 * nothing else in the file. It refuses a translation that cannot be read or that lacks a field its
 * source has: a translation is marked up to date only when it is complete.
 */
public final class TranslationMarker {

    private final YamlReader yaml = new YamlReader();

    /** What marking one file did. */
    public sealed interface Outcome permits Marked, AlreadyMarked, Refused {
        /** The translation, relative to the project. */
        String file();
    }

    /** The line was written. */
    public record Marked(String file, String source, String stamp) implements Outcome {
    }

    /** The file already records its source as it is now; it was not touched. */
    public record AlreadyMarked(String file, String source) implements Outcome {
    }

    /**
     * Nothing was written.
     *
     * @param reason   what is wrong, in one sentence, when it is not in {@code problems}; else empty
     * @param problems located problems in the translation or its source (errors)
     */
    public record Refused(String file, String reason, List<Diagnostic> problems) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param file a path relative to the project, with forward slashes
     * @return what is wrong with marking {@code file}, as a command-line mistake; empty when it is a
     *         translation file that exists
     */
    public static Optional<String> notATranslation(Path project, String file, TranslationFolders folders) {
        Optional<String> source = aSource(project, file, folders);
        if (source.isPresent()) {
            return source;
        }
        String[] parts = file.split("/", 3);
        if (parts.length < 3 || !parts[0].equals("content")) {
            return Optional.of(file + " is not a translation: translations are in a language's folder, such as "
                    + "content/es/exercises/clamshell.md " + folders.described());
        }
        if (!folders.codes().contains(parts[1])) {
            return Optional.of(file + " is not a translation: " + parts[1] + " is not one of the site's other "
                    + "languages " + folders.described());
        }
        if (TranslationKind.of(parts[2]).isEmpty()) {
            return Optional.of(file + " is not a file Patella translates: a translation is the site.yaml, "
                    + "glossary.yaml or people.yaml of a language folder, or a .md file in its conditions/, exercises/ or pages/");
        }
        if (!Files.isRegularFile(project.resolve(file))) {
            return Optional.of("there is no file " + file + " in " + project);
        }
        return Optional.empty();
    }

    /**
     * When {@code file} is a file of the default language that translations translate (named by
     * mistake in place of its translation): what to name instead, the translation itself when it
     * has exactly one.
     */
    private static Optional<String> aSource(Path project, String file, TranslationFolders folders) {
        if (!file.startsWith("content/") || TranslationKind.of(file.substring("content/".length())).isEmpty()) {
            return Optional.empty();
        }
        String rest = file.substring("content/".length());
        List<String> translations = folders.codes().stream().map(code -> "content/" + code + "/" + rest)
                .filter(t -> Files.isRegularFile(project.resolve(t))).toList();
        String language = folders.sourceLanguageName();
        String start = file + " is not a translation but " + (language.equals("source") ? "a source"
                : "the " + language + " source") + ": name the "
                + "translation's file, ";
        if (translations.size() == 1) {
            return Optional.of(start + translations.get(0) + " (bin/patella translated " + translations.get(0) + ")");
        }
        if (translations.isEmpty()) {
            List<String> would = folders.codes().stream().map(code -> "content/" + code + "/" + rest).toList();
            return Optional.of(start + "such as " + (would.isEmpty() ? "content/es/" + rest : String.join(" or ", would))
                    + ", once it has one (it has no translation yet)");
        }
        return Optional.of(start + "one of " + String.join(", ", translations));
    }

    /**
     * Marks one translation as made from its source as it is now.
     *
     * @param file a translation, checked with {@link #notATranslation}
     * @throws java.io.UncheckedIOException when a file cannot be read or written
     */
    public Outcome mark(Path project, String file, TranslationFolders folders) {
        String code = file.split("/", 3)[1];
        Optional<TranslationKind> known = TranslationKind.of(file.substring(("content/" + code + "/").length()));
        if (known.isEmpty()) {
            return new Refused(file, notATranslation(project, file, folders).orElse(file + " is not a translation"),
                    List.of());
        }
        TranslationKind kind = known.get();
        String source = TranslationDrift.sourceOf(file, code);
        if (!Files.isRegularFile(project.resolve(source))) {
            return new Refused(file, file + " translates nothing: there is no " + source + ". A translation has "
                    + "the same file name as its source; rename it, or remove it", List.of());
        }
        var problems = new Diagnostics(Integer.MAX_VALUE);
        byte[] bytes = TranslationDrift.read(project.resolve(file));
        Optional<TranslationDocument> translation = TranslationDocument.read(bytes, file, kind.markdown(), yaml,
                problems);
        Optional<TranslationDocument> original = TranslationDocument.read(TranslationDrift.read(project.resolve(source)),
                source, kind.markdown(), yaml, problems);
        if (translation.isEmpty() || original.isEmpty()) {
            return new Refused(file, "", problems.sorted());
        }
        String theSource = "the " + folders.sourceLanguageName() + " source " + source;
        for (TranslationGaps.Gap gap : TranslationGaps.find(kind, original.get(), translation.get())) {
            problems.add(new Diagnostic(Severity.ERROR, TranslationDrift.MISSING_FIELD,
                    TranslationDrift.missing(gap, theSource), gap.translationAt(), List.of()));
        }
        for (TranslationNumbers.Difference d : TranslationNumbers.find(kind, original.get(), translation.get())) {
            problems.add(new Diagnostic(Severity.ERROR, TranslationDrift.NUMBERS, TranslationDrift.numbers(d, theSource),
                    d.translationAt(), List.of()));
        }
        if (folders.otherLanguage(file)) {
            for (TranslationCopies.Copy c : TranslationCopies.find(kind, original.get(), translation.get())) {
                problems.add(new Diagnostic(Severity.ERROR, TranslationDrift.SAME_TEXT, TranslationDrift.copied(c,
                        folders), c.translationAt(), List.of()));
            }
        }
        for (TranslationHeadings.Mismatch m : TranslationHeadings.find(original.get(), translation.get())) {
            problems.add(new Diagnostic(Severity.ERROR, TranslationDrift.HEADING_ID, m.what(), m.translationAt(),
                    List.of()));
        }
        if (problems.hasErrors()) {
            return new Refused(file, "", problems.sorted());
        }
        String stamp = TranslationParts.of(kind, original.get()).parts().stamp();
        Optional<YNode.Entry> existing = translation.get().stampEntry();
        if (existing.isPresent() && existing.get().value() instanceof YNode.YScalar s && s.text().equals(stamp)) {
            return new AlreadyMarked(file, source);
        }
        String written = StampLine.write(new String(bytes, StandardCharsets.UTF_8), kind.markdown(), stamp);
        byte[] out = written.getBytes(StandardCharsets.UTF_8);
        if (!readsBack(out, file, kind, translation.get(), stamp)) {
            return new Refused(file, "the " + TranslationKind.FIELD + " line of " + file + " could not be written "
                    + "without changing something else in the file; put the line " + TranslationKind.FIELD
                    + ": \"\" on a line of its own among the top-level fields, then run the command again", List.of());
        }
        write(project.resolve(file), out);
        return new Marked(file, source, stamp);
    }

    /** Whether the written file reads as the old one with the new stamp, and nothing else changed. */
    private boolean readsBack(byte[] out, String file, TranslationKind kind, TranslationDocument before, String stamp) {
        Optional<TranslationDocument> after = TranslationDocument.read(out, file, kind.markdown(), yaml,
                new Diagnostics(Integer.MAX_VALUE));
        if (after.isEmpty() || !(after.get().stampEntry().map(YNode.Entry::value).orElse(null) instanceof YNode.YScalar s)
                || !s.text().equals(stamp)) {
            return false;
        }
        Set<String> keys = new HashSet<>(before.root().entries().keySet());
        keys.add(TranslationKind.FIELD);
        return keys.equals(after.get().root().entries().keySet())
                && before.body().map(b -> b.markdown()).equals(after.get().body().map(b -> b.markdown()))
                && before.root().entries().values().stream().filter(e -> !e.key().equals(TranslationKind.FIELD))
                        .allMatch(e -> TranslationParts.canonical(e.value()).equals(
                                TranslationParts.canonical(after.get().root().entries().get(e.key()).value())));
    }

    /** Replaces the file in one step, keeping its permissions, so that it is never half written. */
    private static void write(Path file, byte[] bytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(temp, bytes);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write failure below is what matters
                }
            }
            throw FileFailure.writing(file, e);
        }
    }
}

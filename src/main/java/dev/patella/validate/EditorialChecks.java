package dev.patella.validate;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.Severity;
import dev.patella.diag.SourceSpan;
import dev.patella.index.SiteIndex;
import dev.patella.model.Condition;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.ProgramStep;
import dev.patella.model.Prose;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that keep health content trustworthy: pages past their review date, and pages harder
 * to read than the site allows.
 *
 * <p>Reading levels are remembered by the texts they were measured on, so a long-lived session
 * measures again only the pages whose text changed. Pages are measured in parallel.
 */
public final class EditorialChecks {

    /** A translation's file: {@code content/<language>/<section>/…} (see the README, "Languages"). */
    private static final Pattern TRANSLATION = Pattern.compile(
            "(?:^|/)content/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/(?:conditions|exercises|pages)/[^/]+$");

    private final Map<List<Prose>, Readability.Level> levels = new ConcurrentHashMap<>();
    /** The last check's levels by the record measured (a condition, an exercise, a page), compared by reference. */
    private Map<Object, Readability.Level> byItem = Map.of();
    /** Reading levels an earlier run of Patella measured, by text; none unless {@link #recall} was called. */
    private Function<List<Prose>, Optional<Readability.Level>> earlier =
            texts -> Optional.empty();

    /** Takes reading levels from {@code earlier} (an earlier run's, remembered on disk) rather than measuring them. */
    public void recall(Function<List<Prose>, Optional<Readability.Level>> earlier) {
        this.earlier = earlier;
    }

    /** The reading levels measured so far, by the texts they were measured on. */
    public Map<List<Prose>, Readability.Level> levels() {
        return Map.copyOf(levels);
    }

    /**
     * Checks every edition of a site (one per language) with the reading levels kept across all of
     * them: a level is forgotten only when no edition's page has its text any more.
     *
     * @param today  the current date, from the build's clock
     * @param strict turns an overdue review from a warning into an error
     */
    public void check(List<SiteIndex> editions, LocalDate today, boolean strict, Diagnostics diagnostics) {
        Map<Object, Readability.Level> measuredNow = new IdentityHashMap<>();
        List<Measured> measured = new ArrayList<>();
        for (SiteIndex index : editions) {
            measured.addAll(checkEdition(index, today, strict, measuredNow, diagnostics));
        }
        byItem = measuredNow;
        if (levels.size() > 2 * measured.size() + 100) {
            levels.keySet().retainAll(measured.stream().map(Measured::texts).collect(Collectors.toSet()));
        }
    }

    private List<Measured> checkEdition(SiteIndex index, LocalDate today, boolean strict,
                                        Map<Object, Readability.Level> measuredNow, Diagnostics diagnostics) {
        double maxGrade = index.site().config().readingGradeMax();
        String language = index.site().config().language();
        Map<SourceSpan, Measured> texts = new LinkedHashMap<>();
        for (Condition c : index.conditions()) {
            review(c.origin(), c.editorial(), today, strict, diagnostics);
            texts.put(c.origin(), new Measured(c, languageOf(c.origin(), language), c.texts()));
        }
        for (Exercise e : index.exercises()) {
            review(e.origin(), e.editorial(), today, strict, diagnostics);
            texts.put(e.origin(), new Measured(e, languageOf(e.origin(), language), e.texts()));
        }
        for (Page p : index.pages()) {
            p.reviewed().ifPresent(day -> reviewedLater(day, p.reviewedAt().orElse(p.origin()), false, today, diagnostics));
            texts.put(p.origin(), new Measured(p, languageOf(p.origin(), language),
                    List.of(new Prose(p.summary(), p.origin()), p.body())));
        }
        // a page with an error of its own is not measured: its text may not be what it will be
        Set<String> failing = diagnostics.hasErrors() ? diagnostics.sorted().stream()
                .filter(d -> d.severity() == Severity.ERROR).map(d -> d.at().file()).collect(Collectors.toSet())
                : Set.of();
        texts.keySet().removeIf(origin -> failing.contains(origin.file()));
        noFormula(texts, diagnostics);
        texts.values().removeIf(m -> m.formula().isEmpty());
        Map<Object, Readability.Level> last = byItem;
        List<Readability.Level> found = texts.entrySet().parallelStream().map(e -> {
            ReadingLevel formula = e.getValue().formula().orElseThrow();
            // a record read from an unchanged file is the same object as last time: its texts too
            Readability.Level before = last.get(e.getValue().item());
            Readability.Level level = before != null && before.scale().equals(formula.scale()) ? before
                    : levels.compute(e.getValue().texts(), (t, known) ->
                    known != null && known.scale().equals(formula.scale()) ? known
                            : earlier.apply(t).filter(l -> l.scale().equals(formula.scale()))
                                    .orElseGet(() -> formula.measure(t)));
            readingLevel(e.getKey(), formula, level, maxGrade, diagnostics);
            return level;
        }).toList();
        List<Measured> out = List.copyOf(texts.values());
        for (int i = 0; i < out.size(); i++) {
            measuredNow.put(out.get(i).item(), found.get(i));
        }
        return out;
    }

    /**
     * The language a page is written in: a translation's, from its folder
     * ({@code content/es/exercises/clamshell.md} is Spanish), else the site's default language.
     */
    static String languageOf(SourceSpan origin, String defaultLanguage) {
        String file = origin.file();
        if (file.startsWith("content/pages/") || file.startsWith("content/exercises/")
                || file.startsWith("content/conditions/")) {
            return defaultLanguage; // the default language's own folders, the most common case by far
        }
        Matcher m = TRANSLATION.matcher(origin.file().replace('\\', '/'));
        return m.find() ? m.group(1) : defaultLanguage;
    }

    /**
     * The texts of one page and the language they are written in.
     *
     * @param language the page's BCP 47 language tag
     */
    private record Measured(Object item, String language, List<Prose> texts, Optional<ReadingLevel> formula) {
        Measured(Object item, String language, List<Prose> texts) {
            this(item, language, texts, ReadingLevel.forLanguage(language));
        }
    }

    /**
     * One note per language that has no reading-level formula, at its first page: those pages get no
     * reading level and no readability warning (another language's formula would say nothing true).
     */
    private static void noFormula(Map<SourceSpan, Measured> texts, Diagnostics diagnostics) {
        Map<String, List<SourceSpan>> unmeasured = new LinkedHashMap<>();
        texts.forEach((origin, m) -> {
            if (m.formula().isEmpty()) {
                unmeasured.computeIfAbsent(m.language(), l -> new ArrayList<>()).add(origin);
            }
        });
        unmeasured.forEach((language, origins) -> diagnostics.warning("readability.no-formula", origins.get(0),
                "Patella has no reading-level formula for the language \"" + language + "\", so "
                        + (origins.size() == 1 ? "this page gets" : "this page and the " + (origins.size() - 1)
                        + " other" + (origins.size() == 2 ? "" : "s") + " in \"" + language + "\" get")
                        + " no reading level and no readability warning (formulas exist for English and Spanish);"
                        + " have a reader of that language check that the pages read plainly"));
    }

    static void review(SourceSpan origin, Editorial editorial, LocalDate today, boolean strict,
                       Diagnostics diagnostics) {
        if (reviewedLater(editorial.reviewed(), editorial.reviewedAt().orElse(origin), true, today, diagnostics)) {
            return; // its review is not due, it has not happened
        }
        if (editorial.reviewDue().isBefore(today)) {
            diagnostics.add(new Diagnostic(strict ? Severity.ERROR : Severity.WARNING, "review.overdue",
                    "this page was due for review on " + editorial.reviewDue() + "; check it against the current "
                            + "evidence, then update \"reviewed:\" (and \"review_due:\" if set)",
                    editorial.dueAt().orElse(origin), List.of()));
        }
    }

    /**
     * A review dated after tomorrow (a day's grace for an editor whose day starts before the build
     * machine's): most often a mistyped year, which would tell readers the page was checked on a
     * day to come and put its next review years away.
     *
     * @param due    whether the page can set its next review ({@code review_due:}): conditions and exercises can
     * @return whether it was reported
     */
    private static boolean reviewedLater(LocalDate reviewed, SourceSpan at, boolean due, LocalDate today,
                                         Diagnostics diagnostics) {
        if (!reviewed.isAfter(today.plusDays(1))) {
            return false;
        }
        diagnostics.error("review.future", at, "the review date " + reviewed + " is after today (" + today
                + "); write the day the page was last checked" + (due ? ", or set \"review_due:\" for a review to come"
                : ""));
        return true;
    }

    static void readingLevel(SourceSpan origin, ReadingLevel formula, Readability.Level level, double maxGrade,
                             Diagnostics diagnostics) {
        formula.tooHard(level, maxGrade).ifPresent(why -> {
            String longest = level.longest().stream()
                    // the summary is placed at the file's start, the front matter's "---": named, not pointed at
                    .map(s -> (s.at().equals(origin) ? "the summary" : "line " + s.at().line()) + " (" + s.words()
                            + (s.words() == 1 ? " word)" : " words)"))
                    .collect(Collectors.joining(", "));
            diagnostics.warning("readability.grade", origin, why + ", starting with the longest sentences: " + longest);
        });
    }
}

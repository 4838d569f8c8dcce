package dev.patella.render;

import java.util.List;

/**
 * The records templates receive. Strings are never null: an absent value is {@code ""} and an
 * absent list is empty, so templates test with {@code ?has_content}. Fields ending in
 * {@code Html} hold HTML that Patella made (rendered Markdown, formatted references) and are
 * the only ones templates may print with {@code ?no_esc}; every other string is plain text.
 */
public final class Views {

    private Views() {
    }

    /**
     * What every page's frame needs.
     *
     * @param root      the relative path from this page to the site root ({@code ../../}), or the
     *                  base path for pages served at any URL (the 404 page)
     * @param canonical the absolute URL of this page
     * @param section   which main navigation item this page belongs to
     */
    public record Layout(String title, String description, String canonical, String root, String url,
                         String language, String siteTitle, String css, String section, List<Link> nav,
                         List<Link> footerNav, List<Link> breadcrumbs, String disclaimerHtml,
                         String publisher) {
    }

    /** A link; {@code current} marks the page being shown. */
    public record Link(String title, String href, boolean current) {
    }

    public record ExerciseCard(String title, String href, String summary, String phase, String chain,
                               String dose, List<String> muscles) {
    }

    /** A phase of a program; {@code start} is the program position of its first exercise, for {@code <ol start>}. */
    public record Phase(String title, String label, String summaryHtml, int start, List<ExerciseCard> exercises) {
    }

    public record Help(List<String> stopIfHtml, List<String> seeADoctorHtml) {
    }

    public record Reference(int number, String anchor, String html, String backHref) {
    }

    /**
     * Authorship and review dates: the {@code …Iso} fields are for {@code <time datetime>}; the
     * {@code …Href} fields are empty when the site has no about page to link to.
     */
    public record Editorial(String author, String authorHref, String reviewer, String reviewerHref,
                            String published, String publishedIso, String reviewed, String reviewedIso,
                            String reviewDue, String reviewDueIso) {
    }

    public record Dose(int sets, String reps, String hold, String restHtml, boolean perSide, String frequencyHtml,
                       String summary) {
    }

    /** {@code src} is empty when the exercise has no illustration. */
    public record Illustration(String src, String alt, String credit) {
    }

    public record Usage(String condition, String href, String phase, int position) {
    }

    public record Person(String id, String name, String credentials, String role, String bioHtml) {
    }

    public record Home(Layout layout, String introHtml, List<ConditionCard> conditions) {
    }

    public record ConditionCard(String title, String href, String summary, List<Phase> program) {
    }

    public record Condition(Layout layout, String title, List<String> otherNames, String summary, String icd10,
                            List<String> symptomsHtml, List<String> riskFactorsHtml, List<String> avoidHtml,
                            String bodyHtml, List<Phase> program, List<Reference> references,
                            Editorial editorial, Help help) {
    }

    public record Exercise(Layout layout, String title, List<String> otherNames, String summary,
                           List<String> primaryMuscles, List<String> secondaryMuscles, String feelItHtml,
                           List<String> equipment, List<String> optionalEquipment, String chain,
                           String chainMeaning, String phase, String positionHtml, List<String> stepsHtml,
                           Dose dose, List<String> tipsHtml, List<String> mistakesHtml,
                           List<String> progressionsHtml, List<String> regressionsHtml, List<String> stopIfHtml,
                           Illustration illustration, List<Usage> usedFor, String bodyHtml,
                           List<Reference> references, Editorial editorial, Help help) {
    }

    public record Exercises(Layout layout, List<Phase> phases) {
    }

    public record Source(String anchor, String html, List<Link> citedBy) {
    }

    public record Sources(Layout layout, List<Source> sources) {
    }

    public record Page(Layout layout, String slug, String title, String summary, String bodyHtml,
                       List<Person> people, List<Reference> references) {
    }

    public record NotFound(Layout layout) {
    }
}

package dev.patella.render;

import java.util.ArrayList;
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

    /** The view of a whole page: every page has a layout, whose head holds the page's own title. */
    public interface PageView {
        Layout layout();
    }

    /**
     * What every page around its own content needs: what goes in its {@code <head>}, the frame
     * every page shares, and where this page is.
     */
    public record Layout(Head head, Frame frame, Place place, Language language) {

        /** This layout for a page that is an article (Open Graph type {@code article}) rather than a website page. */
        public Layout asArticle() {
            return new Layout(head.withOgType("article"), frame, place, language);
        }

        /** This layout with the given script hrefs after those every page loads. */
        public Layout withScripts(List<String> hrefs) {
            return new Layout(head.withScripts(hrefs), frame, place, language);
        }

        /**
         * The page's language and its versions in the site's other languages.
         *
         * @param code       the page's language code, for {@code <html lang>}
         * @param dir        {@code ltr} or {@code rtl}, from the language (ICU)
         * @param alternates every version of this page, itself included, then {@code x-default}, for
         *                   {@code <link rel="alternate" hreflang>}; empty for a site in one language
         * @param switcher   one entry per other language of the site; empty for a site in one language
         */
        public record Language(String code, String dir, List<Alternate> alternates, List<LanguageLink> switcher) {
            public Language {
                alternates = List.copyOf(alternates);
                switcher = List.copyOf(switcher);
            }
        }

        /** A version of the page: its {@code hreflang} and absolute URL. */
        public record Alternate(String hreflang, String href) {
        }

        /**
         * The switcher's entry for one language: the same page in it, or, when the page is not
         * translated into it ({@code translated} false), that language's home page.
         *
         * @param name the language's name in itself ({@code Español}), marked with {@code code}
         */
        public record LanguageLink(String code, String name, String dir, String href, boolean translated) {
        }

        /**
         * What goes in the page's {@code <head>}.
         *
         * @param title    the {@code <title>}: the page's title and the site's, or the site's alone on the home page
         * @param ogTitle  the page's own title, for sharing
         * @param jsonLd   the page's schema.org data, already escaped for a {@code <script>} element
         * @param ogType   the Open Graph type: {@code website} or {@code article}
         * @param icon     the favicon's href
         * @param manifest the web app manifest's href
         * @param scripts  the hrefs of the page's scripts (external files only, loaded with {@code defer})
         * @param ogLocale the page's language as Open Graph writes a locale: language and region ({@code es_ES})
         */
        public record Head(String title, String ogTitle, String description, String language, String css,
                           String icon, String manifest, List<String> scripts, String jsonLd, String ogType,
                           String ogLocale) {

            public Head {
                scripts = List.copyOf(scripts);
            }

            Head withOgType(String type) {
                return new Head(title, ogTitle, description, language, css, icon, manifest, scripts, jsonLd, type,
                        ogLocale);
            }

            /** The head with the page's own scripts after those every page has. */
            Head withScripts(List<String> hrefs) {
                List<String> all = new ArrayList<>(scripts);
                all.addAll(hrefs);
                return new Head(title, ogTitle, description, language, css, icon, manifest, all, jsonLd, ogType,
                        ogLocale);
            }
        }

        /** The frame every page shares: the site's name, its navigation, its footer. Hrefs are relative to the page. */
        public record Frame(String siteTitle, List<NavLink> nav, List<NavLink> footerNav, String disclaimerHtml,
                            String publisher) {
        }

        /**
         * Where this page is.
         *
         * @param url       the page's site-root URL ({@code /exercises/clamshell/})
         * @param root      the relative path from this page to the site root ({@code ../../}), or the
         *                  base path for pages served at any URL (the 404 page)
         * @param canonical the absolute URL of this page
         * @param printed   the absolute URL of this page as printed for people to read: its server name
         *                  and the letters of its path as written ({@code https://clínica.org/rodilla-ñ/}
         *                  for {@code https://xn--clnica-2ya.org/rodilla-%C3%B1/}); empty whenever
         *                  {@code home} is
         * @param home      this language's home page's address as printed, as a reader types it
         *                  ({@code your-clinic.org/knee/}), which {@code root} leads to: a link's address
         *                  on paper is this followed by its href without {@code root}; empty while the
         *                  site's base URL is an example address, so that no address that goes nowhere
         *                  is printed
         * @param section   which main navigation item this page belongs to
         * @param breadcrumbs the pages above this one, home first, then this page
         */
        public record Place(String url, String root, String canonical, String printed, String home, String section,
                            List<Link> breadcrumbs) {
        }
    }

    /** A link; {@code current} marks the page being shown. */
    public record Link(String title, String href, boolean current) {
    }

    /**
     * A navigation link. {@code current} is the value of its {@code aria-current} attribute:
     * {@code page} on the page itself, {@code true} on the section the page belongs to, else empty.
     */
    public record NavLink(String title, String href, String current) {
    }

    /**
     * An exercise as a card. {@code phaseKey}, {@code chainKey}, {@code muscleKeys} and
     * {@code equipmentKeys} are slugs for the list page's filters; {@code equipmentKeys} is
     * {@code none} when nothing is needed.
     */
    public record ExerciseCard(String title, String href, String summary, String phase, String chain,
                               ShortDose dose, List<String> muscles, String phaseKey, String chainKey,
                               List<String> muscleKeys, List<String> equipmentKeys) {
    }

    /** One value of a filter on the exercise list (a muscle, a type, a piece of equipment) and its exercises. */
    public record Facet(String key, String label, List<Link> exercises) {
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
                            String reviewDue, String reviewDueIso, String adaptedFromHtml) {
    }

    /**
     * The day the editors last checked a page that has no byline of its own; {@code label} says
     * what was checked. {@code date} is empty when the page gives no date.
     */
    public record Checked(String label, String date, String iso) {
    }

    /**
     * How much of an exercise to do; {@code holdSeconds} is 0 when there is no hold. Templates
     * word it (with {@code plural(...)}, see {@code parts.ftlh}'s {@code shortDose}).
     */
    public record Dose(int sets, String reps, int holdSeconds, String restHtml, boolean perSide,
                       String frequencyHtml) {
    }

    /** The counts of a dose alone, for cards: "3 sets of 10–15, hold 1 second, each side". */
    public record ShortDose(int sets, String reps, int holdSeconds, boolean perSide) {
    }

    /** {@code src} is empty when the exercise has no illustration; width and height are the drawing's own. */
    public record Illustration(String src, String alt, String credit, int width, int height) {
    }

    public record Usage(String condition, String href, String phase, int position) {
    }

    public record Person(String id, String name, String credentials, String role, String bioHtml) {
    }

    public record Home(Layout layout, String introHtml, List<ConditionCard> conditions, Checked checked)
            implements PageView {
    }

    public record ConditionCard(String title, String href, String summary, String programHref, List<Phase> program) {
    }

    public record Condition(Layout layout, String title, List<String> otherNames, String summary, String icd10,
                            List<String> symptomsHtml, List<String> riskFactorsHtml, List<String> avoidHtml,
                            String bodyHtml, List<Phase> program, String programHref,
                            List<Reference> references, Editorial editorial, Help help) implements PageView {
    }

    /** An exercise's page; its groups mirror the model's {@code Exercise}. */
    public record Exercise(Layout layout, String title, List<String> otherNames, String summary, Profile profile,
                           Equipment equipment, Instructions instructions, Dose dose, Variations variations,
                           Safety safety, Illustration illustration, List<Usage> usedFor, String bodyHtml,
                           List<Reference> references, Editorial editorial, Help help) implements PageView {

        /** The muscles it works; {@code chain} and {@code phase} are labels, {@code chainMeaning} says what the chain is. */
        public record Profile(List<String> primaryMuscles, List<String> secondaryMuscles, String chain,
                              String chainMeaning, String phase) {
        }

        /** What it needs ({@code required}, empty when nothing) and what helps ({@code optional}). */
        public record Equipment(List<String> required, List<String> optional) {
        }

        public record Instructions(String positionHtml, List<String> stepsHtml, String feelItHtml,
                                   List<String> tipsHtml, List<String> mistakesHtml) {
        }

        public record Variations(List<String> progressionsHtml, List<String> regressionsHtml) {
        }

        public record Safety(List<String> stopIfHtml) {
        }
    }

    public record Exercises(Layout layout, List<Phase> phases, List<Facet> muscles, List<Facet> chains,
                            List<Facet> equipment, Checked checked) implements PageView {
    }

    /**
     * The printable home program of a condition.
     *
     * @param weeks the row labels of each exercise's tick-box table
     * @param days  the column labels (short day names)
     * @param avoidHtml what to avoid until it settles, from the condition
     * @param editorial the condition's authorship and review dates, printed at the foot of the handout
     */
    public record Program(Layout layout, String title, String conditionTitle, String conditionHref,
                          String canonical, List<ProgramPhase> phases, List<String> weeks, List<String> days,
                          Help help, List<String> avoidHtml, List<Reference> references, Editorial editorial)
            implements PageView {
    }

    public record ProgramPhase(String title, String summaryHtml, List<ProgramExercise> exercises) {
    }

    /**
     * One exercise of a handout: {@code id} is unique on the page, {@code url} is absolute (shown in print),
     * or empty while the site's base URL is an example address, so no placeholder address is printed.
     */
    public record ProgramExercise(int number, String id, String title, String href, String url, Dose dose,
                                  Illustration illustration, String positionHtml, List<String> stepsHtml,
                                  String feelItHtml, List<String> stopIfHtml) {
    }

    /**
     * The clinician's handout maker: a form (shown by its script) over a printable sheet that holds
     * every exercise of the site; without JavaScript the sheet shows the default program.
     *
     * @param groups    the exercises to choose from, by the condition whose program has them
     * @param exercises every exercise, the default program's first and in its order
     * @param limits    the ranges a clinician may choose within, from the content schema's constants
     * @param qrHref    the QR code library the script imports, shipped with the site
     * @param moved     the names exercises had in handout links before they were renamed, each with its name
     *                  now, as a JSON object ({@code {"clamshell":"clam"}}); {@code {}} when none was
     * @param references the sources the exercises' steps cite
     */
    public record Handout(Layout layout, String title, List<HandoutGroup> groups, List<HandoutPhase> phases,
                          List<HandoutExercise> exercises, List<HandoutAvoid> avoid, HandoutLimits limits,
                          String qrHref, Help help, List<Reference> references, Checked checked, List<String> weeks,
                          List<String> days, String moved) implements PageView {
    }

    /**
     * A phase of a condition's program, as the handout heads the exercises it gives from it: {@code key}
     * ({@code c0p1}: the first condition's second phase) is what each exercise of the sheet names it by.
     */
    public record HandoutPhase(String key, String title, String summaryHtml) {
    }

    /**
     * What to avoid, from one condition, shown on the handout while it gives an exercise of that condition's
     * program ({@code exercises}: their link names, space-separated); {@code shown} for the default program's.
     */
    public record HandoutAvoid(String id, String title, List<String> avoidHtml, String exercises, boolean shown) {
    }

    /**
     * The exercises of one condition's program (or of none), as the maker's list offers them; each
     * choice's {@code href} is the exercise's slug, the value a handout link names it by.
     */
    public record HandoutGroup(String title, List<Link> choices) {
    }

    /**
     * One exercise of the handout sheet. {@code slug} is what a handout link names it by, in any
     * language; {@code defaultPosition} is its place in the default program, 0 when it is not in it;
     * {@code phase} the {@link HandoutPhase#key} of the first program phase that gives it, empty for none.
     */
    public record HandoutExercise(String slug, String id, String title, String href, String url, Dose dose,
                                  Illustration illustration, String positionHtml,
                                  List<String> stepsHtml, String feelItHtml, List<String> stopIfHtml,
                                  int defaultPosition, String phase) {
    }

    /** The ranges of a handout's choices: doses as the content schema allows, texts and the link kept short. */
    public record HandoutLimits(int maxSets, int maxReps, int maxHoldSeconds, int maxRestSeconds,
                                int maxDaysPerWeek, int maxNote, int maxName, int maxExercises, int maxLink) {
    }

    /**
     * The search page: the form posts to itself and a script reads {@code indexHref}; {@code pages}
     * lists every page so the page is useful without JavaScript.
     */
    public record Search(Layout layout, String indexHref, List<SearchEntry> pages) implements PageView {
    }

    public record SearchEntry(String title, String href, String kind, String summary) {
    }

    public record Source(String anchor, String html, List<Link> citedBy) {
    }

    public record Sources(Layout layout, List<Source> sources, Checked checked) implements PageView {
    }

    public record Page(Layout layout, String slug, String title, String summary, String bodyHtml,
                       List<Person> people, List<Reference> references, Checked checked) implements PageView {
    }

    public record NotFound(Layout layout) implements PageView {
    }

    /**
     * A page's old address, kept after the page was renamed ({@code moved_from:}): a small page that
     * sends the reader on to the page's address now, and says where it went for a browser that does not.
     *
     * @param title     the {@code <title>}: that the page has moved, and the site's name
     * @param pageTitle the title of the page it leads to
     * @param href      the page's address now, relative to the old one
     * @param canonical the page's address now, absolute
     * @param printed   the page's address now as printed for people to read; empty while the site's
     *                  base URL is an example address
     */
    public record Redirect(String language, String dir, String title, String pageTitle, String href,
                           String canonical, String printed) {
    }

    /**
     * The glossary page. Each term's {@code anchor} is its id on the page, where the first use of
     * the term on every other page links to.
     */
    public record Glossary(Layout layout, String title, String introHtml, List<Term> terms, Checked checked)
            implements PageView {
    }

    /** One glossary entry: {@code seeAlso} links to other entries on the same page. */
    public record Term(String anchor, String term, List<String> otherForms, String definitionHtml,
                       List<Link> seeAlso) {
    }
}

package dev.patella.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.cite.FormattedReference;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.index.Usage;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.model.Condition;
import dev.patella.model.Dose;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Page;
import dev.patella.model.Person;
import dev.patella.model.Phase;
import dev.patella.model.Prose;
import dev.patella.model.ProgramStep;
import dev.patella.source.ExampleAddresses;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Turns the indexed content into the view records templates receive, rendering Markdown on the way. */
final class ViewBuilder {

    private static final SourceSpan SITE_YAML = SourceSpan.startOf("content/site.yaml");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /** A view ready for its template, with the Markdown facts the checks need. */
    record Built(Object view, PageMarkdown markdown, List<String> sources) {
    }

    private final SiteIndex index;
    private final MarkdownRenderer markdown;
    private final Map<String, FormattedReference> references;
    private final Layouts layouts;
    private final Set<String> citeKeys;
    private final StructuredData data;
    private final Map<PageMarkdown.SharedKey, dev.patella.markdown.Rendered> shared = new ConcurrentHashMap<>();
    private final UnaryOperator<String> assets;

    /**
     * Safe to share between threads: each view is built with the diagnostics of its own page.
     *
     * @param assets the site path (no leading slash) of an asset by its own name ({@code filter.js})
     */
    ViewBuilder(SiteIndex index, MarkdownRenderer markdown, Map<String, FormattedReference> references,
                Layouts layouts, ObjectMapper json, UnaryOperator<String> assets) {
        this.index = index;
        this.assets = assets;
        this.markdown = markdown;
        this.references = references;
        this.layouts = layouts;
        this.citeKeys = index.references().keySet();
        this.data = new StructuredData(json, index, markdown);
    }

    PageMarkdown markdownFor(String url, Diagnostics diagnostics) {
        return new PageMarkdown(markdown, url, to -> Urls.relative(url, to), citeKeys, shared, diagnostics);
    }

    Built home(Diagnostics d) {
        var md = markdownFor(Urls.HOME, d);
        var config = index.site().config();
        String intro = md.block(new Prose(config.intro(), SITE_YAML));
        var cards = index.conditions().stream().map(c -> new Views.ConditionCard(c.title(),
                Urls.relative(Urls.HOME, Urls.condition(c.slug())), c.summary(),
                Urls.relative(Urls.HOME, Urls.program(c.slug())), program(c, Urls.HOME, md))).toList();
        var layout = layouts.layout(Urls.HOME, config.title(), config.description(), Urls.HOME, List.of(), disclaimer(md),
                data.page(Urls.HOME, config.title(), config.description(), List.of()));
        return new Built(new Views.Home(layout, intro, cards, siteChecked()), md, List.of());
    }

    Built condition(Condition c, Diagnostics d) {
        String url = Urls.condition(c.slug());
        var md = markdownFor(url, d);
        String body = md.block(c.body());
        var refs = references(md, c.sources());
        var layout = layouts.layout(url, c.title(), c.summary(), url, List.of(), disclaimer(md),
                data.condition(c, models(md, c.sources())));
        var view = new Views.Condition(layout, c.title(), c.otherNames(), c.summary(), c.icd10().orElse(""),
                md.inline(c.symptoms()), md.inline(c.riskFactors()), md.inline(c.avoid()), body,
                program(c, url, md), Urls.relative(url, Urls.program(c.slug())), refs, editorial(c.editorial(), url),
                help(md));
        return new Built(view, md, withAdapted(keys(md, c.sources()), c.editorial()));
    }

    /** The printable handout of a condition's program: every exercise's dose, steps and a tick-box table. */
    Built program(Condition c, Diagnostics d) {
        String url = Urls.program(c.slug());
        var md = markdownFor(url, d);
        String title = "Home exercise program: " + c.title();
        String description = "A printable sheet of the " + c.title().toLowerCase(Locale.ENGLISH)
                + " exercises, with a weekly table to tick off each session.";
        List<Views.ProgramPhase> phases = new ArrayList<>();
        int number = 0;
        for (ProgramStep step : c.program()) {
            List<Views.ProgramExercise> exercises = new ArrayList<>();
            for (Key key : step.exercises()) {
                var found = index.findExercise(key.value());
                if (found.isPresent()) {
                    Exercise e = found.get();
                    number++;
                    exercises.add(new Views.ProgramExercise(number, "ex-" + e.slug(), e.title(),
                            Urls.relative(url, Urls.exercise(e.slug())), printedAddress(Urls.exercise(e.slug())),
                            dose(e.dose(), md), illustration(e, url), md.inline(e.position()), md.inline(e.steps()),
                            md.inline(e.feelIt()), md.inline(e.stopIf())));
                }
            }
            phases.add(new Views.ProgramPhase(step.title(), md.inline(step.summary()), exercises));
        }
        String conditionUrl = Urls.condition(c.slug());
        var layout = layouts.layout(url, title, description, conditionUrl,
                List.of(new Views.Link(c.title(), conditionUrl, false)), disclaimer(md),
                data.page(url, title, description, List.of())).withScripts(List.of(script("program.js", url)));
        var view = new Views.Program(layout, title, c.title(), Urls.relative(url, conditionUrl), absolute(url), phases,
                List.of("Week 1", "Week 2", "Week 3", "Week 4"),
                List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), help(md), md.inline(c.avoid()),
                references(md, c.sources()), editorial(c.editorial(), url));
        return new Built(view, md, withAdapted(keys(md, c.sources()), c.editorial()));
    }

    /** The search page: a form, the address of the search index, and every page for readers without JavaScript. */
    Built search(String indexPath, List<Views.SearchEntry> entries, Diagnostics d) {
        var md = markdownFor(Urls.SEARCH, d);
        String description = "Search the exercises and pages of this site.";
        var layout = layouts.layout(Urls.SEARCH, "Search", description, Urls.SEARCH, List.of(), disclaimer(md),
                data.page(Urls.SEARCH, "Search", description, List.of()))
                .withScripts(List.of(script("search.js", Urls.SEARCH)));
        var pages = entries.stream().map(e -> new Views.SearchEntry(e.title(), Urls.relative(Urls.SEARCH, e.href()),
                e.kind(), e.summary())).toList();
        return new Built(new Views.Search(layout, Urls.relative(Urls.SEARCH, "/" + indexPath), pages), md, List.of());
    }

    private String script(String name, String from) {
        return Urls.relative(from, "/" + assets.apply(name));
    }

    /** The page's address for a printout; empty while the site's base URL is still an example address. */
    private String printedAddress(String url) {
        boolean example = ExampleAddresses.reservedName(index.site().config().baseUrl().toString()).isPresent();
        return example ? "" : absolute(url);
    }

    private String absolute(String url) {
        return index.site().config().baseUrl().toString() + url.substring(1);
    }

    private Views.Illustration illustration(Exercise e, String from) {
        return e.illustration().map(i -> {
            int[] size = index.site().files().stream().filter(f -> ("/" + f.sitePath()).equals(i.src())).findFirst()
                    .map(f -> ImageSize.of(f.file())).orElse(ImageSize.DEFAULT);
            return new Views.Illustration(Urls.relative(from, i.src()), i.alt(), i.credit(), size[0], size[1]);
        }).orElse(new Views.Illustration("", "", "", 0, 0));
    }

    Built exercise(Exercise e, Diagnostics d) {
        String url = Urls.exercise(e.slug());
        var md = markdownFor(url, d);
        String body = md.block(e.body());
        var refs = references(md, e.sources());
        var layout = layouts.layout(url, e.title(), e.summary(), Urls.EXERCISES,
                List.of(new Views.Link("Exercises", Urls.EXERCISES, false)), disclaimer(md),
                data.exercise(e, models(md, e.sources())));
        var illustration = illustration(e, url);
        var usedFor = index.usagesOf(e.slug()).stream().map(u -> usage(u, url)).toList();
        var view = new Views.Exercise(layout, e.title(), e.otherNames(), e.summary(), e.muscles().primary(),
                e.muscles().secondary(), md.inline(e.feelIt()), e.equipment(), e.optionalEquipment(),
                e.chain().label(), e.chain().meaning(), e.phase().label(), md.inline(e.position()),
                md.inline(e.steps()), dose(e.dose(), md), md.inline(e.tips()), md.inline(e.mistakes()),
                md.inline(e.progressions()), md.inline(e.regressions()), md.inline(e.stopIf()), illustration,
                usedFor, body, refs, editorial(e.editorial(), url), help(md));
        return new Built(view, md, withAdapted(keys(md, e.sources()), e.editorial()));
    }

    Built exercises(Diagnostics d) {
        var md = markdownFor(Urls.EXERCISES, d);
        List<Views.Phase> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            var cards = index.exercises().stream().filter(e -> e.phase() == phase)
                    .map(e -> card(e, Urls.EXERCISES)).toList();
            if (!cards.isEmpty()) {
                phases.add(new Views.Phase(phase.label(), phase.key(), "", 1, cards));
            }
        }
        String description = "Every exercise on this site, by phase, muscle, type and equipment.";
        var layout = layouts.layout(Urls.EXERCISES, "Exercises", description, Urls.EXERCISES, List.of(),
                disclaimer(md), data.page(Urls.EXERCISES, "Exercises", description, List.of()))
                .withScripts(List.of(script("filter.js", Urls.EXERCISES)));
        var all = index.exercises();
        var muscles = Facets.of(all, e -> concat(e.muscles().primary(), e.muscles().secondary()), Urls.EXERCISES);
        var chains = Facets.of(all, e -> List.of(e.chain().label()), Urls.EXERCISES);
        var equipment = Facets.of(all, ViewBuilder::equipment, Urls.EXERCISES);
        return new Built(new Views.Exercises(layout, phases, muscles, chains, equipment, siteChecked()), md, List.of());
    }

    /** What an exercise can use, needed or optional; "No equipment" when it needs nothing. */
    private static List<String> equipment(Exercise e) {
        List<String> out = new ArrayList<>();
        if (e.equipment().isEmpty()) {
            out.add(Facets.NO_EQUIPMENT);
        }
        out.addAll(e.equipment());
        e.optionalEquipment().stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    Built page(Page p, Diagnostics d) {
        String url = Urls.page(p.slug());
        var md = markdownFor(url, d);
        String body = md.block(p.body());
        var people = index.site().people().stream().map(person -> person(person, md)).toList();
        var refs = references(md, List.of());
        var layout = layouts.layout(url, p.title(), p.summary(), url, List.of(), disclaimer(md),
                data.page(url, p.title(), p.summary(), models(md, List.of())));
        return new Built(new Views.Page(layout, p.slug(), p.title(), p.summary(), body, people, refs,
                checked("Last checked by our editors", p.reviewed())), md,
                keys(md, List.of()));
    }

    Built notFound(Diagnostics d) {
        // served at any address, so its links start from the base path instead of being relative
        String base = index.site().config().basePath();
        var md = new PageMarkdown(markdown, Urls.NOT_FOUND, to -> base + to.substring(1), citeKeys, shared, d);
        var layout = layouts.notFoundLayout("Page not found", disclaimer(md),
                data.page(Urls.NOT_FOUND, "Page not found", index.site().config().description(), List.of()));
        return new Built(new Views.NotFound(layout), md, List.of());
    }

    /** The sources page: every reference once, with the pages that list it ({@code citedBy}: key to page links). */
    Built sources(Map<String, List<Views.Link>> citedBy, Diagnostics d) {
        var md = markdownFor(Urls.SOURCES, d);
        var sources = references.values().stream().map(r -> new Views.Source(r.id(), r.html(),
                citedBy.getOrDefault(r.id(), List.of()))).toList();
        String description = "The research and articles this site is based on.";
        var layout = layouts.layout(Urls.SOURCES, "Sources", description, Urls.SOURCES, List.of(), disclaimer(md),
                data.page(Urls.SOURCES, "Sources", description, index.site().references()));
        return new Built(new Views.Sources(layout, sources, siteChecked()), md, List.of());
    }

    private List<Views.Phase> program(Condition c, String from, PageMarkdown md) {
        List<Views.Phase> phases = new ArrayList<>();
        int start = 1;
        for (ProgramStep step : c.program()) {
            var cards = step.exercises().stream().map(Key::value).map(index::findExercise).flatMap(Optional::stream)
                    .map(e -> card(e, from)).toList();
            phases.add(new Views.Phase(step.title(), step.phase().label(), md.inline(step.summary()), start, cards));
            start += cards.size();
        }
        return phases;
    }

    private Views.ExerciseCard card(Exercise e, String from) {
        var muscles = new ArrayList<>(e.muscles().primary());
        return new Views.ExerciseCard(e.title(), Urls.relative(from, Urls.exercise(e.slug())), e.summary(),
                e.phase().label(), e.chain().label(), shortDose(e.dose()), muscles, e.phase().key(),
                Facets.key(e.chain().label()),
                concat(e.muscles().primary(), e.muscles().secondary()).stream().map(Facets::key).toList(),
                equipment(e).stream().map(Facets::key).toList());
    }

    private static Views.ShortDose shortDose(Dose d) {
        return new Views.ShortDose(d.sets(), d.reps().toString(), d.holdSeconds().orElse(0), d.perSide());
    }

    private static Views.Dose dose(Dose d, PageMarkdown md) {
        return new Views.Dose(d.sets(), d.reps().toString(), d.holdSeconds().orElse(0), md.inline(d.rest()),
                d.perSide(), md.inline(d.frequency()));
    }

    private Views.Usage usage(Usage u, String from) {
        return new Views.Usage(u.condition().title(), Urls.relative(from, Urls.condition(u.condition().slug())),
                u.step().phase().label(), u.position());
    }

    private String disclaimer(PageMarkdown md) {
        return md.block(new Prose(index.site().config().disclaimer(), SITE_YAML));
    }

    private Views.Help help(PageMarkdown md) {
        var help = index.site().config().getHelp();
        return new Views.Help(
                help.stopIf().stream().map(s -> md.inline(new Prose(s, SITE_YAML))).toList(),
                help.seeADoctor().stream().map(s -> md.inline(new Prose(s, SITE_YAML))).toList());
    }

    /** The page's reference list: sources cited in the text in order of first use, then the rest of {@code sources:}. */
    private List<Views.Reference> references(PageMarkdown md, List<Key> listed) {
        var cited = md.numbers().keys();
        var all = new LinkedHashSet<>(cited);
        listed.stream().map(Key::value).forEach(all::add);
        List<Views.Reference> out = new ArrayList<>();
        int number = 0;
        for (String key : all) {
            FormattedReference ref = references.get(key);
            if (ref == null) {
                continue; // an unknown key: reported by the index or citation checks
            }
            number++;
            out.add(new Views.Reference(number, "ref-" + number, ref.html(),
                    cited.contains(key) ? "#cite-" + number : ""));
        }
        return out;
    }

    private static List<String> withAdapted(List<String> keys, Editorial e) {
        var all = new LinkedHashSet<>(keys);
        e.adaptedFrom().ifPresent(k -> all.add(k.value()));
        return List.copyOf(all);
    }

    /** The page's references as model records, in reference-list order, for structured data. */
    private List<dev.patella.model.Reference> models(PageMarkdown md, List<Key> listed) {
        return keys(md, listed).stream().map(index::findReference).flatMap(Optional::stream).toList();
    }

    private static List<String> keys(PageMarkdown md, List<Key> listed) {
        var all = new LinkedHashSet<>(md.numbers().keys());
        listed.stream().map(Key::value).forEach(all::add);
        return List.copyOf(all);
    }

    private Views.Editorial editorial(Editorial e, String from) {
        var author = index.findPerson(e.author().value());
        var reviewer = e.reviewer().flatMap(r -> index.findPerson(r.value())).filter(Person::clinician);
        return new Views.Editorial(author.map(Person::displayName).orElse(""),
                author.map(p -> profile(p, from)).orElse(""),
                reviewer.map(Person::displayName).orElse(""), reviewer.map(p -> profile(p, from)).orElse(""),
                format(e.published()), e.published().toString(), format(e.reviewed()), e.reviewed().toString(),
                format(e.reviewDue()), e.reviewDue().toString(),
                e.adaptedFrom().map(k -> references.get(k.value())).map(FormattedReference::html).orElse(""));
    }

    /** The person's entry on the about page, which lists everyone; empty when the site has no about page. */
    private String profile(Person p, String from) {
        if (!index.urls().contains(Urls.page("about"))) {
            return "";
        }
        return Urls.relative(from, Urls.page("about")) + "#" + p.id();
    }

    private static Views.Person person(Person p, PageMarkdown md) {
        return new Views.Person(p.id(), p.name(), p.credentials(), p.role(), md.inline(p.bio()));
    }

    /** For a page made from all the content: the latest day the editors checked any of it. */
    private Views.Checked siteChecked() {
        var dates = new ArrayList<LocalDate>();
        index.conditions().forEach(c -> dates.add(c.editorial().reviewed()));
        index.exercises().forEach(e -> dates.add(e.editorial().reviewed()));
        index.pages().forEach(p -> p.reviewed().ifPresent(dates::add));
        return checked("Content last checked by our editors", dates.stream().max(LocalDate::compareTo));
    }

    private static Views.Checked checked(String label, Optional<LocalDate> date) {
        return new Views.Checked(label, date.map(ViewBuilder::format).orElse(""),
                date.map(LocalDate::toString).orElse(""));
    }

    private static String format(LocalDate date) {
        return DATE.format(date);
    }
}

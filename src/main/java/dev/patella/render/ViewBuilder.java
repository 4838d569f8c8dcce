package dev.patella.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.cite.FormattedReference;
import dev.patella.config.SiteConfig;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.index.Usage;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.markdown.Rendered;
import dev.patella.model.Chain;
import dev.patella.model.Condition;
import dev.patella.model.Dose;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Person;
import dev.patella.model.Phase;
import dev.patella.model.ProgramStep;
import dev.patella.model.Prose;
import dev.patella.model.Reference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * What the page kinds build their views with: the page's Markdown, its frame, and the parts
 * several kinds of page show (cards, doses, references, bylines). The same code makes a
 * page's spec and its view: built over {@link SourceText}, a view keeps its Markdown as source
 * and is the spec; built over {@link PageMarkdown}, it holds HTML and goes to the template.
 * A view may show only what it reads through this builder or from its kind's arguments, so two
 * equal specs always give the same page.
 */
final class ViewBuilder {


    /** A view ready for its template, with the Markdown facts the checks need. */
    record Built(Object view, PageText markdown, List<String> sources) {
    }

    private final SiteIndex index;
    private final MarkdownRenderer markdown;
    private final Map<String, FormattedReference> references;
    private final Layouts layouts;
    private final Set<String> citeKeys;
    /** The keys of every entry of the sources file, also those with a mistake (not numbered, still keys). */
    private final Set<String> writtenKeys;
    private final StructuredData data;
    private final Map<PageMarkdown.SharedKey, Rendered> shared = new ConcurrentHashMap<>();
    private final UnaryOperator<String> assets;
    /** True when views keep Markdown as source (specs), false when they render it (pages). */
    private final boolean source;
    /** The words of the pages' language. */
    private final Messages words;

    /**
     * Safe to share between threads: each view is built with the diagnostics of its own page.
     *
     * @param assets the site path (no leading slash) of an asset by its own name ({@code filter.js})
     * @param words  the words of the pages' language
     */
    ViewBuilder(SiteIndex index, MarkdownRenderer markdown, Map<String, FormattedReference> references,
                Layouts layouts, ObjectMapper json, UnaryOperator<String> assets, Messages words) {
        this(index, markdown, references, layouts, new StructuredData(json, index, markdown, words), assets, false,
                words);
    }

    private ViewBuilder(SiteIndex index, MarkdownRenderer markdown, Map<String, FormattedReference> references,
                        Layouts layouts, StructuredData data, UnaryOperator<String> assets, boolean source,
                        Messages words) {
        this.source = source;
        this.words = words;
        this.index = index;
        this.assets = assets;
        this.markdown = markdown;
        this.references = references;
        this.layouts = layouts;
        this.citeKeys = index.references().keySet();
        this.writtenKeys = new HashSet<>(citeKeys);
        writtenKeys.addAll(index.site().unreadable().sources().ids());
        this.data = data;
    }

    /** A builder of the same pages that keeps their Markdown as source: its views are the pages' specs. */
    ViewBuilder specs() {
        return new ViewBuilder(index, markdown, references, layouts, data, assets, true, words);
    }

    /** The translated pages that links may name by their source's slug; part of every spec with Markdown. */
    LinkAliases linkAliases() {
        return layouts.alternates().aliases();
    }

    /** The words of the pages' language. */
    Messages words() {
        return words;
    }

    /** A phase's name in the pages' language ("Early phase"). */
    String phase(Phase phase) {
        return phase(phase, words);
    }

    static String phase(Phase phase, Messages words) {
        return words.text("phase." + phase.key());
    }

    /** A chain's name in the pages' language ("Open chain"). */
    String chain(Chain chain) {
        return chain(chain, words);
    }

    static String chain(Chain chain, Messages words) {
        return words.text("chain." + chain.key());
    }

    /** An equipment value as the exercise list shows it: "No equipment" in the pages' language, else capitalised. */
    String equipmentLabel(String value) {
        return value.equals(Facets.NO_EQUIPMENT) ? words.text("equipment.none") : Facets.label(value);
    }

    /**
     * The rows of a weekly tick-box table, 1 to 4, under the column "Week": a row named "Semana 1" in
     * full did not fit the drawing's width on paper beside seven days at a readable size.
     */
    List<String> weeks() {
        return IntStream.rangeClosed(1, 4).mapToObj(n -> words.format("program.week", Map.of("week", n)))
                .toList();
    }

    /** Its columns: the days of a week, Monday first, in the language's short names. */
    List<String> days() {
        LocalDate monday = LocalDate.of(2024, 1, 1);
        return IntStream.range(0, 7).mapToObj(n -> words.format("program.day",
                Map.of("day", Messages.instant(monday.plusDays(n))))).toList();
    }

    SiteIndex index() {
        return index;
    }

    Layouts layouts() {
        return layouts;
    }

    StructuredData data() {
        return data;
    }

    /** The site's references, formatted, by key in the order of {@code sources.yaml}. */
    Map<String, FormattedReference> formatted() {
        return references;
    }

    /** The Markdown of the page at {@code url}, whose links are relative to it. */
    PageText markdownFor(String url, Diagnostics diagnostics) {
        String prefix = index.site().config().prefix();
        return markdownFor(url, to -> Urls.inEdition(prefix, url, to), diagnostics);
    }

    /** @param link turns a site-root path into the href the page writes */
    PageText markdownFor(String url, UnaryOperator<String> link, Diagnostics diagnostics) {
        if (source) {
            return new SourceText();
        }
        String prefix = index.site().config().prefix();
        LinkAliases aliases = layouts.alternates().aliases();
        return new PageMarkdown(markdown, url, link, to -> aliases.local(prefix, to), citeKeys, writtenKeys, shared,
                diagnostics);
    }

    String script(String name, String from) {
        return shared(from, "/" + assets.apply(name));
    }

    /** A relative link from the page at {@code from} in this edition to a file every language shares. */
    String shared(String from, String sitePath) {
        return Urls.relative(index.site().config().prefix() + from, sitePath);
    }

    /** The page's address for a printout ({@link Layouts#printed}); empty while the site's base URL is an example address. */
    String printedAddress(String url) {
        return layouts.printed(url);
    }

    String absolute(String url) {
        return index.site().config().baseUrl().toString() + url.substring(1);
    }

    Views.Illustration illustration(Exercise e, String from) {
        return e.illustration().map(i -> {
            List<Integer> size = illustrationSize(index, e);
            return new Views.Illustration(shared(from, i.src()), i.alt(), i.credit(), size.get(0), size.get(1));
        }).orElse(new Views.Illustration("", "", "", 0, 0));
    }

    /** The size of every exercise's drawing, in the exercises' order (see {@link #illustrationSize}). */
    static List<List<Integer>> illustrationSizes(SiteIndex index) {
        return index.exercises().stream().map(e -> illustrationSize(index, e)).toList();
    }

    /** The width and height of an exercise's drawing, read from its file; empty when it has none. */
    static List<Integer> illustrationSize(SiteIndex index, Exercise e) {
        return e.illustration().map(i -> {
            int[] size = index.site().files().stream().filter(f -> ("/" + f.sitePath()).equals(i.src())).findFirst()
                    .map(f -> ImageSize.of(f.file())).orElse(ImageSize.DEFAULT);
            return List.of(size[0], size[1]);
        }).orElse(List.of());
    }

    /** What an exercise can use, needed or optional; "No equipment" when it needs nothing. */
    static List<String> equipment(Exercise e) {
        List<String> out = new ArrayList<>();
        if (e.equipment().required().isEmpty()) {
            out.add(Facets.NO_EQUIPMENT);
        }
        out.addAll(e.equipment().required());
        e.equipment().optional().stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    List<Views.Phase> program(Condition c, String from, PageText md) {
        List<Views.Phase> phases = new ArrayList<>();
        int start = 1;
        for (ProgramStep step : c.program()) {
            var cards = step.exercises().stream().map(Key::value).map(index::findExercise).flatMap(Optional::stream)
                    .map(e -> card(e, from)).toList();
            phases.add(new Views.Phase(step.title(), step.phase().key(), md.inline(step.summary()), start, cards));
            start += cards.size();
        }
        return phases;
    }

    Views.ExerciseCard card(Exercise e, String from) {
        var profile = e.profile();
        var muscles = new ArrayList<>(profile.muscles().primary());
        return new Views.ExerciseCard(e.title(), Urls.relative(from, Urls.exercise(e.slug())), e.summary(),
                phase(profile.phase()), chain(profile.chain()), shortDose(e.dose()), muscles, profile.phase().key(),
                Facets.key(profile.chain().label()),
                concat(profile.muscles().primary(), profile.muscles().secondary()).stream().map(Facets::key).toList(),
                equipment(e).stream().map(Facets::key).toList());
    }

    static Views.ShortDose shortDose(Dose d) {
        return new Views.ShortDose(d.sets(), d.reps().toString(), d.holdSeconds().orElse(0), d.perSide());
    }

    static Views.Dose dose(Dose d, PageText md) {
        return new Views.Dose(d.sets(), d.reps().toString(), d.holdSeconds().orElse(0), md.inline(d.rest()),
                d.perSide(), md.inline(d.frequency()));
    }

    Views.Usage usage(Usage u, String from) {
        return new Views.Usage(u.condition().title(), Urls.relative(from, Urls.condition(u.condition().slug())),
                phase(u.step().phase()), u.position());
    }

    String disclaimer(PageText md) {
        var config = index.site().config();
        return md.block(settingsText(config.disclaimer(), config.places().disclaimer()));
    }

    Views.Help help(PageText md) {
        return new Views.Help(stopIf(index).stream().map(md::inline).toList(),
                seeADoctor(index).stream().map(md::inline).toList());
    }

    /** A text of {@code site.yaml}, placed where it is written. */
    static Prose settingsText(String text, SiteConfig.Placed place) {
        return new Prose(text, place.at(), place.lines());
    }

    /** The settings' "stop if" rules, each placed where it is written. */
    static List<Prose> stopIf(SiteIndex index) {
        var config = index.site().config();
        var items = config.getHelp().stopIf();
        return IntStream.range(0, items.size())
                .mapToObj(i -> settingsText(items.get(i), config.places().stopIf(i))).toList();
    }

    /** The settings' "see a doctor" rules, each placed where it is written. */
    static List<Prose> seeADoctor(SiteIndex index) {
        var config = index.site().config();
        var items = config.getHelp().seeADoctor();
        return IntStream.range(0, items.size())
                .mapToObj(i -> settingsText(items.get(i), config.places().seeADoctor(i))).toList();
    }

    /** The page's reference list: sources cited in the text in order of first use, then the rest of {@code sources:}. */
    List<Views.Reference> references(PageText md, List<Key> listed) {
        var cited = md.cited();
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

    static List<String> withAdapted(List<String> keys, Editorial e) {
        var all = new LinkedHashSet<>(keys);
        e.adaptedFrom().ifPresent(k -> all.add(k.value()));
        return List.copyOf(all);
    }

    /** The page's references as model records, in reference-list order, for structured data. */
    List<Reference> models(PageText md, List<Key> listed) {
        return keys(md, listed).stream().map(index::findReference).flatMap(Optional::stream).toList();
    }

    static List<String> keys(PageText md, List<Key> listed) {
        var all = new LinkedHashSet<>(md.cited());
        listed.stream().map(Key::value).forEach(all::add);
        return List.copyOf(all);
    }

    Views.Editorial editorial(Editorial e, String from) {
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
    String profile(Person p, String from) {
        if (!index.urls().contains(Urls.page("about"))) {
            return "";
        }
        return Urls.relative(from, Urls.page("about")) + "#" + p.id();
    }

    /** For a page made from all the content: the latest day the editors checked any of it. */
    Views.Checked siteChecked() {
        return checked("checked.site", lastReviewed(index));
    }

    /** The latest date on which any condition, exercise or page was reviewed. */
    static Optional<LocalDate> lastReviewed(SiteIndex index) {
        var dates = new ArrayList<LocalDate>();
        index.conditions().forEach(c -> dates.add(c.editorial().reviewed()));
        index.exercises().forEach(e -> dates.add(e.editorial().reviewed()));
        index.pages().forEach(p -> p.reviewed().ifPresent(dates::add));
        return dates.stream().max(LocalDate::compareTo);
    }

    /** @param label the key of the words before the date */
    Views.Checked checked(String label, Optional<LocalDate> date) {
        return new Views.Checked(words.text(label), date.map(this::format).orElse(""),
                date.map(LocalDate::toString).orElse(""));
    }

    static Views.Person person(Person p, PageText md) {
        return new Views.Person(p.id(), p.name(), p.credentials(), p.role(), md.inline(p.bio()));
    }

    private String format(LocalDate date) {
        return words.date(date);
    }
}

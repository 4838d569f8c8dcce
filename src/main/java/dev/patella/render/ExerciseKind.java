package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Exercise;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An exercise's page, at {@code /exercises/<slug>/}: how to do it, how much, when to stop. */
final class ExerciseKind implements PageKind {

    @Override
    public String template() {
        return "exercise.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        Object shared = PlainPageKind.shared(inputs);
        return inputs.index().exercises().stream().map(e -> job(inputs, e, shared)).toList();
    }

    @Override
    public Optional<PageJob> pageOf(Inputs inputs, Object model) {
        if (!(model instanceof Exercise edited)) {
            return Optional.empty();
        }
        return inputs.index().exercises().stream().filter(e -> e.withBody(edited.body()).equals(edited))
                .findFirst().map(e -> job(inputs, edited, PlainPageKind.shared(inputs)));
    }

    /** An illustration's size is read from its file, which no record holds: the key holds the size. */
    private PageJob job(Inputs inputs, Exercise e, Object shared) {
        return new PageJob(Urls.exercise(e.slug()), template(), Optional.of(e.origin()), (v, d) -> view(v, e, d))
                .keyedBy(List.of(e, shared, ViewBuilder.illustrationSize(inputs.index(), e)));
    }

    @Override
    public Optional<String> section() {
        return Optional.of("exercises");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages kinds, SearchIndex.Plain plain) {
        return index.exercises().parallelStream().map(e -> { // in order, as toList() keeps it
            List<String> words = new ArrayList<>(e.otherNames());
            words.addAll(e.profile().muscles().primary());
            words.addAll(e.profile().muscles().secondary());
            words.add(ViewBuilder.chain(e.profile().chain(), kinds));
            words.add(ViewBuilder.phase(e.profile().phase(), kinds));
            words.addAll(e.equipment().required());
            words.addAll(e.equipment().optional());
            var how = e.instructions();
            words.add(plain.of(how.feelIt()));
            List<Prose> body = new ArrayList<>();
            body.add(e.body());
            body.add(how.position());
            for (var list : List.of(how.steps(), how.tips(), how.mistakes(), e.variations().progressions(),
                    e.variations().regressions(), e.safety().stopIf())) {
                body.addAll(list);
            }
            return new SearchIndex.Entry(e.title(), Urls.exercise(e.slug()), kinds.text("search.kind.exercise"), e.summary(),
                    String.join(" · ", words), plain.words(body));
        }).toList();
    }

    private static ViewBuilder.Built view(ViewBuilder v, Exercise e, Diagnostics d) {
        String url = Urls.exercise(e.slug());
        var md = v.markdownFor(url, d);
        // every text is rendered in the page's order before the reference list is made: citations are
        // numbered in the order they are first rendered, and the list gives each cited source its number
        // and a link back to where it was first cited
        String body = md.block(e.body());
        var dose = ViewBuilder.dose(e.dose(), md);
        var how = e.instructions();
        var instructions = new Views.Exercise.Instructions(md.inline(how.position()), md.inline(how.steps()),
                md.inline(how.feelIt()), md.inline(how.tips()), md.inline(how.mistakes()));
        var variations = new Views.Exercise.Variations(md.inline(e.variations().progressions()),
                md.inline(e.variations().regressions()));
        var safety = new Views.Exercise.Safety(md.inline(e.safety().stopIf()));
        var help = v.help(md);
        var refs = v.references(md, e.sources());
        var layout = v.layouts().layout(url, e.title(), e.summary(), Urls.EXERCISES,
                List.of(new Views.Link(v.words().text("nav.exercises"), Urls.EXERCISES, false)), v.disclaimer(md),
                v.data().exercise(e, v.models(md, e.sources()))).asArticle();
        var illustration = v.illustration(e, url);
        var usedFor = v.index().usagesOf(e.slug()).stream().map(u -> v.usage(u, url)).toList();
        var profile = new Views.Exercise.Profile(e.profile().muscles().primary(), e.profile().muscles().secondary(),
                v.chain(e.profile().chain()), v.words().text("chain." + e.profile().chain().key() + ".meaning"),
                v.phase(e.profile().phase()));
        var equipment = new Views.Exercise.Equipment(e.equipment().required(), e.equipment().optional());
        var view = new Views.Exercise(layout, e.title(), e.otherNames(), e.summary(), profile, equipment,
                instructions, dose, variations, safety, illustration, usedFor, body, refs,
                v.editorial(e.editorial(), url), help);
        return new ViewBuilder.Built(view, md, ViewBuilder.withAdapted(ViewBuilder.keys(md, e.sources()),
                e.editorial()));
    }
}

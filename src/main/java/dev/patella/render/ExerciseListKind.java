package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;
import dev.patella.model.Chain;

/** The list of every exercise, at {@code /exercises/}, by phase, with filters by muscle, type and equipment. */
final class ExerciseListKind implements PageKind {

    @Override
    public String template() {
        return "exercises.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        return List.of(new PageJob(Urls.EXERCISES, template(), Optional.empty(), ExerciseListKind::view)
                .keyedBy(PlainPageKind.overview(inputs)));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index, Messages words) {
        return List.of(new Views.Link(words.text("nav.exercises"), Urls.EXERCISES, false));
    }

    @Override
    public List<String> fixedUrls() {
        return List.of(Urls.EXERCISES);
    }

    @Override
    public Optional<String> section() {
        return Optional.of("exercises");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        return List.of(new SearchIndex.Entry(words.text("exercises.title"), Urls.EXERCISES, words.text("search.kind.page"),
                words.text("exercises.description"), ""));
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d) {
        var md = v.markdownFor(Urls.EXERCISES, d);
        String title = v.words().text("exercises.title");
        String description = v.words().text("exercises.description");
        var all = v.index().exercises();
        List<Views.Phase> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            var cards = all.stream().filter(e -> e.profile().phase() == phase).map(e -> v.card(e, Urls.EXERCISES)).toList();
            if (!cards.isEmpty()) {
                phases.add(new Views.Phase(v.phase(phase), phase.key(), "", 1, cards));
            }
        }
        var layout = v.layouts().layout(Urls.EXERCISES, title, description, Urls.EXERCISES, List.of(),
                v.disclaimer(md), v.data().page(Urls.EXERCISES, title, description, List.of()))
                .withScripts(List.of(v.script("filter.js", Urls.EXERCISES)));
        var muscles = Facets.of(all, e -> ViewBuilder.concat(e.profile().muscles().primary(), e.profile().muscles().secondary()),
                Urls.EXERCISES, Facets::label);
        var chains = Facets.of(all, e -> List.of(e.profile().chain().label()), Urls.EXERCISES,
                label -> Arrays.stream(Chain.values()).filter(c -> c.label().equals(label))
                        .findFirst().map(v::chain).orElse(label));
        var equipment = Facets.of(all, ViewBuilder::equipment, Urls.EXERCISES, v::equipmentLabel);
        return new ViewBuilder.Built(new Views.Exercises(layout, phases, muscles, chains, equipment,
                v.siteChecked()), md, List.of());
    }
}

package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The list of every exercise, at {@code /exercises/}, by phase, with filters by muscle, type and equipment. */
final class ExerciseListKind implements PageKind {

    private static final String DESCRIPTION = "Every exercise on this site, by phase, muscle, type and equipment.";

    @Override
    public String template() {
        return "exercises.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        return List.of(new PageJob(Urls.EXERCISES, template(), Optional.empty(), ExerciseListKind::view));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index) {
        return List.of(new Views.Link("Exercises", Urls.EXERCISES, false));
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
    public List<SearchIndex.Entry> findable(SiteIndex index, SearchIndex.Plain plain) {
        return List.of(new SearchIndex.Entry("Exercises", Urls.EXERCISES, "Page", DESCRIPTION, ""));
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d) {
        var md = v.markdownFor(Urls.EXERCISES, d);
        var all = v.index().exercises();
        List<Views.Phase> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            var cards = all.stream().filter(e -> e.profile().phase() == phase).map(e -> v.card(e, Urls.EXERCISES)).toList();
            if (!cards.isEmpty()) {
                phases.add(new Views.Phase(phase.label(), phase.key(), "", 1, cards));
            }
        }
        var layout = v.layouts().layout(Urls.EXERCISES, "Exercises", DESCRIPTION, Urls.EXERCISES, List.of(),
                v.disclaimer(md), v.data().page(Urls.EXERCISES, "Exercises", DESCRIPTION, List.of()))
                .withScripts(List.of(v.script("filter.js", Urls.EXERCISES)));
        var muscles = Facets.of(all, e -> ViewBuilder.concat(e.profile().muscles().primary(), e.profile().muscles().secondary()),
                Urls.EXERCISES);
        var chains = Facets.of(all, e -> List.of(e.profile().chain().label()), Urls.EXERCISES);
        var equipment = Facets.of(all, ViewBuilder::equipment, Urls.EXERCISES);
        return new ViewBuilder.Built(new Views.Exercises(layout, phases, muscles, chains, equipment,
                v.siteChecked()), md, List.of());
    }
}

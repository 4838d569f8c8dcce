package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.ProgramStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The printable handout of a condition's program, at {@code /conditions/<slug>/program/}: every
 * exercise's dose, steps and a tick-box table.
 */
final class ProgramKind implements PageKind {

    @Override
    public String template() {
        return "program.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        Object shared = PlainPageKind.overview(inputs);
        return inputs.index().conditions().stream().map(c -> new PageJob(Urls.program(c.slug()), template(),
                Optional.of(c.origin()), (v, d) -> view(v, c, d)).keyedBy(List.of(c, shared))).toList();
    }

    @Override
    public Optional<String> section() {
        return Optional.of("conditions");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        return index.conditions().stream().map(c -> new SearchIndex.Entry(
                words.format("program.title", Map.of("condition", c.title())), Urls.program(c.slug()),
                words.text("search.kind.program"), words.text("program.summary"),
                String.join(" · ", c.otherNames()) + " · " + words.text("program.keywords"))).toList();
    }

    private static ViewBuilder.Built view(ViewBuilder v, Condition c, Diagnostics d) {
        String url = Urls.program(c.slug());
        var md = v.markdownFor(url, d);
        String title = v.words().format("program.title", Map.of("condition", c.title()));
        String description = v.words().format("program.description", Map.of("condition",
                c.title().toLowerCase(Locale.forLanguageTag(v.words().language()))));
        List<Views.ProgramPhase> phases = new ArrayList<>();
        int number = 0;
        for (ProgramStep step : c.program()) {
            // the phase's summary is above its exercises: rendered first, so its citations are numbered first
            String summary = md.inline(step.summary());
            List<Views.ProgramExercise> exercises = new ArrayList<>();
            for (Key key : step.exercises()) {
                var found = v.index().findExercise(key.value());
                if (found.isPresent()) {
                    Exercise e = found.get();
                    number++;
                    exercises.add(new Views.ProgramExercise(number, "ex-" + e.slug(), e.title(),
                            Urls.relative(url, Urls.exercise(e.slug())), v.printedAddress(Urls.exercise(e.slug())),
                            ViewBuilder.dose(e.dose(), md), v.illustration(e, url), md.inline(e.instructions().position()),
                            md.inline(e.instructions().steps()), md.inline(e.instructions().feelIt()),
                            md.inline(e.safety().stopIf())));
                }
            }
            phases.add(new Views.ProgramPhase(step.title(), summary, exercises));
        }
        String conditionUrl = Urls.condition(c.slug());
        var layout = v.layouts().layout(url, title, description, conditionUrl,
                List.of(new Views.Link(c.title(), conditionUrl, false)), v.disclaimer(md),
                v.data().page(url, title, description, List.of())).withScripts(List.of(v.script("program.js", url)))
                .asArticle();
        var view = new Views.Program(layout, title, c.title(), Urls.relative(url, conditionUrl), v.absolute(url),
                phases, v.weeks(), v.days(), v.help(md), md.inline(c.avoid()),
                v.references(md, c.sources()), v.editorial(c.editorial(), url));
        return new ViewBuilder.Built(view, md, ViewBuilder.withAdapted(ViewBuilder.keys(md, c.sources()),
                c.editorial()));
    }
}

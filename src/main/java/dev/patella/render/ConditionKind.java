package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Condition;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A condition's page, at {@code /conditions/<slug>/}: what it is, what helps, its exercise program. */
final class ConditionKind implements PageKind {

    @Override
    public String template() {
        return "condition.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        Object shared = PlainPageKind.overview(inputs);
        return inputs.index().conditions().stream().map(c -> job(c, shared)).toList();
    }

    /** The condition's own page; its program and handout pages show no part of its body. */
    @Override
    public Optional<PageJob> pageOf(Inputs inputs, Object model) {
        if (!(model instanceof Condition edited)) {
            return Optional.empty();
        }
        return inputs.index().conditions().stream().filter(c -> c.withBody(edited.body()).equals(edited))
                .findFirst().map(c -> job(edited, PlainPageKind.overview(inputs)));
    }

    private PageJob job(Condition c, Object shared) {
        return new PageJob(Urls.condition(c.slug()), template(), Optional.of(c.origin()), (v, d) -> view(v, c, d))
                .keyedBy(List.of(c, shared));
    }

    /** Each condition has its place in the main navigation. */
    @Override
    public List<Views.Link> navigation(SiteIndex index, Messages words) {
        return index.conditions().stream().map(c -> new Views.Link(c.title(), Urls.condition(c.slug()), false))
                .toList();
    }

    @Override
    public Optional<String> section() {
        return Optional.of("conditions");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages kinds, SearchIndex.Plain plain) {
        return index.conditions().parallelStream().map(c -> { // in order, as toList() keeps it
            List<String> words = new ArrayList<>(c.otherNames());
            // the code the page shows, which a clinician may search for
            c.icd10().ifPresent(code -> words.add("ICD-10 " + code));
            c.symptoms().forEach(s -> words.add(plain.of(s)));
            // the body, and the lists and help box the page shows around it
            List<Prose> body = new ArrayList<>();
            body.add(c.body());
            body.addAll(c.riskFactors());
            body.addAll(c.avoid());
            c.program().forEach(step -> step.summary().ifPresent(body::add));
            body.addAll(ViewBuilder.stopIf(index));
            body.addAll(ViewBuilder.seeADoctor(index));
            return new SearchIndex.Entry(c.title(), Urls.condition(c.slug()), kinds.text("search.kind.condition"), c.summary(),
                    String.join(" · ", words), plain.words(body));
        }).toList();
    }

    private static ViewBuilder.Built view(ViewBuilder v, Condition c, Diagnostics d) {
        String url = Urls.condition(c.slug());
        var md = v.markdownFor(url, d);
        // every text in the page's order before the reference list (see ExerciseKind)
        String body = md.block(c.body());
        var symptoms = md.inline(c.symptoms());
        var riskFactors = md.inline(c.riskFactors());
        var program = v.program(c, url, md);
        var avoid = md.inline(c.avoid());
        var help = v.help(md);
        var refs = v.references(md, c.sources());
        var layout = v.layouts().layout(url, c.title(), c.summary(), url, List.of(), v.disclaimer(md),
                v.data().condition(c, v.models(md, c.sources()))).asArticle();
        var view = new Views.Condition(layout, c.title(), c.otherNames(), c.summary(), c.icd10().orElse(""),
                symptoms, riskFactors, avoid, body, program, Urls.relative(url, Urls.program(c.slug())), refs,
                v.editorial(c.editorial(), url), help);
        return new ViewBuilder.Built(view, md, ViewBuilder.withAdapted(ViewBuilder.keys(md, c.sources()),
                c.editorial()));
    }
}

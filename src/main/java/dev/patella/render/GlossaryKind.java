package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.GlossaryTerm;
import dev.patella.model.Key;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The glossary, at {@code /glossary/}: the medical words the site uses, each with its meaning in
 * plain words. Only a site with a {@code content/glossary.yaml} has one.
 */
final class GlossaryKind implements PageKind {

    @Override
    public String template() {
        return "glossary.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        if (inputs.index().site().glossary().isEmpty()) {
            return List.of();
        }
        return List.of(new PageJob(Urls.GLOSSARY, template(), Optional.empty(), GlossaryKind::view)
                .keyedBy(PlainPageKind.overview(inputs)));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index, Messages words) {
        return index.site().glossary().isEmpty() ? List.of() : List.of(new Views.Link(words.text("nav.glossary"), Urls.GLOSSARY, false));
    }

    @Override
    public Optional<String> section() {
        return Optional.of("glossary");
    }

    /** Found by every word it explains. */
    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        var glossary = index.site().glossary();
        if (glossary.isEmpty()) {
            return List.of();
        }
        return List.of(new SearchIndex.Entry(words.text("terms.title"), Urls.GLOSSARY, words.text("search.kind.page"),
                words.text("terms.description"),
                String.join(" · ", glossary.stream().flatMap(t -> t.forms().stream()).toList())));
    }

    /** The glossary's own words are the definitions, never links to themselves. */
    @Override
    public boolean linksTerms() {
        return false;
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d) {
        var md = v.markdownFor(Urls.GLOSSARY, d);
        String title = v.words().text("terms.title");
        String description = v.words().text("terms.description");
        // readers look a word up alphabetically, in the site's language, whatever order the editor wrote
        var collator = Collator.getInstance(ULocale.forLanguageTag(v.index().site().config().language()));
        var terms = v.index().site().glossary().stream().sorted(Comparator.comparing(GlossaryTerm::term, collator))
                .map(t -> term(t, v.index().site().glossary(), md)).toList();
        var layout = v.layouts().layout(Urls.GLOSSARY, title, description, Urls.GLOSSARY, List.of(), v.disclaimer(md),
                v.data().page(Urls.GLOSSARY, title, description, List.of()));
        return new ViewBuilder.Built(new Views.Glossary(layout, title, description, terms, v.siteChecked()), md,
                List.of());
    }

    private static Views.Term term(GlossaryTerm t, List<GlossaryTerm> all, PageText md) {
        var seeAlso = t.seeAlso().stream().map(Key::value)
                .flatMap(id -> all.stream().filter(other -> other.id().equals(id)).findFirst().stream())
                .map(other -> new Views.Link(other.term(), "#" + GlossaryLinker.anchor(other.id()), false)).toList();
        return new Views.Term(GlossaryLinker.anchor(t.id()), t.term(), t.forms().subList(1, t.forms().size()),
                md.block(t.definition()), seeAlso);
    }
}

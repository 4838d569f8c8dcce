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

    private static final String TITLE = "Glossary";
    private static final String DESCRIPTION = "The medical words this site uses, explained in plain words.";

    @Override
    public String template() {
        return "glossary.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        if (inputs.index().site().glossary().isEmpty()) {
            return List.of();
        }
        return List.of(new PageJob(Urls.GLOSSARY, template(), Optional.empty(), GlossaryKind::view));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index) {
        return index.site().glossary().isEmpty() ? List.of() : List.of(new Views.Link(TITLE, Urls.GLOSSARY, false));
    }

    @Override
    public Optional<String> section() {
        return Optional.of("glossary");
    }

    /** Found by every word it explains. */
    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, SearchIndex.Plain plain) {
        var glossary = index.site().glossary();
        if (glossary.isEmpty()) {
            return List.of();
        }
        return List.of(new SearchIndex.Entry(TITLE, Urls.GLOSSARY, "Page", DESCRIPTION,
                String.join(" · ", glossary.stream().flatMap(t -> t.forms().stream()).toList())));
    }

    /** The glossary's own words are the definitions, never links to themselves. */
    @Override
    public boolean linksTerms() {
        return false;
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d) {
        var md = v.markdownFor(Urls.GLOSSARY, d);
        // readers look a word up alphabetically, in the site's language, whatever order the editor wrote
        var collator = Collator.getInstance(ULocale.forLanguageTag(v.index().site().config().language()));
        var terms = v.index().site().glossary().stream().sorted(Comparator.comparing(GlossaryTerm::term, collator))
                .map(t -> term(t, v.index().site().glossary(), md)).toList();
        var layout = v.layouts().layout(Urls.GLOSSARY, TITLE, DESCRIPTION, Urls.GLOSSARY, List.of(), v.disclaimer(md),
                v.data().page(Urls.GLOSSARY, TITLE, DESCRIPTION, List.of()));
        return new ViewBuilder.Built(new Views.Glossary(layout, TITLE, DESCRIPTION, terms, v.siteChecked()), md,
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

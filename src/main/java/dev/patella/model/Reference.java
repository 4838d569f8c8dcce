package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code content/sources.yaml}, holding the CSL variables Patella uses.
 *
 * @param typeAt   where its CSL {@code type} is written, for a type the citation style does not know
 * @param issued   date parts: year, then optionally month and day; empty when unknown
 * @param accessed the date parts of the day a web page was read, for its "Accessed" note; empty when not given
 * @param language the language it is written in (a BCP 47 code): its CSL {@code language}, else the
 *                 site's default language; its title and journal are marked with it on pages in
 *                 another language, so that a screen reader reads them in the right voice
 */
public record Reference(
        String id,
        SourceSpan at,
        String type,
        SourceSpan typeAt,
        List<Name> authors,
        String title,
        Optional<String> containerTitle,
        Optional<String> containerTitleShort,
        List<Integer> issued,
        Optional<String> volume,
        Optional<String> issue,
        Optional<String> page,
        Optional<String> doi,
        Optional<String> pmid,
        Optional<String> pmcid,
        Optional<String> url,
        List<Integer> accessed,
        String language) {

    public Reference {
        authors = List.copyOf(authors);
        issued = List.copyOf(issued);
        accessed = List.copyOf(accessed);
    }

    /** A CSL name: family name and given names or initials. {@code given} is empty for organisations. */
    public record Name(String family, String given) {
    }

    /** The DOI as a link, when the reference has a DOI. */
    public Optional<String> doiUrl() {
        return doi.map(d -> "https://doi.org/" + d);
    }
}

package dev.patella.cite;

import dev.patella.model.Reference;
import java.util.List;
import java.util.Map;

/** Formats references for reference lists. */
public interface ReferenceFormatter {

    /**
     * Formats every reference. Runs on the calling thread.
     *
     * @return the formatted references by id; contains every id of {@code references}
     */
    Map<String, FormattedReference> format(List<Reference> references);

    /**
     * Formats every reference in the citation style's locale for {@code language} (a BCP 47
     * code), for the pages in that language.
     *
     * @return the same as {@link #format(List)}
     */
    default Map<String, FormattedReference> format(List<Reference> references, String language) {
        return format(references);
    }

    /** The AMA 11th edition formatter, backed by citeproc-java and the CSL style repository. */
    static ReferenceFormatter ama() {
        return new CiteprocFormatter("american-medical-association");
    }
}

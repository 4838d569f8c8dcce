package dev.patella.build;

import dev.patella.index.SiteIndex;
import dev.patella.output.SiteFiles;
import dev.patella.render.RenderedPage;
import dev.patella.render.TemplateLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A site made in memory by a {@link SiteSession}, not yet published anywhere.
 *
 * @param files         every file of the site; empty when the content could not be read at all
 * @param index         the indexed content; empty when {@code site.yaml} could not be read
 * @param pages         the rendered pages, by URL
 * @param templateLinks the links the templates write literally
 * @param rendered      the URLs this build rendered; the other pages were reused from the last build
 * @param changed       the site paths whose bytes differ from the session's previous build (added and
 *                      removed ones included); every path on the first build
 * @param took          how long the build took
 */
public record SiteBuild(SiteFiles files, Optional<SiteIndex> index, List<RenderedPage> pages,
                        List<TemplateLink> templateLinks, List<String> rendered, Set<String> changed,
                        Duration took) {
    public SiteBuild {
        pages = List.copyOf(pages);
        templateLinks = List.copyOf(templateLinks);
        rendered = List.copyOf(rendered);
        changed = Set.copyOf(changed);
    }
}

package dev.patella.publish;

import dev.patella.config.BaseUrls;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a site built for one address from going where it would be served at another: its links,
 * stylesheet and 404 page all start with the base URL's path, so a site built for
 * {@code https://x/knee/} and served at the host's root shows broken pages.
 */
final class BaseUrlCheck {

    private BaseUrlCheck() {
    }

    /**
     * @param built     the base URL the site was built for (empty when it has no Patella robots.txt)
     * @param recorded  the base URL the target's manifest says the published site has
     * @param confirmed the {@code --base-url} the user gave to publish, confirming where the target is served
     * @param folder    the target folder's path on its host, such as {@code /var/www/knee}
     * @param target    the target, for messages
     * @throws PublishRefusedException when the site would be served at another address than it was built for
     */
    static void check(Optional<URI> built, Optional<URI> recorded, Optional<URI> confirmed, String folder,
                      String target) {
        if (built.isEmpty()) {
            if (confirmed.isPresent()) {
                throw new PublishRefusedException("the site has no robots.txt written by Patella, so Patella cannot "
                        + "tell which address it was built for; build it with: bin/patella build --base-url "
                        + confirmed.get());
            }
            return;
        }
        URI site = built.get();
        if (confirmed.isPresent()) {
            if (!confirmed.get().equals(site)) {
                throw new PublishRefusedException("--base-url " + confirmed.get() + " does not match the site, which "
                        + "was built for " + site + "; build it for that address first (bin/patella build --base-url "
                        + confirmed.get() + ") and publish with the same --base-url");
            }
            return;
        }
        if (recorded.isPresent()) {
            if (!recorded.get().equals(site)) {
                throw new PublishRefusedException(target + " holds the site built for " + recorded.get()
                        + ", but this site was built for " + site + ", so its links and its 404 page would point at "
                        + "the wrong place. If the site really moves to " + site + ", confirm it with --base-url "
                        + site + "; otherwise build it for the address it has there: bin/patella build --base-url "
                        + recorded.get());
            }
            return;
        }
        List<String> base = BaseUrls.folders(site);
        List<String> path = segments(folder);
        if (!base.isEmpty() && !endsWith(path, base)) {
            String where = String.join("/", base);
            String named = base.size() == 1 ? "is not a folder named " + where
                    : "is not a folder whose path ends in " + where;
            throw new PublishRefusedException("the site was built for " + site + ", so the web host must serve it "
                    + "from a folder at /" + where + "/, but " + target + " " + named + ", so the host may serve "
                    + "it at another address (such as its root), where its links and 404 page break. If " + target
                    + " is served at " + site + ", confirm it with --base-url " + site + "; otherwise build the "
                    + "site for the address the folder has: bin/patella build --base-url URL");
        }
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
    }

    private static boolean endsWith(List<String> path, List<String> suffix) {
        return path.size() >= suffix.size() && path.subList(path.size() - suffix.size(), path.size()).equals(suffix);
    }
}

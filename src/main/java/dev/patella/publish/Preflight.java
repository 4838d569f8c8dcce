package dev.patella.publish;

import dev.patella.build.LastBuild;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checks made on this computer before a target is contacted. */
public final class Preflight {

    private Preflight() {
    }

    /**
     * Refuses a site that is missing or that the project's last build into it failed to replace.
     *
     * @param project the folder holding {@code content/}, where the outcome of the last build is kept
     * @param site    the built site to publish
     * @throws PublishRefusedException saying what to do
     */
    public static void check(Path project, Path site) {
        if (!Files.isDirectory(site) || !Files.isRegularFile(site.resolve("index.html"))) {
            throw new PublishRefusedException("there is no built site in " + site + (Files.isDirectory(site)
                    ? " (it has no index.html)" : "") + "; build it first with: patella build");
        }
        LastBuild.find(project, site).filter(b -> !b.succeeded()).ifPresent(b -> {
            throw new PublishRefusedException("the last build failed" + (b.errors() > 0 ? " with "
                    + b.errors() + (b.errors() == 1 ? " error" : " errors") : "") + ", so " + site
                    + " still holds an older version of the site; fix the problems, run patella build, and publish again");
        });
    }

    /**
     * Refuses a folder target inside the project (its {@code content/}, {@code templates/}, {@code site/} or
     * any other folder of it, or the project itself), inside the site, or holding either: publishing would
     * overwrite or delete what Patella reads. Paths are compared after links are resolved.
     *
     * @throws IllegalArgumentException saying where to publish instead
     */
    public static void checkTarget(Path project, Path site, TargetAddress address) {
        if (address instanceof TargetAddress.Folder folder) {
            Path root = TargetPaths.realPath(folder.root());
            Path s = TargetPaths.realPath(site);
            Path p = TargetPaths.realPath(project);
            if (root.startsWith(p)) {
                throw new IllegalArgumentException("--to " + address.describe() + " is inside the project (" + p
                        + "), where publishing would overwrite or delete its own files; publish to a folder "
                        + "outside it, such as the web server's folder");
            }
            if (root.startsWith(s) || s.startsWith(root) || p.startsWith(root)) {
                throw new IllegalArgumentException("--to " + address.describe() + " overlaps the site (" + s
                        + ") or holds the project (" + p + "); publish to a folder outside them");
            }
        }
    }
}

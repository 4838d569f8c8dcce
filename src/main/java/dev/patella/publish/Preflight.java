package dev.patella.publish;

import dev.patella.build.LastBuild;
import dev.patella.source.ExampleAddresses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                    ? " (it has no index.html)" : "") + "; build it first with: bin/patella build");
        }
        LastBuild.find(project, site).filter(b -> !b.succeeded()).ifPresent(b -> {
            throw new PublishRefusedException("the last build failed" + (b.errors() > 0 ? " with "
                    + b.errors() + (b.errors() == 1 ? " error" : " errors") : "") + ", so " + site
                    + " still holds an older version of the site; fix the problems, run bin/patella build, and publish again");
        });
        LastBuild.find(project, site).filter(LastBuild::drafts).ifPresent(b -> {
            throw new PublishRefusedException("the last build showed drafts (build --drafts), which are not to be "
                    + "published, so " + site + " holds them; run bin/patella build" + (site.equals(project.resolve("site"))
                    ? "" : " --output " + site) + ", then publish");
        });
    }

    /**
     * The files under {@code content/} and {@code templates/} saved after the last build of
     * {@code site} started, in path order: the site being published does not hold what they say
     * (they were edited since, or the build that would have read them was stopped). Hidden files
     * and editors' backups ({@code ~}) are left out. Empty when that build's start is not known.
     *
     * @throws IOException when a folder cannot be listed
     */
    public static List<String> changedSinceBuild(Path project, Path site) throws IOException {
        long started = LastBuild.find(project, site).filter(LastBuild::succeeded).map(LastBuild::started).orElse(0L);
        List<String> changed = new ArrayList<>();
        if (started <= 0) {
            return changed;
        }
        for (String folder : List.of("content", "templates")) {
            Path root = project.resolve(folder);
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (var files = Files.walk(root)) {
                files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .filter(f -> !f.getFileName().toString().startsWith(".")
                                && !f.getFileName().toString().endsWith("~"))
                        .filter(f -> modified(f) > started)
                        .map(f -> project.relativize(f).toString().replace('\\', '/')).sorted().forEach(changed::add);
            }
        }
        return changed;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0; // gone since it was listed: nothing of it to publish
        }
    }

    /** A web or mail address written in a page: in an attribute, JSON-LD or text. */
    private static final Pattern ADDRESS = Pattern.compile("(?:https?://|mailto:)[^\\s\"'<>\\\\]+");
    /** The most bytes of a home page read for its addresses: far more than a home page holds. */
    private static final long LONGEST_HOME = 4L << 20;

    /**
     * The addresses on names reserved for examples ({@code https://example.org/},
     * {@code mailto:errors@example.org}) that the site's home pages (the default language's and
     * each other language's) link to, in the order found: the base URL and the settings every page
     * shows (the error-report address, the publisher's address) are on them. A site built from the
     * shipped settings has them until its owner sets real ones, which {@code patella check} names;
     * published, they send readers' reports nowhere. Links to such names in one page's Markdown are
     * left to {@code check}.
     *
     * @throws IOException when a home page is there but cannot be read
     */
    public static List<String> exampleAddresses(Path site) throws IOException {
        List<Path> homes = new ArrayList<>();
        homes.add(site.resolve("index.html"));
        try (var folders = Files.list(site)) {
            folders.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> f.resolve("index.html")).filter(f -> f.getFileName() != null).sorted().forEach(homes::add);
        }
        Set<String> found = new LinkedHashSet<>();
        for (Path home : homes) {
            if (Files.isRegularFile(home, LinkOption.NOFOLLOW_LINKS) && Files.size(home) <= LONGEST_HOME
                    && isLanguageHome(site, home)) {
                Matcher m = ADDRESS.matcher(Files.readString(home, StandardCharsets.UTF_8));
                while (m.find()) {
                    String address = m.group().replace("&amp;", "&");
                    if (ExampleAddresses.reservedName(address).isPresent()) {
                        found.add(address);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The site's own home page, or a language's ({@code es/index.html}): a folder named as a language code. */
    private static boolean isLanguageHome(Path site, Path home) {
        Path folder = home.getParent();
        return folder.equals(site) || folder.getFileName().toString().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
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

package dev.patella.cli;

import dev.patella.diag.FileFailure;
import dev.patella.output.SiteWriter;
import dev.patella.publish.Plan;
import dev.patella.publish.Preflight;
import dev.patella.publish.ProgressLine;
import dev.patella.publish.PublishRefusedException;
import dev.patella.publish.SitePublisher;
import dev.patella.publish.SshOptions;
import dev.patella.publish.Target;
import dev.patella.publish.TargetAddress;
import dev.patella.publish.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella publish}: sends the built site to a web host, only what changed. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Sends the built site to a web host: only new and changed files, compared by content hash.",
                "Order: assets, then pages, then the sitemap; deletions last. Run 'bin/patella build' first.",
                "It never replaces or deletes a file Patella did not publish, never follows a link inside the "
                        + "target, and refuses a site built for another address than the one the target records."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published, or nothing to publish", "1:refused (see the message): no built site, the last "
                + "build failed, the target is not Patella's or holds a file of the site's that Patella did not publish, "
                + "the site was built for another address, the folder above the target does not exist, or the server "
                + "could not be trusted or logged in to",
                "2:the command line is wrong", "3:a file could not be read or written, or the server failed"})
final class PublishCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", paramLabel = "TARGET", required = true,
            description = "Where to publish: file:///path/to/webroot or sftp://user@host[:port]/path/to/webroot.")
    private String to;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    @Option(names = "--site", paramLabel = "DIR", description = "The built site to send (default: DIR/site).")
    private Path site;

    @Option(names = "--dry-run", description = "List what would be sent and deleted; change nothing.")
    private boolean dryRun;

    @Option(names = "--delete", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Delete files Patella published before that are no longer in the site (default: on).")
    private boolean delete;

    @Option(names = "--yes", description = "Publish even to a target holding files Patella did not publish: they "
            + "are kept, never replaced nor deleted (a site file of the same name stops the publish).")
    private boolean yes;

    @Option(names = "--base-url", paramLabel = "URL", description = "Confirm that the target is served at URL, the "
            + "address the site was built for, when the target's record names another or its folder does not "
            + "match the address's path.")
    private String baseUrl;

    @Option(names = "--identity", paramLabel = "FILE",
            description = "The SSH private key to log in with (default: your SSH agent, then ~/.ssh/id_ed25519, "
                    + "id_ecdsa, id_rsa).")
    private Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "The known_hosts file the server's host key is checked against (default: ~/.ssh/known_hosts).")
    private Path knownHosts;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path project = projectOption.existing(spec.commandLine());
        Path siteDir = site != null ? site : project.resolve("site");
        var choices = new SitePublisher.Choices(delete, yes,
                Optional.ofNullable(baseUrl).map(BaseUrlOption::parse).map(reading -> reading.address().orElseThrow(
                        () -> new CommandLine.ParameterException(spec.commandLine(), reading.mistake().orElseThrow()))));
        TargetAddress address;
        try {
            address = TargetAddress.parse(to);
            Preflight.checkTarget(project, siteDir, address);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var writer = new SiteWriter(siteDir, System::nanoTime);
        SiteWriter.Held held;
        try {
            // the lock a build takes to replace the site: no build swaps it while it is checked and sent
            held = writer.holdForReading(() -> err.println("patella: waiting for the build in progress "
                    + "to finish before publishing " + siteDir + "…"));
        } catch (FileFailure e) {
            err.println("patella: " + e.getMessage() + " (publish locks the built site with this file while it "
                    + "sends it, so that no build replaces the site half way)");
            return ExitCode.FAILURE;
        } catch (SiteWriter.OutputLockedException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        try (held) {
            Preflight.check(project, siteDir);
            warnOfLaterEdits(Preflight.changedSinceBuild(project, siteDir), project, siteDir, err);
            // what is sent is what a build made: a file added or changed by hand would be published, then
            // taken for Patella's own and deleted from the host by a later publish
            Optional<String> changed = writer.changedSinceWrite();
            if (changed.isPresent()) {
                throw new PublishRefusedException(changed.get() + ": " + siteDir + " was changed since the last "
                        + "build, so nothing was published. A build puts it back as content/ and templates/ say: "
                        + "run bin/patella build" + (siteDir.equals(project.resolve("site")) ? "" : " --output "
                        + siteDir) + ", and publish again. A file of your own for the host (a search engine's "
                        + "verification file) goes on the host itself, where publishing leaves it alone");
            }
            return publish(address, siteDir, choices, out, err);
        } catch (PublishRefusedException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.REFUSED;
        } catch (UncheckedIOException e) {
            // a FileFailure already says what was being done (writing, removing), which its cause alone does not
            err.println("patella: " + (e instanceof FileFailure failure ? failure.getMessage() : told(e.getCause())));
            return ExitCode.FAILURE;
        } catch (IOException e) {
            err.println("patella: " + told(e));
            return ExitCode.FAILURE;
        }
    }

    /**
     * A failure in words: a file of this computer's (whose exception's message is often its path alone)
     * with what was done, why and what to do; a server's failure as the connection tells it.
     */
    private static String told(IOException e) {
        if (e instanceof FileSystemException) {
            return FileFailure.of(new UncheckedIOException(e)).getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private int publish(TargetAddress address, Path siteDir, SitePublisher.Choices choices, PrintWriter out,
                        PrintWriter err) throws IOException {
        var ssh = SshOptions.forUser(Path.of(System.getProperty("user.home")),
                Optional.ofNullable(System.getenv("SSH_AUTH_SOCK")), Optional.ofNullable(identity),
                Optional.ofNullable(knownHosts));
        var publisher = new SitePublisher(new ProgressLine(err, System::nanoTime, System.console() != null));
        try (Target target = Targets.open(address, ssh)) {
            Plan plan = publisher.plan(siteDir, target, choices);
            warnOfExamples(Preflight.exampleAddresses(siteDir), err);
            // the pages' addresses as readers know them: under the base path the site is published at
            String base = plan.baseUrls().after().map(u -> u.getRawPath()).filter(p -> p.endsWith("/")).orElse("/");
            warnOfPagesGone(plan.pagesGone(), base, err);
            if (dryRun && !plan.isEmpty()) {
                printPlan(plan, target, out);
            } else if (plan.isEmpty()) {
                // a dry run says what a publish would: that there is nothing to do
                out.println("Nothing to publish: " + target.describe() + " already has all " + plan.unchanged()
                        + " files of " + siteDir + kept(plan.kept().size()));
            } else {
                var result = publisher.publish(plan, target);
                out.println("Published to " + target.describe() + ": " + result.uploaded() + " uploaded, "
                        + result.deleted() + " deleted, " + result.unchanged() + " unchanged" + kept(result.kept()));
            }
        }
        return ExitCode.OK;
    }

    /**
     * Says that files were saved after the last build of the site began: what is published is that
     * build, without them (edited since, or a build stopped before it ended). Not a refusal: an editor
     * may publish the last build while working on the next.
     */
    private static void warnOfLaterEdits(List<String> files, Path project, Path siteDir, PrintWriter err) {
        if (files.isEmpty()) {
            return;
        }
        String shown = String.join(", ", files.subList(0, Math.min(3, files.size())))
                + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "");
        err.println("patella: warning: " + shown + (files.size() == 1 ? " was" : " were") + " saved after the last "
                + "build of " + siteDir + " began, so the site being published does not have "
                + (files.size() == 1 ? "that change" : "those changes") + "; to publish " + (files.size() == 1 ? "it" : "them")
                + ", run bin/patella build"
                + (siteDir.equals(project.resolve("site")) ? "" : " --output " + siteDir) + " first");
    }

    /**
     * Says, once the target is known to take the site and before anything is sent, that the site
     * still links to example addresses: published, readers' error reports and search engines' links
     * would go nowhere. Not a refusal: a site may be published to a test folder first.
     */
    private static void warnOfExamples(List<String> examples, PrintWriter err) {
        if (examples.isEmpty()) {
            return;
        }
        String shown = String.join(", ", examples.subList(0, Math.min(3, examples.size())))
                + (examples.size() > 3 ? " and " + (examples.size() - 3) + " more" : "");
        err.println("patella: warning: the site still links to example addresses, which lead nowhere: " + shown
                + ". Set your own (base_url, publisher.url and report_errors_to in content/site.yaml, or build "
                + "--base-url; bin/patella check names each one, with its line), build again, and publish again");
    }

    /**
     * Says which published pages this publish takes off the site: a link to one from elsewhere, a
     * bookmark, or the address printed on a handout or program then leads to the site's "page not
     * found". Most often a page was renamed (a new slug, or its file renamed), and its old address,
     * added to the page's {@code moved_from:}, is kept as a redirect (and no longer goes). Its
     * example is the first page's address in the site, as {@code moved_from:} is written.
     */
    private static void warnOfPagesGone(List<String> sitePaths, String base, PrintWriter err) {
        List<String> gone = sitePaths.stream().map(p -> base + p.substring(1)).toList();
        if (gone.isEmpty()) {
            return;
        }
        String shown = String.join(", ", gone.subList(0, Math.min(5, gone.size())))
                + (gone.size() > 5 ? " and " + (gone.size() - 5) + " more" : "");
        err.println("patella: warning: " + (gone.size() == 1 ? "a published page goes" : gone.size()
                + " published pages go") + " from the site: " + shown + ". Links to "
                + (gone.size() == 1 ? "it" : "them") + " from other sites, bookmarks and addresses printed on "
                + "handouts will lead to \"page not found\". If a page was only renamed (slug: or its file's "
                + "name), keep its old address: add it to the renamed page's moved_from: list (moved_from: ["
                + sitePaths.get(0) + "]), build again and publish: the old address "
                + "then leads to the page");
    }

    private static void printPlan(Plan plan, Target target, PrintWriter out) {
        out.println("Dry run: nothing is changed on " + target.describe());
        plan.uploads().forEach(u -> out.println("  upload  " + u.path() + (u.fresh() ? " (new)" : " (changed)")));
        plan.deletions().forEach(p -> out.println("  delete  " + p));
        plan.kept().forEach(p -> out.println("  keep    " + p + " (no longer in the site; --no-delete)"));
        plan.foreign().forEach(p -> out.println("  leave   " + p + " (not published by Patella)"));
        if (!plan.baseUrls().before().equals(plan.baseUrls().after())) {
            plan.baseUrls().after().ifPresent(url -> out.println("  record  base URL " + url
                    + plan.baseUrls().before().map(old -> " (was " + old + ")").orElse("")));
        }
        out.println(String.format(Locale.ROOT, "Would publish: %d to upload (%.1f kB), %d to delete, %d unchanged%s",
                plan.uploads().size(), plan.uploadBytes() / 1000.0, plan.deletions().size(), plan.unchanged(),
                kept(plan.kept().size())));
    }

    private static String kept(int n) {
        return n == 0 ? "" : ", " + n + " kept (no longer in the site; publish without --no-delete to remove)";
    }
}

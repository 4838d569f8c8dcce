package dev.patella.build;

import dev.patella.config.RealPath;
import dev.patella.diag.FileFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of the most recent build of a project into an output folder, kept in its
 * {@link ProjectState} so that {@code publish} can refuse to send a site whose latest build failed.
 * Each output folder has its own: a build into another folder ({@code --output}) says nothing
 * about {@code site/}.
 *
 * @param succeeded whether the build replaced the site
 * @param errors    the number of errors it reported (0 when it succeeded)
 * @param started   when the build started, in milliseconds since 1970; 0 when not known (a record
 *                  written before 2026-12-05)
 * @param drafts    whether the build showed the pages marked {@code draft: true} ({@code build --drafts}),
 *                  which are not to be published; false in a record written before 2026-12-06
 */
public record LastBuild(boolean succeeded, int errors, long started, boolean drafts) {

    /** An outcome whose start is not known, of a build without drafts. */
    public LastBuild(boolean succeeded, int errors) {
        this(succeeded, errors, 0, false);
    }

    /** The outcome of a build without drafts. */
    public LastBuild(boolean succeeded, int errors, long started) {
        this(succeeded, errors, started, false);
    }

    /** How many output folders the note remembers, the most recently built last. */
    static final int FOLDERS = 20;

    /**
     * Records this outcome for {@code output}, built from {@code project}, replacing the previous one
     * for that folder.
     *
     * @throws FileFailure when the note cannot be written
     */
    public void save(Path project, Path output) {
        var state = new ProjectState(project);
        Map<String, LastBuild> all = read(state);
        String key = key(output);
        if (key.equals(key(project.resolve("site")))) {
            all.remove(ANY); // a record from before folders were named was, most likely, of site/
        }
        all.remove(key);
        all.put(key, this);
        List<String> lines = new ArrayList<>();
        all.entrySet().stream().skip(Math.max(0, all.size() - FOLDERS)).forEach(e -> lines.add(
                (e.getValue().succeeded ? "succeeded" : "failed") + " " + e.getValue().errors + " t="
                        + e.getValue().started + (e.getValue().drafts ? " " + DRAFTS : "") + " " + e.getKey()));
        try {
            state.write(ProjectState.Note.LAST_BUILD, lines);
        } catch (IOException e) {
            throw FileFailure.writing(project.resolve(ProjectState.DIR), e);
        }
    }

    /**
     * Reads the outcome of the last build of {@code project} into {@code output}.
     *
     * @return empty when that folder was never built with a Patella that records it, or when the
     *         record cannot be read
     */
    public static Optional<LastBuild> find(Path project, Path output) {
        Map<String, LastBuild> all = read(new ProjectState(project));
        return Optional.ofNullable(all.getOrDefault(key(output), all.get(ANY)));
    }

    /** When the build started, before the folder's name: {@code t=1764939600000 }. */
    private static final Pattern STARTED = Pattern.compile("t=(\\d{1,18}) ");

    /** Written after the start by a build that showed drafts (a folder's real path never starts so). */
    private static final String DRAFTS = "drafts";

    /** The key of an outcome recorded before outcomes named their folder: it stands for every folder. */
    private static final String ANY = "";

    /** The folder's real path: a build through a link to the project and a publish without one find the same record. */
    private static String key(Path output) {
        return RealPath.of(output).toString();
    }

    private static Map<String, LastBuild> read(ProjectState state) {
        Map<String, LastBuild> all = new LinkedHashMap<>();
        List<String> lines = state.read(ProjectState.Note.LAST_BUILD).orElse(List.of());
        if (lines.contains("result=succeeded") != lines.contains("result=failed")) { // written before 2026-12-04
            int errors = lines.stream().filter(l -> l.matches("errors=\\d{1,9}")).findFirst()
                    .map(l -> Integer.parseInt(l.substring("errors=".length()))).orElse(0);
            all.put(ANY, new LastBuild(lines.contains("result=succeeded"), errors));
            return all;
        }
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3 && (parts[0].equals("succeeded") || parts[0].equals("failed"))
                    && parts[1].matches("\\d{1,9}")) {
                String rest = parts[2];
                long started = 0;
                Matcher time = STARTED.matcher(rest);
                if (time.lookingAt()) { // written since 2026-12-05
                    started = Long.parseLong(time.group(1));
                    rest = rest.substring(time.end());
                }
                boolean drafts = rest.startsWith(DRAFTS + " "); // written since 2026-12-06
                if (drafts) {
                    rest = rest.substring(DRAFTS.length() + 1);
                }
                all.put(rest, new LastBuild(parts[0].equals("succeeded"), Integer.parseInt(parts[1]), started, drafts));
            }
        }
        return all;
    }
}

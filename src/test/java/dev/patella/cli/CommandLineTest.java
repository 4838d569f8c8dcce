package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what the command line says and which exit code it gives for help, the version and every
 * kind of mistake, word for word: the whole transcript is compared with
 * {@code src/test/resources/cli/transcript.txt}, recorded from picocli's own parsing. Any change
 * to how arguments are read must leave it as it is (or change it on purpose, in the same commit).
 */
class CommandLineTest {

    /** Each line is one command line; arguments are separated by single spaces. */
    private static final List<String> COMMANDS = List.of(
            "",
            "--help",
            "-h",
            "--version",
            "-V",
            "--version build",
            "--nope",
            "nope",
            "biuld",
            "serv --project src",
            "build --strcit",
            "build --projcet=src",
            "publish --to file:///tmp/x --dleete",
            "build \u2014strict",
            "--project src build",
            "build --to file:///tmp/x",
            "serve --strict",
            "publish --to file:///tmp/x --dry",
            "help",
            "help build",
            "build --help",
            "build -h",
            "build -V",
            "check --help",
            "serve --help",
            "new --help",
            "publish --help",
            "build --nope",
            "build extra",
            "build --output",
            "build --strict --strict",
            "build --strict=true --project no-such-folder",
            "build --project no-such-folder",
            "build --project=no-such-folder --drafts",
            "build --project no-such-folder --project other-folder",
            "build --output site-out --project no-such-folder --base-url https://example.org/knee",
            "build --project src --base-url ftp://example.org/",
            "build --project src --base-url=not-a-url --strict",
            "build --project src --base-url https://clinic.test/knee/index.html",
            "build --project src --base-url https://editor@clinic.test/knee/?lang=es",
            "build -- --project",
            "check --project no-such-folder --strict",
            "check --output site-out",
            "check --strict --project",
            "serve --project no-such-folder --port 8081 --host 127.0.0.1 --no-drafts",
            "serve --project src --port 70000",
            "serve --port abc",
            "serve --port 08080 --project no-such-folder",
            "serve --drafts --no-drafts",
            "build-server --help",
            "build-server --project no-such-folder",
            "build-server --project src --idle-minutes 0",
            "build-server --idle-minutes abc",
            "new",
            "new exercise",
            "publish",
            "publish --to file:///tmp/x --project no-such-folder",
            "publish --delete --no-delete --to file:///tmp/x",
            "publish --delete --delete --to file:///tmp/x",
            "publish --to file:///tmp/x --base-url https://clinic.test//knee/",
            "translated --help",
            "translated",
            "translated --all",
            "translated --all es content/es/site.yaml",
            "translated --all es --all fr",
            "translated --nope",
            "translated --all es --project no-such-folder",
            "translated content/es/site.yaml --project=no-such-folder",
            "translated --project src --all es",
            "translated --project src content/es/site.yaml",
            "translated --project src ../pom.xml");

    @TempDir
    Path tmp;

    @Test
    void helpVersionAndMistakesSayExactlyWhatTheyAlwaysSaid() throws IOException {
        var transcript = new StringBuilder();
        for (String line : COMMANDS) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            var run = TestSites.run(args);
            transcript.append("$ patella ").append(line).append('\n')
                    .append("exit ").append(run.exitCode()).append('\n')
                    .append("-- stdout\n").append(run.out())
                    .append("-- stderr\n").append(run.err())
                    .append("--\n\n");
        }
        Path expected = Path.of("src/test/resources/cli/transcript.txt");
        String actual = transcript.toString();
        if (!Files.exists(expected) || !Files.readString(expected, StandardCharsets.UTF_8).equals(actual)) {
            Path written = Path.of("target/cli-transcript.txt");
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("the command line's transcript (this run's is in target/cli-transcript.txt)")
                .isEqualTo(Files.exists(expected) ? Files.readString(expected, StandardCharsets.UTF_8) : "");
    }

    /**
     * The list of commands in {@code patella --help} shows the first line of each command's description: it must
     * be a whole sentence, not the start of one cut off ("everything build checks, and").
     */
    @Test
    void eachCommandIsSummedUpInAWholeSentence() {
        var run = TestSites.run("--help");
        String commands = run.out().substring(run.out().indexOf("Commands:") + "Commands:".length());
        // a command's line is indented by two spaces; its summary wraps onto lines indented further
        List<String> summaries = new ArrayList<>();
        for (String line : commands.split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                summaries.add(line.strip().replaceFirst("^\\S+\\s+", ""));
            } else if (!line.isBlank() && !summaries.isEmpty()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        assertThat(summaries).hasSize(8).allSatisfy(s -> assertThat(s).matches("[A-Z].*[.]"));
    }

    @Test
    void everydayCommandsDoNotLoadPicocliButHelpAndMistakesStillGoThroughIt() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        String site = tmp.resolve("out").toString();

        assertThat(classesLoaded("--version")).noneMatch(c -> c.startsWith("picocli."));
        assertThat(classesLoaded("build", "--project", project.toString(), "--output", site, "--strict"))
                .noneMatch(c -> c.startsWith("picocli.")).contains("dev.patella.cli.BuildRequest");
        assertThat(classesLoaded("check", "--project=" + project)).noneMatch(c -> c.startsWith("picocli."));
        assertThat(classesLoaded("translated", "--project", project.toString(), "--all", "es"))
                .noneMatch(c -> c.startsWith("picocli.")).contains("dev.patella.cli.TranslatedRequest");
        // a build server stops without loading a class: its jar may have been rebuilt under it
        assertThat(classesLoaded("build-server", "--project", tmp.resolve("none").toString(), "--idle-minutes", "5"))
                .noneMatch(c -> c.startsWith("picocli.")).contains("dev.patella.cli.BuildServerRequest");
        assertThat(classesLoaded("build", "--help")).contains("picocli.CommandLine");
        assertThat(classesLoaded("build", "--project", project.toString(), "--output", site, "--strict", "--strict"))
                .contains("picocli.CommandLine");
    }

    /** @return the names of the classes a separate JVM loads to run {@code patella args} */
    private static List<String> classesLoaded(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout:tags", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.patella.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> loaded = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("[class,load] ")) {
                loaded.add(line.substring("[class,load] ".length()).split(" ")[0]);
            }
        }
        assertThat(loaded).as(output).contains("dev.patella.cli.Main");
        return loaded;
    }
}

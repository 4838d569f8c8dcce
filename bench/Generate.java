import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Makes a synthetic project for benchmarks: the shipped content plus N extra pages (paragraphs,
 * headings, lists, tables and links) and N/20 extra exercises, and the same pages as a Hugo site.
 *
 * <pre>java bench/Generate.java PAGES OUT_DIR</pre>
 *
 * Writes OUT_DIR/patella (content/ and templates/) and OUT_DIR/hugo (config, content, layouts).
 * The output depends only on PAGES: a fixed random seed.
 */
public final class Generate {

    private static final String[] WORDS = ("knee hip thigh muscle strength gentle slowly lift lower hold rest "
            + "repeat pain kneecap exercise program phase stand chair floor band weight steady control breathe "
            + "walk stairs squat bend straight side back front week day set").split(" ");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/Generate.java PAGES OUT_DIR");
            System.exit(2);
        }
        int pages = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Path repo = Path.of("").toAbsolutePath();
        deleteTree(out);
        Path patella = out.resolve("patella");
        copyTree(repo.resolve("content"), patella.resolve("content"));
        copyTree(repo.resolve("templates"), patella.resolve("templates"));
        Path hugo = out.resolve("hugo");
        writeHugoSkeleton(hugo);
        var random = new Random(pages);
        for (int i = 0; i < pages; i++) {
            String title = "Guide " + i + ": " + words(random, 3);
            String body = body(random, i, pages);
            Files.writeString(patella.resolve("content/pages/guide-" + i + ".md"),
                    "---\ntitle: \"" + title + "\"\nsummary: \"" + sentence(random) + "\"\n---\n" + body);
            Files.writeString(hugo.resolve("content/guide-" + i + ".md"),
                    "---\ntitle: \"" + title + "\"\nsummary: \"" + sentence(random) + "\"\n---\n"
                            + body.replace("](/guide-", "](/guide-"));
        }
        for (int i = 0; i < Math.max(1, pages / 20); i++) {
            Files.writeString(patella.resolve("content/exercises/drill-" + i + ".md"), exercise(random, i));
        }
        System.out.println("wrote " + pages + " pages to " + out);
    }

    private static String body(Random random, int i, int pages) {
        var b = new StringBuilder();
        for (int section = 0; section < 3; section++) {
            b.append("## ").append(capitalise(words(random, 3))).append("\n\n");
            b.append(paragraph(random)).append(" See [guide ").append((i + 1) % pages).append("](/guide-")
                    .append((i + 1) % pages).append("/).\n\n");
            b.append("- ").append(sentence(random)).append("\n- ").append(sentence(random)).append("\n- ")
                    .append(sentence(random)).append("\n\n");
        }
        b.append("| Week | Sets | Reps |\n|---|---|---|\n");
        for (int w = 1; w <= 4; w++) {
            b.append("| ").append(w).append(" | ").append(2 + random.nextInt(2)).append(" | ")
                    .append(8 + random.nextInt(8)).append(" |\n");
        }
        return b.append("\n").append(paragraph(random)).append("\n").toString();
    }

    private static String exercise(Random random, int i) {
        return "---\ntitle: Drill " + i + "\nsummary: " + sentence(random) + "\nmuscles:\n  primary: [quadriceps]\n"
                + "feel_it: The front of your thigh.\nequipment: []\nchain: open\nphase: early\n"
                + "position: Lie on your back.\nsteps:\n  - " + sentence(random) + "\n  - " + sentence(random)
                + "\ndose:\n  sets: 3\n  reps: 10-15\n  per_side: true\nauthor: patella-editors\n"
                + "published: 2026-11-21\nreviewed: 2026-11-21\n---\n" + paragraph(random) + "\n";
    }

    private static String paragraph(Random random) {
        return sentence(random) + " " + sentence(random) + " " + sentence(random);
    }

    private static String sentence(Random random) {
        return capitalise(words(random, 6 + random.nextInt(8))) + ".";
    }

    private static String words(Random random, int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static void writeHugoSkeleton(Path hugo) throws IOException {
        Files.createDirectories(hugo.resolve("content"));
        Files.createDirectories(hugo.resolve("layouts/_default"));
        Files.writeString(hugo.resolve("hugo.toml"), "baseURL = 'https://example.org/'\nlanguageCode = 'en'\n"
                + "title = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n");
        String head = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
                + "<meta name=\"description\" content=\"{{ .Summary }}\"><link rel=\"canonical\" href=\"{{ .Permalink }}\">"
                + "</head><body><header><a href=\"/\">{{ .Site.Title }}</a></header><main>";
        Files.writeString(hugo.resolve("layouts/_default/single.html"),
                head + "<h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n");
        Files.writeString(hugo.resolve("layouts/_default/list.html"),
                head + "<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>"
                        + "</li>{{ end }}</ul></main></body></html>\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

import dev.patella.build.Changes;
import dev.patella.build.SiteSession;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The time one live rebuild of {@code patella serve} takes in a warm JVM, without the watcher or
 * HTTP around it: a session builds a project once, then one page's file is edited and
 * {@link SiteSession#build} is timed, again and again. Prints the median wall time and process
 * CPU time of the last half of the edits (the first half warms the JIT up).
 *
 * <pre>
 * mvn -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java bench/Generate.java 4000 /tmp/gen
 * java -cp target/classes:$(cat target/cp.txt) bench/ServeRebuild.java /tmp/gen/patella [EDITS [FILE [body|title]]]
 * </pre>
 *
 * The project is changed while this runs (one page gets a new sentence in its body per edit, or,
 * with {@code title}, a new word at the end of its title) and put back at the end. FILE is the
 * content file edited, relative to the project ({@code content/pages/guide-1.md} unless given).
 */
public final class ServeRebuild {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/ServeRebuild.java PROJECT [EDITS [FILE [body|title]]]");
            System.exit(2);
        }
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path page = project.resolve(args.length > 2 ? args[2] : "content/pages/guide-1.md");
        boolean title = args.length > 3 && args[3].equals("title");
        String original = Files.readString(page);
        String titleLine = original.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var session = new SiteSession(BuildOptions.defaults(project, LocalDate.of(2026, 12, 2)), System::nanoTime);
        long t0 = System.nanoTime();
        session.build(Changes.everything(), new Diagnostics());
        System.out.printf(Locale.ROOT, "first build: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Integer> rendered = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        try {
            for (int i = 0; i < edits; i++) {
                Files.writeString(page, title ? original.replace(titleLine, titleLine + " " + i)
                        : original.replaceFirst("\n---\n", "\n---\nEdit number " + i + " of this page.\n\n"));
                long c = os.getProcessCpuTime();
                long w = System.nanoTime();
                var diagnostics = new Diagnostics();
                long[] firstAt = {0};
                var build = session.build(Changes.of(List.of(page)), diagnostics, pages -> firstAt[0] = firstAt[0] == 0 ? System.nanoTime() : firstAt[0]);
                wall.add((System.nanoTime() - w) / 1e6);
                first.add(firstAt[0] == 0 ? Double.NaN : (firstAt[0] - w) / 1e6);
                cpu.add((os.getProcessCpuTime() - c) / 1e6);
                rendered.add(build.rendered().size());
                if (i == edits - 1) {
                    System.out.println("rendered again by the last edit: " + build.rendered().stream().limit(12).toList()
                            + (build.rendered().size() > 12 ? " ..." : ""));
                }
                if (build.changed().isEmpty() || diagnostics.hasErrors()) {
                    throw new IllegalStateException("edit " + i + " changed nothing or failed: " + diagnostics.sorted());
                }
            }
        } finally {
            Files.writeString(page, original);
        }
        System.out.println("wall time of each edit, ms: " + wall.stream().map(w -> String.valueOf(Math.round(w)))
                .collect(java.util.stream.Collectors.joining(" ")));
        int half = edits / 2;
        System.out.println("pages rendered again by the last edit: " + rendered.get(edits - 1));
        System.out.printf(Locale.ROOT, "one-page rebuild (%s edited), median of the last %d of %d edits: wall %.1f ms, CPU %.1f ms; "
                + "the pages rendered again handed to the preview after %.1f ms%n",
                title ? "title" : "body", edits - half, edits, median(wall.subList(half, edits)), median(cpu.subList(half, edits)),
                median(first.subList(half, edits)));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}

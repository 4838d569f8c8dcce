import dev.patella.build.Builder;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the build server does for one {@code patella build}, without the socket and the
 * command's own JVM around it: a warm {@link Builder} ({@code Builder.warm}, as
 * {@code patella build-server} keeps one) builds and publishes a project, then one page's file is
 * edited and the build timed, again and again. Prints each build's wall time and the median wall
 * and process CPU time of the last half (the first half warms the JIT up).
 *
 * <p>With {@code --full}, each build is a cold build in a warm JVM: {@code site/}, its twin and
 * {@code .patella/} are removed first and a new one-off {@link Builder} makes the whole site, as
 * {@code patella build} does on a fresh clone. Its figures against a cold build's say what the
 * JVM's start and its JIT warming up cost that build.
 *
 * <pre>
 * mvn -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java bench/Generate.java 4000 /tmp/gen
 * java -cp target/classes:$(cat target/cp.txt) bench/WarmBuild.java /tmp/gen/patella [BUILDS] [--full]
 * </pre>
 *
 * The project's {@code site/} and {@code .patella/} are written as a build writes them;
 * {@code content/pages/guide-1.md} gets a new sentence per build and is put back at the end.
 */
public final class WarmBuild {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/WarmBuild.java PROJECT [BUILDS] [--full]");
            System.exit(2);
        }
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        boolean full = args.length > 2 && args[2].equals("--full");
        Path page = project.resolve("content/pages/guide-1.md");
        String original = Files.readString(page);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var builder = full ? null : Builder.warm(System::nanoTime);
        var options = BuildOptions.defaults(project, LocalDate.now());
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try {
            for (int i = 0; i < builds; i++) {
                Files.writeString(page, original.replaceFirst("\n---\n", "\n---\nEdit number " + i + " of this page.\n\n"));
                if (full) {
                    // what a build makes: site/, its twin and manifest (.site.*) and its notes
                    try (Stream<Path> made = Files.list(project)) {
                        for (Path p : made.filter(WarmBuild::made).toList()) {
                            delete(p);
                        }
                    }
                }
                var one = full ? new Builder(System::nanoTime) : builder;
                long c = os.getProcessCpuTime();
                long w = System.nanoTime();
                var diagnostics = new Diagnostics();
                var result = one.build(options, diagnostics);
                if (full) {
                    one.settle();
                }
                wall.add((System.nanoTime() - w) / 1e6);
                cpu.add((os.getProcessCpuTime() - c) / 1e6);
                if (!result.published() || diagnostics.hasErrors()) {
                    throw new IllegalStateException("build " + i + " failed: " + diagnostics.sorted());
                }
            }
        } finally {
            Files.writeString(page, original);
            if (builder != null) {
                builder.settle();
            }
        }
        System.out.println("wall time of each build, ms: " + wall.stream().map(w -> String.valueOf(Math.round(w)))
                .collect(Collectors.joining(" ")));
        int half = builds / 2;
        System.out.printf(Locale.ROOT, "%s, median of the last %d of %d builds: wall %.1f ms, CPU %.1f ms%n",
                full ? "full build from nothing, warm JVM" : "one page edited, warm builder", builds - half, builds, median(wall.subList(half, builds)), median(cpu.subList(half, builds)));
    }

    private static boolean made(Path path) {
        String name = path.getFileName().toString();
        return name.equals("site") || name.equals(".patella") || name.startsWith(".site.");
    }

    private static void delete(Path path) throws Exception {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

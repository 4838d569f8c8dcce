import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a command's CPU time goes by thread, as the kernel counts it: runs the command, reads
 * {@code /proc/PID/task/<thread>/stat} of its process every 10 ms, and prints the CPU seconds of
 * the JIT compiler's threads, the garbage collector's and the VM's, the main thread and the rest
 * (Patella's worker pools). Unlike {@code -XX:+CITime}, which adds up how long each compilation
 * took from start to end, a compiler thread waiting for a core counts nothing here. Linux only;
 * the command must exec the JVM (bin/patella does), so that its process is the JVM's.
 *
 * <pre>java bench/ThreadCpu.java bin/patella build --project target/bench/site-250/patella</pre>
 */
public class ThreadCpu {
  public static void main(String[] args) throws Exception {
    Process process = new ProcessBuilder(List.of(args)).inheritIO()
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    long tick = 100; // USER_HZ, 100 on every Linux this runs on
    Map<String, Long> last = new HashMap<>(); // thread id -> name and ticks, as last read
    Map<String, String> names = new HashMap<>();
    while (process.isAlive()) {
      try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
        for (Path thread : threads) {
          try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            last.put(thread.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
            names.put(thread.getFileName().toString(), name);
          } catch (IOException | RuntimeException gone) {
            // the thread ended between the listing and the read
          }
        }
      } catch (IOException ended) {
        break;
      }
      Thread.sleep(10);
    }
    int code = process.waitFor();
    Map<String, Long> groups = new TreeMap<>();
    last.forEach((id, ticks) -> groups.merge(group(names.get(id)), ticks, Long::sum));
    long total = groups.values().stream().mapToLong(Long::longValue).sum();
    groups.forEach((group, ticks) -> System.out.printf("%-22s %6.2f s  %5.1f%%%n", group, ticks / (double) tick,
        100.0 * ticks / Math.max(1, total)));
    System.out.printf("%-22s %6.2f s  (exit %d; the last 10 ms of each thread may be missed)%n", "all threads",
        total / (double) tick, code);
  }

  private static String group(String name) {
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "JIT compiler";
    }
    if (name.contains("GC") || name.equals("VM Thread") || name.startsWith("VM ")) {
      return "GC and VM";
    }
    if (name.equals("java")) {
      return "main thread";
    }
    return "other (worker pools)";
  }
}

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints where the CPU samples of a JFR recording fall: the top methods and packages by self
 * time (the sampled frame) and by total time (anywhere on the sampled stack).
 *
 * <pre>java bench/JfrTop.java recording.jfr [TOP]</pre>
 */
public class JfrTop {
  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> selfMethod = new HashMap<>();
    Map<String, Integer> totalMethod = new HashMap<>();
    Map<String, Integer> selfPackage = new HashMap<>();
    Map<String, Integer> totalPackage = new HashMap<>();
    Map<String, Integer> callerPackage = new HashMap<>();
    Map<String, Integer> callerMethod = new HashMap<>();
    int samples = 0;
    java.time.Duration gc = java.time.Duration.ZERO;
    java.time.Duration compiling = java.time.Duration.ZERO;
    int compilations = 0;
    int collections = 0;
    Map<String, Long> allocated = new HashMap<>();
    long allocatedAll = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
        gc = gc.plus(event.getDuration("sumOfPauses"));
        collections++;
      } else if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")
          && event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty()) {
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        RecordedFrame caller = frames.stream().filter(f -> !jdk(pkg(f))).findFirst().orElse(frames.get(0));
        allocated.merge(method(caller), event.getLong("weight"), Long::sum);
        allocatedAll += event.getLong("weight");
      } else if (event.getEventType().getName().equals("jdk.Compilation")) {
        compiling = compiling.plus(event.getDuration());
        compilations++;
      }
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      Set<String> methods = new HashSet<>();
      Set<String> packages = new HashSet<>();
      for (RecordedFrame frame : frames) {
        if (!jdk(pkg(frame)) && !pkg(frame).equals("picocli")) {
          methods.add(method(frame));
        }
        packages.add(pkg(frame));
      }
      methods.forEach(m -> totalMethod.merge(m, 1, Integer::sum));
      packages.forEach(p -> totalPackage.merge(p, 1, Integer::sum));
      selfMethod.merge(method(frames.get(0)), 1, Integer::sum);
      selfPackage.merge(pkg(frames.get(0)), 1, Integer::sum);
      RecordedFrame caller = frames.stream().filter(f -> !jdk(pkg(f))).findFirst()
          .orElse(frames.get(0));
      callerPackage.merge(pkg(caller), 1, Integer::sum);
      callerMethod.merge(method(caller), 1, Integer::sum);
    }
    System.out.printf("%d CPU samples of Java code (every thread, JIT compiler threads not sampled)%n"
        + "%d garbage collections paused it %d ms in all; %d JIT compilations over the recording's"
        + " threshold took %d ms%n", samples, collections, gc.toMillis(), compilations, compiling.toMillis());
    print("self time by package", selfPackage, samples, top);
    print("self time by package, JDK frames charged to their first non-JDK caller",
        callerPackage, samples, top);
    print("total time by package", totalPackage, samples, top);
    print("self time by method", selfMethod, samples, top);
    print("self time by method, JDK frames charged to their first non-JDK caller",
        callerMethod, samples, top);
    print("total time by method (JDK and picocli frames left out)", totalMethod, samples, top);
    System.out.printf("%nallocation by method, JDK frames charged to their first non-JDK caller (%d MB sampled)%n",
        allocatedAll >> 20);
    final long all = allocatedAll;
    allocated.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
  }

  private static boolean jdk(String pkg) {
    return pkg.startsWith("java.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")
        || pkg.startsWith("javax.");
  }

  /** The class a frame runs in, a lambda's hidden class charged to the class that wrote it. */
  private static String type(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    int lambda = type.indexOf("$$Lambda");
    return lambda < 0 ? type : type.substring(0, lambda);
  }

  private static String method(RecordedFrame frame) {
    return type(frame) + "." + frame.getMethod().getName();
  }

  private static String pkg(RecordedFrame frame) {
    String type = type(frame);
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "(default)" : type.substring(0, dot);
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.printf("%n%s%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
  }
}

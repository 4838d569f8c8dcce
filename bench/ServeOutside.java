import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Save-to-served latency of running dev servers, measured from outside as a user sees it: write
 * one Markdown file with a new word in it, then ask for its page over HTTP until the page has the
 * word. Servers are measured in turn, edit after edit, so a busy moment of the machine falls on
 * all of them alike.
 *
 * <pre>java bench/ServeOutside.java RUNS NAME URL FILE [NAME URL FILE ...]</pre>
 *
 * URL is the page made from FILE. Prints, per server, the median, 90th percentile and largest
 * time over RUNS edits (after 5 to warm up), in milliseconds.
 */
public final class ServeOutside {

    private static final int WARM_UP = 5;
    /** The page is asked for again this long after an answer without the new word. */
    private static final Duration POLL = Duration.ofMillis(1);
    private static final Duration GIVE_UP = Duration.ofSeconds(20);
    /** The wait after an edit is shown before the next edit, of either server. */
    private static final Duration SETTLE = Duration.ofMillis(1000);

    record Server(String name, URI url, Path file, String original) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || (args.length - 1) % 3 != 0) {
            System.err.println("usage: java bench/ServeOutside.java RUNS NAME URL FILE [NAME URL FILE ...]");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        List<Server> servers = new ArrayList<>();
        for (int i = 1; i < args.length; i += 3) {
            Path file = Path.of(args[i + 2]);
            servers.add(new Server(args[i], URI.create(args[i + 1]), file, Files.readString(file)));
        }
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        servers.forEach(s -> times.put(s.name(), new ArrayList<>()));
        long salt = System.nanoTime() % 1_000_000;
        try {
            for (int i = 0; i < WARM_UP + runs; i++) {
                for (Server s : servers) {
                    String word = "Marker" + salt + "x" + i;
                    double ms = edit(client, s, word);
                    if (i >= WARM_UP) {
                        times.get(s.name()).add(ms);
                    }
                    // a server goes on working after the page shows the edit (patella serve: the search
                    // index and the site-wide checks): let it finish, so that it does not share the
                    // cores with the next server's edit
                    Thread.sleep(SETTLE.toMillis());
                }
            }
        } finally {
            for (Server s : servers) {
                Files.writeString(s.file(), s.original());
            }
        }
        for (Server s : servers) {
            System.out.println(s.name() + " " + stats(times.get(s.name())));
        }
    }

    /** Writes the file with {@code word} as its first paragraph; the milliseconds until the page shows it. */
    private static double edit(HttpClient client, Server s, String word) throws Exception {
        String text = s.original().replaceFirst("(?s)(\n---\n)", "$1" + word + ".\n\n");
        var request = HttpRequest.newBuilder(s.url()).header("Cache-Control", "no-cache").build();
        long start = System.nanoTime();
        Files.writeString(s.file(), text);
        while (true) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() == 200 && response.body().contains(word)) {
                return (now - start) / 1e6;
            }
            if (now - start > GIVE_UP.toNanos()) {
                throw new IllegalStateException(s.name() + ": " + s.url() + " did not show the edit within " + GIVE_UP);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String stats(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %7.1f ms   p90 %7.1f ms   max %7.1f ms   (%d edits)",
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}

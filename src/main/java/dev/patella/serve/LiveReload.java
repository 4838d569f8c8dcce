package dev.patella.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells open pages that the site changed, with Server-Sent Events: each page holds one
 * {@code /__patella/events} stream and reloads itself when the build it hears of changed its
 * own file, or when it cannot tell (it missed a build, the errors shown changed). Streams are written from the rebuild thread, so an open stream
 * holds no server thread.
 *
 * <p>At most {@link #MAX_CLIENTS} streams are kept, and a new one is never refused: when all are
 * taken, the streams of pages that were closed are found (their sockets fail when written to)
 * and let go, and if every one is still open the oldest is ended, so a client that opened
 * hundreds of streams, and dropped them or not, cannot keep an editor's page from reloading.
 * A page whose stream ends opens a new one a second later.
 */
final class LiveReload {

    static final String PREFIX = "/__patella/";
    static final String EVENTS = PREFIX + "events";
    static final String SCRIPT = PREFIX + "live.js";
    static final String STYLE = PREFIX + "live.css";
    /** More open pages than any editor has, so a runaway client cannot pile up streams without bound. */
    static final int MAX_CLIENTS = 256;

    static final byte[] SCRIPT_BYTES = resource("live.js");
    static final byte[] STYLE_BYTES = resource("live.css");

    /** How many of the last builds' changes are remembered for pages that open their stream late. */
    static final int REMEMBERED = 64;

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** The last builds announced, by build: the build each followed and what changed (guarded by itself). */
    private final Map<Long, Announced> recent = new HashMap<>();
    /** The build announced last; 0 before the first. */
    private long latest;

    private record Announced(long after, Optional<List<String>> changed) {
    }

    private record Client(HttpExchange exchange, OutputStream out) {
    }

    /**
     * Opens an event stream on {@code exchange} and sends it the build the server shows. A page
     * shown from build {@code since} (it opens its stream after loading, and a build may have come
     * meanwhile) is sent that build as an announcement after {@code since}, with every file changed
     * in between, when the builds since are still remembered: a page that was not changed stays.
     */
    void open(HttpExchange exchange, OptionalLong since) throws IOException {
        makeRoom();
        var headers = exchange.getResponseHeaders();
        Responses.secure(headers);
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        var client = new Client(exchange, exchange.getResponseBody());
        synchronized (recent) { // no announcement between what this stream is told and its joining the others
            if (send(client, "retry: 1000\nevent: build\ndata: " + catchUp(since) + "\n\n")) {
                clients.add(client);
            }
        }
    }

    /**
     * Tells every open page which build the server now shows: {@code build}, then {@code after},
     * the build it follows, then the site paths whose files changed between the two, or {@code *}
     * when every page must reload. A page shown from {@code after} that is not among those paths
     * stays as it is (see {@code live.js}); any other reloads.
     *
     * @param changed the site paths that changed ({@code guide-1/index.html}); empty for every page
     */
    void announce(long build, long after, Optional<List<String>> changed) {
        synchronized (recent) {
            recent.put(build, new Announced(after, changed));
            recent.keySet().removeIf(b -> b <= build - REMEMBERED);
            latest = build;
            broadcast("event: build\ndata: " + said(build, after, changed) + "\n\n");
        }
    }

    /** The build shown now, as news to a page shown from {@code since} when the builds between are remembered. */
    private String catchUp(OptionalLong since) {
        if (since.isEmpty() || since.getAsLong() >= latest) {
            return String.valueOf(latest);
        }
        Set<String> paths = new TreeSet<>();
        boolean every = false;
        long at = latest;
        while (at > since.getAsLong()) {
            Announced step = recent.get(at);
            if (step == null || step.after() >= at) {
                return String.valueOf(latest);
            }
            every |= step.changed().isEmpty();
            step.changed().ifPresent(paths::addAll);
            at = step.after();
        }
        return at != since.getAsLong() ? String.valueOf(latest)
                : said(latest, at, every ? Optional.empty() : Optional.of(List.copyOf(paths)));
    }

    private static String said(long build, long after, Optional<List<String>> changed) {
        String paths = changed.map(list -> String.join(" ", list)).orElse("*");
        return build + " " + after + (paths.isEmpty() ? "" : " " + paths);
    }

    /** Keeps idle streams open through proxies and finds pages that were closed. */
    void ping() {
        broadcast(": ping\n\n");
    }

    /**
     * Frees a place when all are taken: first the streams of closed pages, then the oldest. A
     * write to a socket the page closed is taken by the system and answered with a reset, so it
     * is the second write that fails: closed pages are pinged twice.
     */
    private synchronized void makeRoom() {
        for (int round = 0; round < 2 && clients.size() >= MAX_CLIENTS; round++) {
            ping();
        }
        while (clients.size() >= MAX_CLIENTS) {
            drop(clients.get(0));
        }
    }

    int clients() {
        return clients.size();
    }

    /** Ends every stream. */
    void closeAll() {
        for (Client client : clients) {
            drop(client);
        }
    }

    private void broadcast(String event) {
        for (Client client : clients) {
            if (!send(client, event)) {
                drop(client);
            }
        }
    }

    private static boolean send(Client client, String event) {
        try {
            synchronized (client) {
                client.out.write(event.getBytes(StandardCharsets.UTF_8));
                client.out.flush();
            }
            return true;
        } catch (IOException e) {
            return false; // the page was closed
        }
    }

    private void drop(Client client) {
        clients.remove(client);
        client.exchange.close();
    }

    private static byte[] resource(String name) {
        try (InputStream in = LiveReload.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

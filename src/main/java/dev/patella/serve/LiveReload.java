package dev.patella.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells open pages that the site changed, with Server-Sent Events: each page holds one
 * {@code /__patella/events} stream and reloads itself when the build id it hears differs from
 * the one it was served with. Streams are written from the rebuild thread, so an open stream
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

    private final List<Client> clients = new CopyOnWriteArrayList<>();

    private record Client(HttpExchange exchange, OutputStream out) {
    }

    /** Opens an event stream on {@code exchange} and sends it the current build id. */
    void open(HttpExchange exchange, long build) throws IOException {
        makeRoom();
        var headers = exchange.getResponseHeaders();
        Responses.secure(headers);
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        var client = new Client(exchange, exchange.getResponseBody());
        if (send(client, "retry: 1000\nevent: build\ndata: " + build + "\n\n")) {
            clients.add(client);
        }
    }

    /** Tells every open page which build the server now shows. */
    void announce(long build) {
        broadcast("event: build\ndata: " + build + "\n\n");
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

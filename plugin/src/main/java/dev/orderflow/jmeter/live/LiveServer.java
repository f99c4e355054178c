package dev.orderflow.jmeter.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The live view's web server, on the JDK's own HTTP server: the page, its script and the charting library from the
 * plugin jar, and {@code /events}, a stream of server-sent events. Read-only: it answers GET and HEAD only and
 * serves nothing but the run's figures.
 *
 * <p>A browser that connects gets the run so far first (so a page opened late or reloaded catches up from the
 * run's start), then one event per second. Each browser holds one of a few daemon threads while connected.
 */
final class LiveServer implements AutoCloseable {

    /** Browsers watching at once: each holds a thread; more are told to come back later. */
    static final int MAX_WATCHERS = 8;
    private static final int QUEUED_EVENTS = 64;
    private static final String RESOURCES = "/dev/orderflow/jmeter/live/";

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/live.js", "live.js",
            "/live.css", "live.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Supplier<String> catchUp;
    private final Set<BlockingQueue<String>> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger watching = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Starts serving at once.
     *
     * @param catchUp the event a new browser gets first: the run so far
     */
    LiveServer(LiveViewSettings settings, Supplier<String> catchUp) throws IOException {
        this.catchUp = catchUp;
        server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 16);
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(MAX_WATCHERS + 2, task -> {
            Thread thread = new Thread(task, "orderflow-live-view-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    /** Sends an event to every browser watching; one that cannot keep up is dropped and reconnects. */
    void broadcast(String event, String json) {
        String message = "event: " + event + "\ndata: " + json + "\n\n";
        for (BlockingQueue<String> queue : watchers) {
            if (!queue.offer(message)) {
                watchers.remove(queue);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "read-only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("/events".equals(path)) {
                stream(exchange);
            } else if (FILES.containsKey(path)) {
                String file = FILES.get(path);
                send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), resource(RESOURCES + file));
            } else if ("/uPlot.iife.min.js".equals(path) || "/uPlot.min.css".equals(path)) {
                send(exchange, 200, path.endsWith(".js") ? TYPES.get("js") : TYPES.get("css"),
                        resource(ChartLibrary.path(path.substring(1))));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = LiveServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the plugin jar lacks " + path);
            }
            return in.readAllBytes();
        }
    }

    /** One browser's event stream: the run so far, then every event until it leaves or the view closes. */
    private void stream(HttpExchange exchange) throws IOException {
        if (watching.incrementAndGet() > MAX_WATCHERS || closed) {
            watching.decrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "5");
            send(exchange, 503, "text/plain; charset=utf-8", "too many watchers\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUED_EVENTS);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            // joined before the catch-up is taken: no event between the two is lost (the page skips repeats)
            watchers.add(queue);
            write(out, "retry: 2000\nevent: catchup\ndata: " + catchUp.get() + "\n\n");
            while (!closed && watchers.contains(queue)) {
                String message = queue.poll(1, TimeUnit.SECONDS);
                if (message != null) {
                    write(out, message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the browser left: nothing to tell anyone
        } finally {
            watchers.remove(queue);
            watching.decrementAndGet();
        }
    }

    private static void write(OutputStream out, String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}

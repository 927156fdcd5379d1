package io.hookline.publish.emulated;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP proxy between a publishing process and a platform emulator that can hold one chosen request, so a
 * test can kill the process at that protocol step: before the request reaches the platform (the platform
 * never saw it), or after the platform answered (it acted, the answer never arrives). A request is named by
 * its method, the last segment of its path and its {@code command} parameter if any: {@code POST upload
 * APPEND}, {@code POST tweets}, {@code POST sendVideo}; the n-th request of a name is the step.
 */
public final class KillingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private String holdName;
    private int holdOccurrence;
    private boolean holdAfter;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public KillingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Holds the {@code occurrence}-th request named {@code name}, before or after the platform answers it. */
    public synchronized KillingProxy hold(String name, int occurrence, boolean afterPlatform) {
        holdName = name;
        holdOccurrence = occurrence;
        holdAfter = afterPlatform;
        return this;
    }

    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held request go, closing its connection unanswered, and holds nothing more. */
    public synchronized void release() {
        holdName = null;
        released.countDown();
    }

    /** Every request's name, in order, for messages. */
    public synchronized List<String> names() {
        return List.copyOf(names);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean hold = isHeld(exchange);
            if (hold && !holdAfter) {
                waitForKill();
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (hold) {
                waitForKill();
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private synchronized boolean isHeld(HttpExchange exchange) {
        String name = name(exchange);
        names.add(name);
        int occurrence = seen.merge(name, 1, Integer::sum);
        return name.equals(holdName) && occurrence == holdOccurrence;
    }

    private void waitForKill() throws InterruptedException {
        held.countDown();
        released.await(120, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String name(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String query = exchange.getRequestURI().getQuery();
        String command = "";
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("command=")) {
                    command = " " + pair.substring("command=".length());
                }
            }
        }
        return exchange.getRequestMethod() + " " + last + command;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}

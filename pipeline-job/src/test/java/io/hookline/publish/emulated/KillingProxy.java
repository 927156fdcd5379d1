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
import java.nio.charset.StandardCharsets;
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
 * An HTTP proxy between a publishing process and a platform (an emulator, or any receiver) that can hold one
 * chosen request, so a test can kill the process at that protocol step: before the request reaches the
 * platform (the platform never saw it), or after the platform answered (it acted, the answer never arrives).
 * The step is the n-th request of all, or the n-th of a name: the method, the last segment of the path and
 * its {@code command} parameter if any ({@code POST upload APPEND}, {@code POST tweets}, {@code POST
 * sendVideo}). Absolute URLs the platform hands out (an upload session, an upload URL) are rewritten to the
 * proxy's, so every later step passes through it too.
 */
public final class KillingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself, and hop-by-hop ones a proxy must not pass on. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive", "date");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private String holdName;
    private int holdOccurrence;
    private boolean holdAfter;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public KillingProxy(URI target) throws IOException {
        this.target = target.toString().replaceAll("/+$", "");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The proxy's root: give it to the publisher in place of the platform's. */
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

    /** Holds request number {@code request} (1 is the first) of any name. */
    public KillingProxy holdAt(int request, boolean afterPlatform) {
        return hold(null, request, afterPlatform);
    }

    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held request go, closing its connection unanswered, and holds nothing more. */
    public synchronized void release() {
        holdName = null;
        holdOccurrence = 0;
        released.countDown();
    }

    /** Every request's name, in order, for messages. */
    public synchronized List<String> names() {
        return List.copyOf(names);
    }

    /** Every request as {@code METHOD /path}, in order. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean hold;
            synchronized (this) {
                hold = isHeld(exchange);
            }
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
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, rewrite(v)));
                }
            });
            byte[] answered = rewrite(answer.body());
            exchange.sendResponseHeaders(answer.statusCode(), answered.length == 0 ? -1 : answered.length);
            if (answered.length > 0) {
                exchange.getResponseBody().write(answered);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private boolean isHeld(HttpExchange exchange) {
        String name = name(exchange);
        names.add(name);
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        int occurrence = seen.merge(name, 1, Integer::sum);
        if (holdOccurrence == 0) {
            return false;
        }
        return holdName == null
                ? requests.size() == holdOccurrence
                : name.equals(holdName) && occurrence == holdOccurrence;
    }

    private void waitForKill() throws InterruptedException {
        held.countDown();
        released.await(120, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String rewrite(String text) {
        return text.replace(target, url().toString());
    }

    private byte[] rewrite(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(target) ? rewrite(text).getBytes(StandardCharsets.UTF_8) : body;
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

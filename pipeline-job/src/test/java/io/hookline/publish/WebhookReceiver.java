package io.hookline.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint as a receiver would write one: it checks the HMAC signature of every body, dedupes on the
 * Idempotency-Key, and records each post. It can answer a request with a scripted status (429 with
 * Retry-After, 503) and can hold a request unanswered, so a test kills the publisher at that moment.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(String idempotencyKey, JsonNode metadata, int fileBytes, boolean signatureValid) {}

    private final HttpServer server;
    private final byte[] secret;
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Delivery> posts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final ConcurrentLinkedDeque<Integer> scripted = new ConcurrentLinkedDeque<>();
    private volatile IntFunction<Boolean> holdRequest = n -> false;
    private volatile boolean holdAfterRecording;
    final CountDownLatch held = new CountDownLatch(1);

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-receiver");
            thread.setDaemon(true); // a held request must not keep the test JVM alive
            return thread;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next answers, before any post is taken: e.g. 429, 503. */
    void answerFirst(Integer... statuses) {
        scripted.addAll(List.of(statuses));
    }

    /**
     * Holds the n-th request (1-based) that {@code which} picks, never answering it: before reading its body,
     * or after recording the post when {@code afterRecording}.
     */
    void hold(IntFunction<Boolean> which, boolean afterRecording) {
        holdRequest = which;
        holdAfterRecording = afterRecording;
    }

    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        boolean hold = holdRequest.apply(n);
        if (hold && !holdAfterRecording) {
            held.countDown();
            sleepForever();
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Integer status = scripted.poll();
        if (status != null) {
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "2");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String signature = exchange.getRequestHeaders().getFirst("X-Hookline-Signature");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Delivery delivery = parse(key, body, contentType, signature);
        deliveries.add(delivery);
        if (!delivery.signatureValid()) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        posts.putIfAbsent(key, delivery); // the receiver's dedupe on the idempotency key
        if (hold) {
            held.countDown();
            sleepForever();
        }
        byte[] answer = JSON.createObjectNode()
                .put("id", "post-" + key.hashCode())
                .put("url", url() + "/posts/" + Math.abs(key.hashCode()))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private Delivery parse(String key, byte[] body, String contentType, String signature) throws IOException {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String[] parts = text.split(java.util.regex.Pattern.quote(boundary));
        JsonNode metadata = null;
        int fileBytes = -1;
        for (String part : parts) {
            int blank = part.indexOf("\r\n\r\n");
            if (blank < 0) {
                continue;
            }
            String content = part.substring(blank + 4, part.length() - 2);
            if (part.contains("name=\"metadata\"")) {
                metadata = JSON.readTree(content.getBytes(StandardCharsets.ISO_8859_1));
            } else if (part.contains("name=\"file\"")) {
                fileBytes = content.length();
            }
        }
        return new Delivery(key, metadata, fileBytes, signature != null && signature.equals(sign(body)));
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The posts, one per idempotency key, in the order they first arrived. */
    List<Delivery> posts() {
        synchronized (posts) {
            return List.copyOf(posts.values());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

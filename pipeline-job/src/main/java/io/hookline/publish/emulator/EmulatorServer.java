package io.hookline.publish.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One platform's emulator: a JDK HTTP server on a loopback ephemeral port that counts requests, injects the
 * planned faults, serves the post records under {@code /_emulator/posts}, and hands everything else to the
 * platform's handler. Handlers run one at a time (bodies are read before), so platform state needs no
 * further locking.
 */
public abstract class EmulatorServer implements AutoCloseable {
    private static final String POSTS = "/_emulator/posts";

    private final String platform;
    protected final Clock clock;
    private final PostLog posts = new PostLog();
    private final FaultPlan faults = new FaultPlan();
    private final AtomicLong ids = new AtomicLong(1000);
    private HttpServer server;
    private ExecutorService executor;

    protected EmulatorServer(String platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** The platform's handler; throws {@link Refusal} for what the platform refuses. */
    abstract Reply handle(EmulatorRequest request);

    /** The platform's error body for a status, a platform error code and a message. */
    abstract Reply error(int status, String code, String message);

    public synchronized EmulatorServer start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, platform + "-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    public String platform() {
        return platform;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public PostLog posts() {
        return posts;
    }

    public FaultPlan faults() {
        return faults;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    String newId(String prefix) {
        return prefix + ids.incrementAndGet();
    }

    PostRecord record(String postId, String account, Media media, Map<String, String> metadata) {
        return record(postId, account, media.sha256(), media.size(), metadata);
    }

    PostRecord record(String postId, String account, String sha256, long bytes, Map<String, String> metadata) {
        PostRecord post = new PostRecord(
                platform, postId, account, sha256, bytes, metadata, clock.instant(), baseUrl() + POSTS + "/" + postId);
        posts.add(post);
        return post;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(POSTS)) {
                send(exchange, postsReply(path));
                return;
            }
            Optional<Fault> fault = faults.next();
            if (fault.equals(Optional.of(Fault.DROPPED_CONNECTION))) {
                readHalf(exchange);
                return; // closing an exchange that sent no headers closes the connection
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (fault.isPresent()) {
                send(exchange, faultReply(fault.get()));
                return;
            }
            EmulatorRequest request = new EmulatorRequest(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body);
            send(exchange, answer(request));
        } finally {
            exchange.close();
        }
    }

    private Reply answer(EmulatorRequest request) {
        try {
            synchronized (this) {
                return handle(request);
            }
        } catch (Refusal refusal) {
            return error(refusal.status, refusal.code, refusal.getMessage());
        } catch (RuntimeException bug) {
            return error(500, "emulator_error", bug.toString()); // an emulator bug, not a platform answer
        }
    }

    private Reply faultReply(Fault fault) {
        if (fault == Fault.TOO_MANY_REQUESTS) {
            return error(429, "rate_limit_exceeded", "Too many requests (injected)")
                    .withHeader("Retry-After", Long.toString(faults.retryAfter().toSeconds()));
        }
        return error(503, "backend_error", "Service unavailable (injected)");
    }

    private static void readHalf(HttpExchange exchange) throws IOException {
        long length = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Length"))
                .map(Long::parseLong)
                .orElse(0L);
        InputStream in = exchange.getRequestBody();
        in.readNBytes((int) Math.min(length / 2, Integer.MAX_VALUE));
    }

    private Reply postsReply(String path) {
        if (path.equals(POSTS)) {
            List<Map<String, Object>> counts = posts.counts().entrySet().stream()
                    .map(e -> Json.obj(
                            "account",
                            e.getKey().account(),
                            "mediaSha256",
                            e.getKey().mediaSha256(),
                            "posts",
                            e.getValue()))
                    .toList();
            return Reply.json(
                    200,
                    Json.obj(
                            "platform",
                            platform,
                            "posts",
                            posts.all().stream().map(EmulatorServer::asJson).toList(),
                            "counts",
                            counts));
        }
        PostRecord post = posts.byId().get(path.substring(POSTS.length() + 1));
        return post == null ? Reply.json(404, Json.obj("error", "no such post")) : Reply.json(200, asJson(post));
    }

    private static Map<String, Object> asJson(PostRecord post) {
        return Json.obj(
                "platform",
                post.platform(),
                "postId",
                post.postId(),
                "account",
                post.account(),
                "mediaSha256",
                post.mediaSha256(),
                "mediaBytes",
                post.mediaBytes(),
                "metadata",
                post.metadata(),
                "postedAt",
                post.postedAt().toString(),
                "url",
                post.url());
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(reply.body());
        }
    }
}

package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Kills {@code ./hookline publish} (SIGKILL, in a child JVM) at a chosen request to a platform. The harness is
 * an HTTP proxy in front of the platform (an emulator, or any receiver) that numbers the requests and holds the
 * chosen one, either before forwarding it (the platform never sees that step) or after the platform answered
 * (the step happened, the publisher never heard of it). Absolute URLs the platform hands out (an upload
 * session, an upload URL) are rewritten to the proxy's, so every later step passes through it too. A test
 * starts the run, waits until the request is held, kills the child, {@link #release}s and runs again.
 */
public final class CrashHarness implements AutoCloseable {
    /** Headers the JDK client sets itself, and hop-by-hop ones a proxy must not pass on. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive", "date");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "crash-harness");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger count = new AtomicInteger();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int holdAt = -1;
    private volatile boolean afterForwarding;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private CrashHarness(URI target) throws IOException {
        this.target = target.toString().replaceAll("/+$", "");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A proxy in front of {@code target} (scheme, host and port). */
    public static CrashHarness inFrontOf(URI target) throws IOException {
        return new CrashHarness(target);
    }

    /** The proxy's root: give it to the publisher in place of the platform's. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Holds request number {@code request} (1 is the first), before forwarding it or after its answer. */
    public CrashHarness holdAt(int request, boolean afterForwarding) {
        this.afterForwarding = afterForwarding;
        this.holdAt = request;
        return this;
    }

    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets go of the held request (unanswered) and holds no other. */
    public void release() {
        holdAt = -1;
        released.countDown();
    }

    /** Every request so far, as {@code METHOD /path}, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            int number = count.incrementAndGet();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            boolean hold = number == holdAt;
            if (hold && !afterForwarding) {
                holdUntilReleased();
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange);
            if (hold) {
                holdUntilReleased();
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, rewrite(v)));
                }
            });
            byte[] body = rewrite(answer.body());
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void holdUntilReleased() throws InterruptedException {
        held.countDown();
        released.await(5, TimeUnit.MINUTES);
    }

    private String rewrite(String text) {
        return text.replace(target, url().toString());
    }

    private byte[] rewrite(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(target) ? rewrite(text).getBytes(StandardCharsets.UTF_8) : body;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Starts {@code ./hookline publish MATCH --destinations PROFILES ARGS...} in a child JVM with {@code env}
     * added to its environment; its output and errors go to {@code log}.
     */
    public static Process publish(Path matchDir, Path profiles, Path log, Map<String, String> env, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "publish", matchDir.toString(), "--destinations", profiles.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** {@code ./hookline publish status MATCH}, in this JVM; fails unless it exits 0. */
    public static String status(Path matchDir) {
        StringWriter text = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(text, true));
        cli.setErr(new PrintWriter(text, true));
        int exit = cli.execute("publish", "status", matchDir.toString());
        assertThat(exit).as(text.toString()).isZero();
        return text.toString();
    }

    /** No file under {@code dir} (logs, the ledger's database) holds {@code secret}. */
    public static void assertNoFileHolds(Path dir, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString())
                        .doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        }
    }

    /**
     * A copy of the shipped profiles whose only destination is {@code destinationYaml} (the lines under
     * {@code destinations:}), with a {@code tiktok-clean} rendition: TikTok's without branding or outro card.
     */
    public static Path profiles(Path into, String destinationYaml) throws IOException {
        Path shipped = Path.of("../clip-profiles").toAbsolutePath().normalize();
        for (String dir : List.of("profiles", "rules", "graphics", "schema")) {
            copyTree(shipped.resolve(dir), into.resolve(dir));
        }
        Files.writeString(into.resolve("graphics/clean.yaml"), String.join("\n",
                "templates:",
                "  clean:",
                "    extends: vertical",
                "    branding:",
                "      enabled: false",
                "    outro:",
                "      enabled: false",
                ""));
        Files.writeString(into.resolve("profiles/tiktok-clean.yaml"), String.join("\n",
                "renditions:",
                "  tiktok-clean:",
                "    extends: tiktok",
                "    description: TikTok without branding",
                "    graphics: clean",
                ""));
        Files.createDirectories(into.resolve("destinations"));
        Files.writeString(into.resolve("destinations/test.yaml"), "destinations:\n" + destinationYaml);
        return into;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
    }
}

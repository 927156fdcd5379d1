package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PlannedPublish;
import io.hookline.publish.ledger.PublishKey;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishState;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's defences against a real server over HTTP: ids in URLs, CSRF, roles, logging in beyond
 * loopback, and range requests for videos.
 */
class ConsoleSecurityTest {
    private static final String SECRET = "the contents of a file outside every match";
    private static final String MATCH = "m1";
    private static final PublishKey KEY = new PublishKey("c0001", "profile-1", "club-site");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf\" content=\"([^\"]+)\">");

    @TempDir
    Path dir;

    Path out;
    byte[] video;

    @BeforeEach
    void aMatchALedgerAndASecret() throws Exception {
        out = dir.resolve("out");
        ConsoleFixtures.writeManifest(out, MATCH, 3, 2, 3, false, null);
        video = new byte[4096];
        for (int i = 0; i < video.length; i++) {
            video[i] = (byte) (i * 7);
        }
        Files.write(Files.createDirectories(out.resolve(MATCH + "/clips/c0001")).resolve("profile-0.mp4"), video);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(out.resolve("secret.txt"), SECRET);
        try (PublishLedger ledger = ledger()) {
            ledger.plan(new PlannedPublish(KEY, MATCH, 1, 2.0));
            ledger.requestApproval(KEY, 1, "publisher");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/matches/..%2F..%2Fsecret.txt",
                "/matches/%2e%2e",
                "/matches/%2E%2E%2Fsecret.txt",
                "/matches/%252e%252e%252fsecret.txt",
                "/matches/..%5csecret.txt",
                "/matches/.hidden",
                "/matches/m1%00",
                "/media/%2e%2e/c0001/profile-0",
                "/media/m1/..%2f..%2fsecret.txt/profile-0",
                "/media/m1/c0001/..%252fsecret.txt",
                "/media/m1/c0001/%2e%2e%2f%2e%2e%2fsecret.txt/poster",
                "/profiles/stills/..%2f..%2fsecret.txt",
                "/profiles/stills/%2e%2e",
                "/events/matches/..%2fsecret.txt",
                "/matches/..;/secret.txt",
                "/matches/%C0%AE%C0%AE"
            })
    void pathTraversalInIdsIsRefused(String path) throws Exception {
        try (ConsoleServer server =
                ConsoleServer.start(ConsoleFixtures.settings(out, null, "127.0.0.1", List.of(), dir.resolve("work")))) {
            HttpResponse<String> response = client().send(
                            HttpRequest.newBuilder(URI.create(base(server) + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).doesNotContain(SECRET);
        }
    }

    @Test
    void anIdReachingTheConsoleIsCheckedByName() throws Exception {
        try (ConsoleServer server =
                ConsoleServer.start(ConsoleFixtures.settings(out, null, "127.0.0.1", List.of(), dir.resolve("work")))) {
            HttpResponse<String> response = client().send(
                            HttpRequest.newBuilder(URI.create(base(server) + "/matches/%252e%252e"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("match id is not a valid name");
        }
    }

    @Test
    void anActionWithoutItsCsrfTokenIsRefused() throws Exception {
        try (ConsoleServer server =
                ConsoleServer.start(ConsoleFixtures.settings(out, null, "127.0.0.1", List.of(), dir.resolve("work")))) {
            HttpClient client = client();
            String token = csrf(get(client, base(server) + "/publishing").body());
            assertThat(post(client, base(server) + "/publishing/approve", decision(null))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(post(client, base(server) + "/publishing/approve", decision("forged"))
                            .statusCode())
                    .isEqualTo(403);
            // Another browser's session has its own token: this one's is worth nothing there.
            HttpClient other = client();
            get(other, base(server) + "/publishing");
            assertThat(post(other, base(server) + "/publishing/approve", decision(token))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(state()).isEqualTo(PublishState.AWAITING_APPROVAL);

            assertThat(post(client, base(server) + "/publishing/approve", decision(token))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(state()).isEqualTo(PublishState.PLANNED);
        }
    }

    @Test
    void aViewerCannotApprove() throws Exception {
        try (ConsoleServer server = ConsoleServer.start(
                ConsoleFixtures.settings(out, users(), "127.0.0.1", List.of(), dir.resolve("work")))) {
            HttpClient vera = client();
            String token = login(vera, server, "vera", "viewer-password");
            HttpResponse<String> refused = post(vera, base(server) + "/publishing/approve", decision(token));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("vera is not a publisher");
            assertThat(get(vera, base(server) + "/publishing").body())
                    .doesNotContain("button type=\"submit\" class=\"approve\"");
            assertThat(state()).isEqualTo(PublishState.AWAITING_APPROVAL);

            HttpClient paul = client();
            String paulsToken = login(paul, server, "paul", "publisher-password");
            assertThat(post(paul, base(server) + "/publishing/approve", decision(paulsToken))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(state()).isEqualTo(PublishState.PLANNED);
            try (PublishLedger ledger = ledger()) {
                assertThat(ledger.get(KEY).orElseThrow().decidedBy()).isEqualTo("paul");
            }
        }
    }

    @Test
    void withoutUsersTheConsoleListensOnlyOnLoopback() {
        assertThatThrownBy(() -> ConsoleServer.start(
                        ConsoleFixtures.settings(out, null, "0.0.0.0", List.of(), dir.resolve("work"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--users");
    }

    @Test
    void onANonLocalAddressNoPageOpensWithoutLoggingIn() throws Exception {
        try (ConsoleServer server = ConsoleServer.start(
                ConsoleFixtures.settings(out, users(), "0.0.0.0", List.of(), dir.resolve("work")))) {
            HttpClient client = client();
            for (String page : List.of(
                    "/",
                    "/matches/" + MATCH,
                    "/media/" + MATCH + "/c0001/profile-0",
                    "/publishing",
                    "/profiles",
                    "/submit",
                    "/profiles/stills/x.png")) {
                HttpResponse<String> response = get(client, base(server) + page);
                assertThat(response.statusCode()).as(page).isEqualTo(303);
                assertThat(response.headers().firstValue("Location"))
                        .as(page)
                        .hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
                assertThat(response.body()).doesNotContain(MATCH);
            }
            assertThat(get(client, base(server) + "/events/matches").statusCode())
                    .isEqualTo(401);
            String token = csrf(get(client, base(server) + "/login").body());
            assertThat(post(client, base(server) + "/login", "user=paul&password=wrong&_csrf=" + token)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(get(client, base(server) + "/").statusCode()).isEqualTo(303);

            login(client, server, "paul", "publisher-password");
            HttpResponse<String> matches = get(client, base(server) + "/");
            assertThat(matches.statusCode()).isEqualTo(200);
            assertThat(matches.body()).contains(MATCH);
            // The users file's hashes are shown nowhere.
            for (String page : List.of("/", "/matches/" + MATCH, "/publishing", "/profiles", "/submit")) {
                assertThat(get(client, base(server) + page).body()).as(page).doesNotContain("pbkdf2");
            }
        }
    }

    @Test
    void repeatedWrongPasswordsAreThrottledEvenBeforeTheRightOne() throws Exception {
        try (ConsoleServer server = ConsoleServer.start(
                ConsoleFixtures.settings(out, users(), "0.0.0.0", List.of(), dir.resolve("work")))) {
            HttpClient client = client();
            String token = csrf(get(client, base(server) + "/login").body());
            for (int i = 0; i < LoginThrottle.FREE; i++) {
                assertThat(post(client, base(server) + "/login", "user=paul&password=guess" + i + "&_csrf=" + token)
                                .statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> throttled =
                    post(client, base(server) + "/login", "user=paul&password=publisher-password&_csrf=" + token);

            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 30));
            assertThat(throttled.body()).contains("Too many failed logins: try again in");
            assertThat(get(client, base(server) + "/").statusCode())
                    .as("still not logged in")
                    .isEqualTo(303);
        }
    }

    @Test
    void aUsersFileWithAPlainPasswordIsRefused() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "paul publisher hunter22\n");
        assertThatThrownBy(() -> Users.load(file))
                .hasMessageContaining(file + ":1: the password of paul is not a pbkdf2-sha256 hash");
    }

    @Test
    void aVideoIsServedInRanges() throws Exception {
        try (ConsoleServer server =
                ConsoleServer.start(ConsoleFixtures.settings(out, null, "127.0.0.1", List.of(), dir.resolve("work")))) {
            HttpResponse<byte[]> part = client().send(
                            HttpRequest.newBuilder(URI.create(base(server) + "/media/" + MATCH + "/c0001/profile-0"))
                                    .header("Range", "bytes=100-1123")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-1123/4096");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 100, 1124));
        }
    }

    private Users users() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(
                file,
                "# console users\n"
                        + "vera viewer " + PasswordHash.hash("viewer-password".toCharArray()) + "\n"
                        + "paul publisher " + PasswordHash.hash("publisher-password".toCharArray()) + "\n");
        return Users.load(file);
    }

    private static String login(HttpClient client, ConsoleServer server, String user, String password)
            throws Exception {
        String token = csrf(get(client, base(server) + "/login").body());
        HttpResponse<String> in = post(
                client,
                base(server) + "/login",
                "user=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                        + token);
        assertThat(in.statusCode()).isEqualTo(303);
        // A login starts a new session, with a new token.
        String after = csrf(get(client, base(server) + "/").body());
        assertThat(after).isNotEqualTo(token);
        return after;
    }

    private static String decision(String token) {
        return "clip=" + KEY.clipId() + "&rendition=" + KEY.rendition() + "&destination=" + KEY.destination()
                + "&version=2" + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private PublishState state() {
        try (PublishLedger ledger = ledger()) {
            return ledger.get(KEY).orElseThrow().state();
        }
    }

    private PublishLedger ledger() {
        return JdbcPublishLedger.open(LedgerDatabase.h2File(out.resolve(".publish/ledger")), Clock.systemUTC());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String base(ConsoleServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.storage.LocalClipStore;
import io.hookline.storage.ProfileStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Profiles page says what the live job writing to the console's output did with its profile store: the
 * version it plans with, and a version it refused with every problem (file:line:column).
 */
class ConsoleProfileStatusTest {
    @TempDir
    Path dir;

    Path out;

    @BeforeEach
    void aMatch() throws Exception {
        out = dir.resolve("out");
        ConsoleFixtures.writeManifest(out, "m1", 2, 1, 2, true, null);
    }

    @Test
    void theProfilesPageShowsTheVersionTheRunningJobRefusedAndWhy() throws Exception {
        new LocalClipStore(out)
                .write(
                        ProfileStatus.KEY,
                        new ProfileStatus(
                                        "s3://profiles/live",
                                        "0669d77791db",
                                        "badbadbadbad",
                                        List.of(
                                                "profiles/small.yaml:18:30: video.width: expected a whole number, got 'wide'"),
                                        "2026-12-07T02:44:00Z")
                                .json());

        try (ConsoleServer server = start()) {
            String page = get(server, "/profiles");
            assertThat(page)
                    .contains("The running job refused version <code class=\"refused-version\">badbadbadbad</code>")
                    .contains(
                            "<code>profiles/small.yaml:18:30: video.width: expected a whole number, got &#39;wide&#39;</code>")
                    .contains("plans new clips with version <code class=\"running-version\">0669d77791db</code>")
                    .contains("s3://profiles/live");
            assertThat(get(server, "/"))
                    .as("the status folder is not a match")
                    .contains("m1")
                    .doesNotContain("_profiles");
        }
    }

    @Test
    void withoutAStatusThePageHasNoRunningJobSection() throws Exception {
        try (ConsoleServer server = start()) {
            assertThat(get(server, "/profiles")).doesNotContain("The running job");
        }
    }

    private ConsoleServer start() throws Exception {
        return ConsoleServer.start(ConsoleFixtures.settings(out, null, "127.0.0.1", List.of(), dir.resolve("work")));
    }

    private static String get(ConsoleServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}

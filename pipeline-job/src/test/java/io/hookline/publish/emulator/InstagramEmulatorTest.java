package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.body;
import static io.hookline.publish.emulator.EmulatorHttp.json;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.testing.SteppingClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstagramEmulatorTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-10T12:00:00Z"));
    private InstagramEmulator instagram;

    @BeforeEach
    void start() throws Exception {
        instagram = new InstagramEmulator(clock, "secret").processingDelay(Duration.ofSeconds(30));
        instagram.start();
    }

    @AfterEach
    void stop() {
        instagram.close();
    }

    @Test
    void aResumableReelIsUploadedProcessedAndPublishedOnlyOnceFinished() throws Exception {
        byte[] video = EmulatorHttp.video(300_000, 3);
        JsonNode created = json(graph("POST", "/v21.0/1789/media?media_type=REELS&upload_type=resumable&caption=Goal"));
        String container = created.path("id").asText();
        URI upload = URI.create(created.path("uri").asText());

        assertThat(upload(upload, Arrays.copyOfRange(video, 0, 100_000), 0, video.length)
                        .statusCode())
                .isEqualTo(200);
        assertThat(statusCode(container)).isEqualTo("IN_PROGRESS");
        assertThat(upload(upload, Arrays.copyOfRange(video, 100_000, video.length), 100_000, video.length)
                        .statusCode())
                .isEqualTo(200);
        assertThat(statusCode(container)).isEqualTo("IN_PROGRESS");

        HttpResponse<String> early = graph("POST", "/1789/media_publish?creation_id=" + container);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).path("error").path("code").asInt()).isEqualTo(9007);
        assertThat(instagram.posts().size()).isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(statusCode(container)).isEqualTo("FINISHED");
        assertThat(json(graph("GET", "/" + container + "?fields=copyright_check_status"))
                        .path("copyright_check_status")
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        HttpResponse<String> published = graph("POST", "/1789/media_publish?creation_id=" + container);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(statusCode(container)).isEqualTo("PUBLISHED");
        assertThat(graph("POST", "/1789/media_publish?creation_id=" + container).statusCode())
                .isEqualTo(400);

        assertThat(instagram.posts().count("1789", Media.sha256(video))).isEqualTo(1);
        assertThat(instagram.posts().all().get(0).metadata())
                .containsEntry("caption", "Goal")
                .containsEntry("media_type", "REELS");
        JsonNode limit = json(graph("GET", "/1789/content_publishing_limit?fields=quota_usage,config"))
                .path("data")
                .get(0);
        assertThat(limit.path("quota_usage").asInt()).isEqualTo(1);
        assertThat(limit.path("config").path("quota_total").asInt()).isEqualTo(50);
    }

    @Test
    void aVideoUrlThatCannotBeFetchedEndsInErrorAndAnUnpublishedContainerExpires() throws Exception {
        String broken = json(graph("POST", "/1789/media?media_type=STORIES&video_url=http://127.0.0.1:9/nothing.mp4"))
                .path("id")
                .asText();
        String idle = json(graph("POST", "/1789/media?media_type=REELS&upload_type=resumable"))
                .path("id")
                .asText();
        for (int i = 0; i < 100 && statusCode(broken).equals("IN_PROGRESS"); i++) {
            Thread.sleep(50);
        }
        assertThat(statusCode(broken)).isEqualTo("ERROR");
        clock.advance(Duration.ofHours(24));
        assertThat(statusCode(idle)).isEqualTo("EXPIRED");
    }

    @Test
    void theRollingPublishingLimitRefusesTheNextPostUntilTheOldestLeavesTheWindow() throws Exception {
        instagram.publishLimit(1).processingDelay(Duration.ZERO);
        assertThat(publishNewReel(1).statusCode()).isEqualTo(200);
        HttpResponse<String> second = publishNewReel(2);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second).path("error").path("error_subcode").asInt()).isEqualTo(2207042);
        clock.advance(Duration.ofHours(24));
        assertThat(publishNewReel(3).statusCode()).isEqualTo(200);
    }

    @Test
    void aContainerNeedsAReelsOrStoriesTypeAndAValidToken() throws Exception {
        assertThat(json(graph("POST", "/1789/media?media_type=VIDEO&upload_type=resumable"))
                        .path("error")
                        .path("code")
                        .asInt())
                .isEqualTo(100);
        HttpResponse<String> noToken =
                send(request(instagram.baseUrl(), "/1789/media?media_type=REELS&upload_type=resumable")
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(json(noToken).path("error").path("code").asInt()).isEqualTo(190);
    }

    private HttpResponse<String> publishNewReel(long seed) throws Exception {
        byte[] video = EmulatorHttp.video(1000, seed);
        JsonNode created = json(graph("POST", "/1789/media?media_type=REELS&upload_type=resumable"));
        upload(URI.create(created.path("uri").asText()), video, 0, video.length);
        return graph(
                "POST", "/1789/media_publish?creation_id=" + created.path("id").asText());
    }

    private String statusCode(String container) throws Exception {
        return json(graph("GET", "/" + container + "?fields=status_code"))
                .path("status_code")
                .asText();
    }

    private HttpResponse<String> graph(String method, String pathAndQuery) throws Exception {
        return send(request(instagram.baseUrl(), pathAndQuery)
                .header("Authorization", "Bearer secret")
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> upload(URI uri, byte[] bytes, long offset, long fileSize) throws Exception {
        return send(HttpRequest.newBuilder(uri)
                .header("Authorization", "OAuth secret")
                .header("offset", Long.toString(offset))
                .header("file_size", Long.toString(fileSize))
                .POST(body(bytes)));
    }
}

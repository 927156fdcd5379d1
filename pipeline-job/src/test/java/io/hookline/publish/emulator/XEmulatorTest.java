package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.body;
import static io.hookline.publish.emulator.EmulatorHttp.json;
import static io.hookline.publish.emulator.EmulatorHttp.multipart;
import static io.hookline.publish.emulator.EmulatorHttp.multipartType;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testing.SteppingClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XEmulatorTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-10T12:00:00Z"));
    private XEmulator x;

    @BeforeEach
    void start() throws Exception {
        x = new XEmulator(clock, "secret", "hookline").processingDelay(Duration.ofSeconds(2));
        x.start();
    }

    @AfterEach
    void stop() {
        x.close();
    }

    @Test
    void initAppendFinalizeStatusThenPostAndTheSameTextTwiceIsRefused() throws Exception {
        byte[] video = EmulatorHttp.video(150_000, 6);
        String mediaId = init(video.length);
        assertThat(append(mediaId, 0, Arrays.copyOfRange(video, 0, 100_000)).statusCode())
                .isEqualTo(204);
        assertThat(append(mediaId, 1, Arrays.copyOfRange(video, 100_000, video.length))
                        .statusCode())
                .isEqualTo(204);

        var finalized = json(form("FINALIZE", "media_id", mediaId));
        assertThat(finalized.path("data").path("processing_info").path("state").asText())
                .isEqualTo("in_progress");
        assertThat(post("Dunk of the night", mediaId).statusCode()).isEqualTo(400);
        clock.advance(Duration.ofSeconds(2));
        var status = json(send(request(x.baseUrl(), "/2/media/upload?command=STATUS&media_id=" + mediaId)
                .header("Authorization", "Bearer secret")));
        assertThat(status.path("data").path("processing_info").path("state").asText())
                .isEqualTo("succeeded");

        HttpResponse<String> posted = post("Dunk of the night", mediaId);
        assertThat(posted.statusCode()).isEqualTo(201);
        HttpResponse<String> again = post("Dunk of the night", mediaId);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(json(again).path("detail").asText()).contains("duplicate content");

        assertThat(x.posts().count("hookline", Media.sha256(video))).isEqualTo(1);
        assertThat(x.posts().all().get(0).metadata()).containsEntry("text", "Dunk of the night");
    }

    @Test
    void aSegmentOver5MBAGapInTheSegmentsAndAnExpiredMediaIdAreRefused() throws Exception {
        String big = init(6_000_000);
        assertThat(append(big, 0, new byte[XEmulator.MAX_SEGMENT + 1]).statusCode())
                .isEqualTo(400);

        String gappy = init(2000);
        append(gappy, 0, new byte[1000]);
        append(gappy, 2, new byte[1000]);
        assertThat(form("FINALIZE", "media_id", gappy).statusCode()).isEqualTo(400);

        String late = init(1000);
        append(late, 0, new byte[1000]);
        form("FINALIZE", "media_id", late);
        clock.advance(Duration.ofHours(25));
        HttpResponse<String> expired = post("Too late", late);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(json(expired).path("detail").asText()).contains("expired");
        assertThat(x.posts().size()).isZero();
    }

    @Test
    void theAccountsPostsListTheirMediaKeysOnlyWhenTheExpansionAsks() throws Exception {
        String mediaId = init(1000);
        append(mediaId, 0, new byte[1000]);
        form("FINALIZE", "media_id", mediaId);
        clock.advance(Duration.ofSeconds(2));
        String postId = json(post("Block of the night", mediaId))
                .path("data")
                .path("id")
                .asText();

        var me = json(send(request(x.baseUrl(), "/2/users/me").header("Authorization", "Bearer secret")));
        assertThat(me.path("data").path("username").asText()).isEqualTo("hookline");
        String timeline = "/2/users/" + me.path("data").path("id").asText() + "/tweets?max_results=5";
        var bare = json(send(request(x.baseUrl(), timeline).header("Authorization", "Bearer secret")));
        var expanded = json(send(request(x.baseUrl(), timeline + "&expansions=attachments.media_keys")
                .header("Authorization", "Bearer secret")));

        assertThat(bare.path("data").get(0).path("id").asText()).isEqualTo(postId);
        assertThat(bare.path("data").get(0).has("attachments")).isFalse();
        assertThat(expanded.path("data")
                        .get(0)
                        .path("attachments")
                        .path("media_keys")
                        .get(0)
                        .asText())
                .isEqualTo("13_" + mediaId);
    }

    private String init(long totalBytes) throws Exception {
        HttpResponse<String> response =
                form("INIT", "total_bytes", totalBytes, "media_type", "video/mp4", "media_category", "amplify_video");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).path("data").path("id").asText();
    }

    private HttpResponse<String> append(String mediaId, int segment, byte[] bytes) throws Exception {
        return form("APPEND", "media_id", mediaId, "segment_index", segment, "media", bytes);
    }

    private HttpResponse<String> form(String command, Object... fields) throws Exception {
        Object[] all = new Object[fields.length + 2];
        all[0] = "command";
        all[1] = command;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return send(request(x.baseUrl(), "/2/media/upload")
                .header("Authorization", "Bearer secret")
                .header("Content-Type", multipartType())
                .POST(body(multipart(all))));
    }

    private HttpResponse<String> post(String text, String mediaId) throws Exception {
        String json = "{\"text\":\"" + text + "\",\"media\":{\"media_ids\":[\"" + mediaId + "\"]}}";
        return send(request(x.baseUrl(), "/2/tweets")
                .header("Authorization", "Bearer secret")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}

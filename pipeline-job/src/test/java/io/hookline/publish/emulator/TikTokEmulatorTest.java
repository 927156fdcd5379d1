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

class TikTokEmulatorTest {
    private static final int MIN_CHUNK = 64 * 1024;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-10T12:00:00Z"));
    private TikTokEmulator tikTok;

    @BeforeEach
    void start() throws Exception {
        tikTok = new TikTokEmulator(clock, "secret", "creator-1")
                .minChunkSize(MIN_CHUNK)
                .processingDelay(Duration.ofSeconds(5));
        tikTok.start();
    }

    @AfterEach
    void stop() {
        tikTok.close();
    }

    @Test
    void creatorInfoThenInitThenChunksInOrderThenStatusUntilPublishComplete() throws Exception {
        JsonNode creator = json(api("/v2/post/publish/creator_info/query/", "{}"));
        assertThat(creator.path("data").path("privacy_level_options").toString())
                .isEqualTo("[\"SELF_ONLY\"]");

        byte[] video = EmulatorHttp.video(2 * MIN_CHUNK + 5000, 4); // two chunks, the last one larger
        JsonNode init = json(api("/v2/post/publish/video/init/", initBody(video.length, MIN_CHUNK, 2, "SELF_ONLY")));
        String publishId = init.path("data").path("publish_id").asText();
        URI upload = URI.create(init.path("data").path("upload_url").asText());

        assertThat(put(upload, Arrays.copyOfRange(video, 0, MIN_CHUNK), 0, video.length)
                        .statusCode())
                .isEqualTo(206);
        assertThat(put(upload, Arrays.copyOfRange(video, MIN_CHUNK, video.length), MIN_CHUNK, video.length)
                        .statusCode())
                .isEqualTo(201);
        assertThat(status(publishId)).isEqualTo("PROCESSING_UPLOAD");
        clock.advance(Duration.ofSeconds(5));
        assertThat(status(publishId)).isEqualTo("PUBLISH_COMPLETE");

        assertThat(tikTok.posts().count("creator-1", Media.sha256(video))).isEqualTo(1);
        assertThat(tikTok.posts().all().get(0).metadata())
                .containsEntry("title", "Dunk")
                .containsEntry("privacy_level", "SELF_ONLY");
    }

    @Test
    void chunkRulesOrderPrivacyAndTheInitRateAreEnforced() throws Exception {
        HttpResponse<String> tooSmall =
                api("/v2/post/publish/video/init/", initBody(4 * MIN_CHUNK, MIN_CHUNK / 2, 8, "SELF_ONLY"));
        assertThat(json(tooSmall).path("error").path("code").asText()).isEqualTo("invalid_params");
        HttpResponse<String> wrongCount =
                api("/v2/post/publish/video/init/", initBody(4 * MIN_CHUNK + 10, MIN_CHUNK, 5, "SELF_ONLY"));
        assertThat(wrongCount.statusCode()).isEqualTo(400);
        HttpResponse<String> publicPost =
                api("/v2/post/publish/video/init/", initBody(1000, 1000, 1, "PUBLIC_TO_EVERYONE"));
        assertThat(json(publicPost).path("error").path("code").asText())
                .isEqualTo("unaudited_client_can_only_post_to_private_accounts");

        byte[] video = EmulatorHttp.video(2 * MIN_CHUNK, 5);
        JsonNode init = json(api("/v2/post/publish/video/init/", initBody(video.length, MIN_CHUNK, 2, "SELF_ONLY")));
        URI upload = URI.create(init.path("data").path("upload_url").asText());
        assertThat(put(upload, Arrays.copyOfRange(video, MIN_CHUNK, video.length), MIN_CHUNK, video.length)
                        .statusCode())
                .isEqualTo(416);

        for (int n = 5; n <= 6; n++) { // every init counts, refused ones too
            assertThat(api("/v2/post/publish/video/init/", initBody(1000, 1000, 1, "SELF_ONLY"))
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = api("/v2/post/publish/video/init/", initBody(1000, 1000, 1, "SELF_ONLY"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        clock.advance(Duration.ofMinutes(1));
        assertThat(api("/v2/post/publish/video/init/", initBody(1000, 1000, 1, "SELF_ONLY"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(tikTok.posts().size()).isZero();
    }

    @Test
    void theRealMinimumChunkIsFiveMegabytesByDefault() throws Exception {
        tikTok.minChunkSize(5 * TikTokEmulator.MB);
        HttpResponse<String> response =
                api("/v2/post/publish/video/init/", initBody(20 * TikTokEmulator.MB, MIN_CHUNK, 320, "SELF_ONLY"));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private String status(String publishId) throws Exception {
        return json(api("/v2/post/publish/status/fetch/", "{\"publish_id\":\"" + publishId + "\"}"))
                .path("data")
                .path("status")
                .asText();
    }

    private static String initBody(long size, long chunk, int count, String privacy) {
        return "{\"post_info\":{\"title\":\"Dunk\",\"privacy_level\":\"" + privacy
                + "\"},\"source_info\":{\"source\":\"FILE_UPLOAD\"," + "\"video_size\":" + size + ",\"chunk_size\":"
                + chunk + ",\"total_chunk_count\":" + count + "}}";
    }

    private HttpResponse<String> api(String path, String json) throws Exception {
        return send(request(tikTok.baseUrl(), path)
                .header("Authorization", "Bearer secret")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(body(json.getBytes())));
    }

    private static HttpResponse<String> put(URI upload, byte[] chunk, long first, long total) throws Exception {
        return send(HttpRequest.newBuilder(upload)
                .header("Content-Type", "video/mp4")
                .header("Content-Range", "bytes " + first + "-" + (first + chunk.length - 1) + "/" + total)
                .PUT(body(chunk)));
    }
}

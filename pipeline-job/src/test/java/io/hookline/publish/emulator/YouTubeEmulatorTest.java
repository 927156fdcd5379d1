package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.body;
import static io.hookline.publish.emulator.EmulatorHttp.json;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testing.SteppingClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YouTubeEmulatorTest {
    private static final int GRANULE = YouTubeEmulator.CHUNK_GRANULE;
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-10T12:00:00Z"));
    private YouTubeEmulator youTube;

    @BeforeEach
    void start() throws Exception {
        youTube = new YouTubeEmulator(clock, "secret", "UC-test");
        youTube.start();
    }

    @AfterEach
    void stop() {
        youTube.close();
    }

    @Test
    void aResumableUploadIsOpenedSentInChunksQueriedAndFinishedWithTheVideo() throws Exception {
        byte[] video = EmulatorHttp.video(2 * GRANULE + 1000, 1);
        URI session = open(video.length, "Goal 1-0 clip-abc");

        HttpResponse<String> first =
                put(session, Arrays.copyOfRange(video, 0, GRANULE), "bytes 0-" + (GRANULE - 1) + "/" + video.length);
        assertThat(first.statusCode()).isEqualTo(308);
        assertThat(first.headers().firstValue("Range")).hasValue("bytes=0-" + (GRANULE - 1));

        HttpResponse<String> asked = put(session, new byte[0], "bytes */" + video.length);
        assertThat(asked.statusCode()).isEqualTo(308);
        assertThat(asked.headers().firstValue("Range")).hasValue("bytes=0-" + (GRANULE - 1));

        HttpResponse<String> last = put(
                session,
                Arrays.copyOfRange(video, GRANULE, video.length),
                "bytes " + GRANULE + "-" + (video.length - 1) + "/" + video.length);
        assertThat(last.statusCode()).isEqualTo(201);
        String id = json(last).path("id").asText();
        assertThat(json(last).path("snippet").path("title").asText()).isEqualTo("Goal 1-0 clip-abc");

        assertThat(put(session, new byte[0], "bytes */" + video.length).statusCode())
                .isEqualTo(200);
        var listed = json(send(request(youTube.baseUrl(), "/youtube/v3/videos?part=snippet&id=" + id)
                .header("Authorization", "Bearer secret")));
        assertThat(listed.path("items").get(0).path("id").asText()).isEqualTo(id);
        var found = json(
                send(request(youTube.baseUrl(), "/youtube/v3/search?part=snippet&forMine=true&type=video&q=clip-abc")
                        .header("Authorization", "Bearer secret")));
        assertThat(found.path("items").get(0).path("id").path("videoId").asText())
                .isEqualTo(id);

        assertThat(youTube.posts().count("UC-test", Media.sha256(video))).isEqualTo(1);
        assertThat(youTube.posts().all().get(0).metadata()).containsEntry("title", "Goal 1-0 clip-abc");
        assertThat(youTube.posts().all().get(0).mediaBytes()).isEqualTo(video.length);
    }

    @Test
    void aChunkThatIsNotAMultipleOf256KiBOrDoesNotContinueIsRefused() throws Exception {
        byte[] video = EmulatorHttp.video(2 * GRANULE, 2);
        URI session = open(video.length, "t");

        HttpResponse<String> odd = put(session, Arrays.copyOfRange(video, 0, 1000), "bytes 0-999/" + video.length);
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(json(odd).path("error").path("message").asText()).contains("multiple of 262144");

        HttpResponse<String> gap = put(
                session,
                Arrays.copyOfRange(video, GRANULE, video.length),
                "bytes " + GRANULE + "-" + (video.length - 1) + "/" + video.length);
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(put(session, new byte[0], "bytes */" + video.length)
                        .headers()
                        .firstValue("Range"))
                .isEmpty();
        assertThat(youTube.posts().size()).isZero();
    }

    @Test
    void theDailyInsertQuotaAnswers403QuotaExceededUntilTheNextPacificDay() throws Exception {
        youTube.dailyInsertQuota(2);
        open(10, "a");
        open(10, "b");

        HttpResponse<String> third = openRaw(10, "c");
        assertThat(third.statusCode()).isEqualTo(403);
        assertThat(json(third)
                        .path("error")
                        .path("errors")
                        .get(0)
                        .path("reason")
                        .asText())
                .isEqualTo("quotaExceeded");

        clock.advance(Duration.ofDays(1));
        assertThat(openRaw(10, "c").statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutTheTokenIsRefused() throws Exception {
        HttpResponse<String> response =
                send(request(youTube.baseUrl(), "/upload/youtube/v3/videos?uploadType=resumable&part=snippet")
                        .header("Authorization", "Bearer wrong")
                        .POST(body("{}".getBytes())));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private URI open(long size, String title) throws Exception {
        HttpResponse<String> response = openRaw(size, title);
        assertThat(response.statusCode()).isEqualTo(200);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> openRaw(long size, String title) throws Exception {
        String resource = "{\"snippet\":{\"title\":\"" + title
                + "\",\"categoryId\":\"17\"},\"status\":{\"privacyStatus\":\"private\"}}";
        return send(request(youTube.baseUrl(), "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status")
                .header("Authorization", "Bearer secret")
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(size))
                .header("X-Upload-Content-Type", "video/mp4")
                .POST(body(resource.getBytes())));
    }

    private static HttpResponse<String> put(URI session, byte[] chunk, String range) throws Exception {
        return send(java.net.http.HttpRequest.newBuilder(session)
                .header("Content-Range", range)
                .PUT(body(chunk)));
    }
}

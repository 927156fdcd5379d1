package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.body;
import static io.hookline.publish.emulator.EmulatorHttp.json;
import static io.hookline.publish.emulator.EmulatorHttp.multipart;
import static io.hookline.publish.emulator.EmulatorHttp.multipartType;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testing.SteppingClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramEmulatorTest {
    private TelegramEmulator telegram;

    @BeforeEach
    void start() throws Exception {
        telegram = new TelegramEmulator(
                new SteppingClock(Instant.parse("2026-12-10T12:00:00Z")), "123:abc", Set.of("@clips", "@fans"));
        telegram.start();
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void sendVideoUploadsOnceAndTheFileIdFansOutWithoutAnotherUpload() throws Exception {
        byte[] video = EmulatorHttp.video(40_000, 7);
        HttpResponse<String> sent =
                sendVideo("/bot123:abc/sendVideo", multipart("chat_id", "@clips", "caption", "Goal!", "video", video));
        assertThat(sent.statusCode()).isEqualTo(200);
        var result = json(sent).path("result");
        assertThat(result.path("message_id").asLong()).isEqualTo(1);
        String fileId = result.path("video").path("file_id").asText();

        HttpResponse<String> fanned =
                sendVideo("/bot123:abc/test/sendVideo", multipart("chat_id", "@fans", "video", fileId));
        assertThat(fanned.statusCode()).isEqualTo(200);
        assertThat(json(fanned).path("result").path("video").path("file_id").asText())
                .isEqualTo(fileId);

        String sha = Media.sha256(video);
        assertThat(telegram.posts().count("@clips", sha)).isEqualTo(1);
        assertThat(telegram.posts().count("@fans", sha)).isEqualTo(1);
        assertThat(telegram.posts().all().get(1).metadata()).containsEntry("uploaded", "false");
    }

    @Test
    void anUploadOverTheLimitAnUnknownChatAndAWrongTokenAreRefused() throws Exception {
        telegram.uploadLimit(10_000);
        HttpResponse<String> big =
                sendVideo("/bot123:abc/sendVideo", multipart("chat_id", "@clips", "video", new byte[20_000]));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).path("ok").asBoolean()).isFalse();

        HttpResponse<String> unknown =
                sendVideo("/bot123:abc/sendVideo", multipart("chat_id", "@nobody", "video", new byte[100]));
        assertThat(json(unknown).path("description").asText()).isEqualTo("Bad Request: chat not found");
        assertThat(sendVideo("/bot999:zzz/sendVideo", multipart("chat_id", "@clips", "video", new byte[100]))
                        .statusCode())
                .isEqualTo(401);
        assertThat(telegram.posts().size()).isZero();
    }

    private HttpResponse<String> sendVideo(String path, byte[] form) throws Exception {
        return send(request(telegram.baseUrl(), path)
                .header("Content-Type", multipartType())
                .POST(body(form)));
    }
}

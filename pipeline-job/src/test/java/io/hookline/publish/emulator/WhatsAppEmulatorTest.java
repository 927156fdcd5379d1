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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppEmulatorTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-10T12:00:00Z"));
    private WhatsAppEmulator whatsApp;

    @BeforeEach
    void start() throws Exception {
        whatsApp = new WhatsAppEmulator(clock, "secret", Set.of("15550001"), Set.of("new_clip"));
        whatsApp.start();
    }

    @AfterEach
    void stop() {
        whatsApp.close();
    }

    @Test
    void mediaIsUploadedThenSentAsATemplateToAnOptedInNumberOnly() throws Exception {
        byte[] video = EmulatorHttp.video(50_000, 8);
        String mediaId = json(upload(video)).path("id").asText();

        HttpResponse<String> sent = message("15550001", "template", mediaId);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(json(sent).path("messages").get(0).path("id").asText()).startsWith("wamid.");

        HttpResponse<String> stranger = message("15559999", "template", mediaId);
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(json(stranger).path("error").path("code").asInt()).isEqualTo(131030);
        assertThat(json(message("15550001", "video", mediaId))
                        .path("error")
                        .path("code")
                        .asInt())
                .isEqualTo(131047);

        assertThat(whatsApp.posts().count("15550001", Media.sha256(video))).isEqualTo(1);
        assertThat(whatsApp.posts().size()).isEqualTo(1);

        clock.advance(Duration.ofDays(30));
        assertThat(json(message("15550001", "template", mediaId))
                        .path("error")
                        .path("code")
                        .asInt())
                .isEqualTo(131052);
    }

    @Test
    void aVideoOver16MBIsRefused() throws Exception {
        HttpResponse<String> response = upload(new byte[(int) WhatsAppEmulator.MAX_VIDEO_BYTES + 1]);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asText()).contains("16 MB");
    }

    private HttpResponse<String> upload(byte[] video) throws Exception {
        return send(request(whatsApp.baseUrl(), "/v21.0/1066/media")
                .header("Authorization", "Bearer secret")
                .header("Content-Type", multipartType())
                .POST(body(multipart("messaging_product", "whatsapp", "type", "video/mp4", "file", video))));
    }

    private HttpResponse<String> message(String to, String type, String mediaId) throws Exception {
        String json = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + to + "\",\"type\":\"" + type + "\","
                + "\"template\":{\"name\":\"new_clip\",\"language\":{\"code\":\"en\"},\"components\":[{\"type\":\"header\","
                + "\"parameters\":[{\"type\":\"video\",\"video\":{\"id\":\"" + mediaId + "\"}}]}]}}";
        return send(request(whatsApp.baseUrl(), "/v21.0/1066/messages")
                .header("Authorization", "Bearer secret")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}

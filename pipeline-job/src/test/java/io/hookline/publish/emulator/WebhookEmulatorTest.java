package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.body;
import static io.hookline.publish.emulator.EmulatorHttp.multipart;
import static io.hookline.publish.emulator.EmulatorHttp.multipartType;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testing.SteppingClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookEmulatorTest {
    private WebhookEmulator webhook;

    @BeforeEach
    void start() throws Exception {
        webhook = new WebhookEmulator(new SteppingClock(Instant.parse("2026-12-10T12:00:00Z")), "shh");
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    @Test
    void aSignedDeliveryIsRecordedAndABadSignatureIsRefused() throws Exception {
        byte[] video = EmulatorHttp.video(20_000, 9);
        byte[] form = multipart("metadata", "{\"clipId\":\"c-1\",\"title\":\"Goal\"}", "file", video);

        assertThat(deliver(form, WebhookEmulator.signature("shh", form)).statusCode())
                .isEqualTo(200);
        assertThat(deliver(form, WebhookEmulator.signature("wrong", form)).statusCode())
                .isEqualTo(401);
        assertThat(deliver(form, "").statusCode()).isEqualTo(401);

        assertThat(webhook.posts().count("/hooks/partner", Media.sha256(video))).isEqualTo(1);
        assertThat(webhook.posts().all().get(0).metadata())
                .containsEntry("clipId", "c-1")
                .containsEntry("title", "Goal");
    }

    private HttpResponse<String> deliver(byte[] form, String signature) throws Exception {
        return send(request(webhook.baseUrl(), "/hooks/partner")
                .header("Content-Type", multipartType())
                .header(WebhookEmulator.SIGNATURE_HEADER, signature)
                .POST(body(form)));
    }
}

package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.body;
import static io.hookline.publish.emulator.EmulatorHttp.json;
import static io.hookline.publish.emulator.EmulatorHttp.multipart;
import static io.hookline.publish.emulator.EmulatorHttp.multipartType;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testing.SteppingClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection and the post records, shared by every emulator, shown on Telegram's. */
class EmulatorFaultsTest {
    private TelegramEmulator telegram;

    @BeforeEach
    void start() throws Exception {
        telegram =
                new TelegramEmulator(new SteppingClock(Instant.parse("2026-12-10T12:00:00Z")), "1:t", Set.of("@clips"));
        telegram.start();
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void plannedFaultsHitTheChosenRequestsAndTheRestAreServed() throws Exception {
        telegram.faults()
                .retryAfter(Duration.ofSeconds(7))
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(2, Fault.SERVER_ERROR)
                .at(3, Fault.DROPPED_CONNECTION);
        byte[] video = EmulatorHttp.video(200_000, 10);

        HttpResponse<String> limited = sendVideo(video);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(limited).path("parameters").path("retry_after").asInt()).isEqualTo(7);

        HttpResponse<String> down = sendVideo(video);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).path("ok").asBoolean()).isFalse();

        assertThatThrownBy(() -> sendVideo(video)).isInstanceOf(IOException.class);
        assertThat(telegram.posts().size()).isZero();

        assertThat(sendVideo(video).statusCode()).isEqualTo(200);
        assertThat(telegram.faults().requests()).isEqualTo(4);
        assertThat(telegram.posts().count("@clips", Media.sha256(video))).isEqualTo(1);
    }

    @Test
    void randomFaultsFollowTheSeedAndTheRate() {
        assertThat(draws(new FaultPlan().random(42, 0.3))).isEqualTo(draws(new FaultPlan().random(42, 0.3)));
        assertThat(draws(new FaultPlan().random(42, 0.3)))
                .filteredOn(Optional::isPresent)
                .hasSizeBetween(15, 45);
        assertThat(draws(new FaultPlan().random(42, 1.0))).allMatch(Optional::isPresent);
        assertThat(draws(new FaultPlan().random(42, 0.3)))
                .filteredOn(Optional::isPresent)
                .map(Optional::get)
                .contains(Fault.values());
    }

    @Test
    void postsAreCountedPerAccountAndMediaAndServedOverHttp() throws Exception {
        byte[] one = EmulatorHttp.video(1000, 11);
        byte[] two = EmulatorHttp.video(1000, 12);
        sendVideo(one);
        sendVideo(one);
        sendVideo(two);

        assertThat(telegram.posts().counts())
                .containsEntry(new PostKey("@clips", Media.sha256(one)), 2)
                .containsEntry(new PostKey("@clips", Media.sha256(two)), 1)
                .hasSize(2);
        var served = json(send(request(telegram.baseUrl(), "/_emulator/posts")));
        assertThat(served.path("posts")).hasSize(3);
        assertThat(served.path("counts")).hasSize(2);
        String url = served.path("posts").get(0).path("url").asText();
        assertThat(json(send(request(telegram.baseUrl(), url)))
                        .path("mediaSha256")
                        .asText())
                .isEqualTo(Media.sha256(one));
        assertThat(telegram.faults().requests()).isEqualTo(3); // the records' endpoint is not counted
    }

    private static List<Optional<Fault>> draws(FaultPlan plan) {
        List<Optional<Fault>> draws = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            draws.add(plan.next());
        }
        return draws;
    }

    private HttpResponse<String> sendVideo(byte[] video) throws Exception {
        return send(request(telegram.baseUrl(), "/bot1:t/sendVideo")
                .header("Content-Type", multipartType())
                .POST(body(multipart("chat_id", "@clips", "video", video))));
    }
}

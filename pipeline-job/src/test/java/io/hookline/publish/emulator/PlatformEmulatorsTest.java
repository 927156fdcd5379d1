package io.hookline.publish.emulator;

import static io.hookline.publish.emulator.EmulatorHttp.json;
import static io.hookline.publish.emulator.EmulatorHttp.request;
import static io.hookline.publish.emulator.EmulatorHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformEmulatorsTest {

    @Test
    void everyPlatformRunsOnItsOwnPortAndServesItsRecords() throws Exception {
        try (PlatformEmulators emulators = PlatformEmulators.start(Clock.systemUTC())) {
            Map<String, URI> urls = emulators.baseUrls();
            assertThat(urls).containsOnlyKeys("youtube", "instagram", "tiktok", "x", "telegram", "whatsapp", "webhook");
            assertThat(urls.values().stream().map(URI::getPort).distinct()).hasSize(7);
            for (Map.Entry<String, URI> entry : urls.entrySet()) {
                var records = json(send(request(entry.getValue(), "/_emulator/posts")));
                assertThat(records.path("platform").asText()).isEqualTo(entry.getKey());
                assertThat(records.path("posts")).isEmpty();
            }
            assertThat(emulators.get(TikTokEmulator.class).platform()).isEqualTo("tiktok");
        }
    }
}

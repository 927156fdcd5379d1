package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.job.JobOptions;
import io.hookline.job.LiveJobs;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console open on a match a live job is turning into clips: a real Kafka broker, the live job on a
 * MiniCluster, a headless browser. The match page follows the job's manifest as clips land and the match ends,
 * without a reload.
 */
class ConsoleLiveITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final String MATCH = "console-live";

    @TempDir
    Path dir;

    @Test
    void theMatchPageFollowsALiveJobWithoutAReload() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 25, 30_000, true, List.of(8_000L, 20_000L)), video);
        Path out = dir.resolve("out");
        try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
            kafka.createTopic("events", 2);
            kafka.createTopic("clips", 1);
            JobClient job = LiveJobs.start(
                    dir, kafka.bootstrapServers(), "console live", conf -> conf.set(JobOptions.OUT, out.toString()));
            try (MatchPublisher publisher =
                            new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10));
                    ConsoleServer server = ConsoleServer.start(
                            ConsoleFixtures.settings(out, null, "127.0.0.1", List.of(), dir.resolve("work")));
                    Browser browser = new Browser(Browser.DESKTOP)) {
                publisher.publish(
                        new MatchDescriptor(MATCH, null, "Riverside", "Harbour", video.toString()),
                        feed("first", LiveJobs.event(MATCH, "e1", "GOAL", 8_000, ",\"score\":{\"home\":1,\"away\":0}")),
                        "events",
                        true);
                Path manifest = out.resolve(MATCH).resolve("manifest.json");
                new WebDriverWait(browser.driver, Duration.ofMinutes(3), Duration.ofMillis(500))
                        .until(d -> Files.exists(manifest));

                browser.driver.get("http://127.0.0.1:" + server.port() + "/matches/" + MATCH);
                browser.script("window.notReloaded = true;");
                new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                        .until(d -> "open".equals(browser.script("return document.body.getAttribute('data-stream');")));
                assertThat(field(browser, "state")).isEqualTo("live");

                publisher.publish(
                        null,
                        feed(
                                "second",
                                LiveJobs.event(MATCH, "e2", "GOAL", 20_000, ",\"score\":{\"home\":2,\"away\":0}")),
                        "events",
                        false);

                new WebDriverWait(browser.driver, Duration.ofMinutes(4), Duration.ofMillis(500))
                        .until(d -> field(browser, "state").equals("done"));
                assertThat(field(browser, "clips"))
                        .matches("\\d+ of \\d+ planned")
                        .satisfies(clips -> {
                            String[] parts = clips.split(" ");
                            assertThat(parts[0]).isEqualTo(parts[2]);
                            assertThat(Integer.parseInt(parts[0])).isGreaterThanOrEqualTo(2);
                        });
                assertThat(field(browser, "failed")).isEqualTo("0");
                assertThat(browser.script("return window.notReloaded === true;"))
                        .isEqualTo(true);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static String field(Browser browser, String name) {
        return browser.driver
                .findElement(By.cssSelector(".progress [data-field=" + name + "]"))
                .getText();
    }

    private Path feed(String name, String line) throws Exception {
        return Files.write(dir.resolve(name + ".jsonl"), List.of(line), StandardCharsets.UTF_8);
    }
}

package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.MatchEvent;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.KafkaTestBroker;
import io.hookline.testing.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Submit in a real browser: a feed and a descriptor uploaded, then published to a real Kafka broker, or run as a
 * finished match whose clips then show in the console.
 */
class ConsoleSubmitITCase {

    @TempDir
    Path dir;

    @Test
    void anUploadedMatchIsPublishedToKafkaAsSubmitDoes() throws Exception {
        Path feed = dir.resolve("derby.jsonl");
        Files.write(
                feed,
                List.of(
                        "{\"matchId\":\"derby-1\",\"eventId\":\"e1\",\"type\":\"PERIOD_START\",\"period\":1,\"videoTimeMs\":1000}",
                        "{\"matchId\":\"derby-1\",\"eventId\":\"e2\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":9000,\"team\":\"home\"}",
                        "{\"matchId\":\"derby-1\",\"eventId\":\"e3\",\"type\":\"PERIOD_END\",\"period\":1,\"videoTimeMs\":20000}"),
                StandardCharsets.UTF_8);
        Path descriptor = Files.writeString(
                dir.resolve("derby.yaml"),
                String.join(
                        "\n",
                        "matchId: derby-1",
                        "title: Riverside v Harbour",
                        "homeTeam: Riverside",
                        "awayTeam: Harbour",
                        "video: s3://media/derby-1/live.m3u8",
                        ""));
        try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
            kafka.createTopic("hookline.events", 1);
            try (ConsoleServer server = ConsoleServer.start(ConsoleFixtures.settings(
                            dir.resolve("out"),
                            null,
                            "127.0.0.1",
                            List.of(),
                            dir.resolve("work"),
                            kafka.bootstrapServers()));
                    Browser browser = new Browser(Browser.PHONE);
                    KafkaTestBroker.TopicReader reader = kafka.reader("hookline.events")) {
                browser.driver.get("http://127.0.0.1:" + server.port() + "/submit");
                browser.driver.findElement(By.name("feed")).sendKeys(feed.toString());
                browser.driver.findElement(By.name("descriptor")).sendKeys(descriptor.toString());
                browser.driver
                        .findElement(By.cssSelector("input[name=mode][value=kafka]"))
                        .click();
                browser.driver
                        .findElement(By.cssSelector("form.submit button[type=submit]"))
                        .click();
                new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                        .until(d -> d.findElements(By.cssSelector("table.submitted tbody tr"))
                                        .size()
                                == 1);
                assertThat(browser.driver
                                .findElement(By.cssSelector("table.submitted tbody tr"))
                                .getText())
                        .contains("derby-1")
                        .contains("published the descriptor and 3 events to hookline.events");
                assertThat(browser.fitsWidth()).isTrue();

                List<String> types = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r :
                        reader.readUntil(5, Duration.ofSeconds(30), Duration.ofSeconds(1))) {
                    MatchEvent event = MatchEvent.getDecoder().decode(r.value());
                    assertThat(event.getMatchId()).isEqualTo("derby-1");
                    types.add(event.getType());
                }
                assertThat(types).containsExactly("MATCH_START", "PERIOD_START", "GOAL", "PERIOD_END", "MATCH_END");
            }
        }
    }

    @Test
    void anUploadedFinishedMatchIsRunAndItsClipsShow() throws Exception {
        Path video = dir.resolve("derby-2.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(640, 360, 25, 20_000, true, List.of(9_000L)), video);
        Path feed = dir.resolve("derby-2.jsonl");
        Files.write(
                feed,
                List.of(
                        "{\"matchId\":\"derby-2\",\"eventId\":\"e1\",\"type\":\"PERIOD_START\",\"period\":1,\"videoTimeMs\":1000}",
                        "{\"matchId\":\"derby-2\",\"eventId\":\"e2\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":9000,"
                                + "\"team\":\"home\",\"players\":[\"Léa Martin\"],\"score\":{\"home\":1,\"away\":0}}",
                        "{\"matchId\":\"derby-2\",\"eventId\":\"e3\",\"type\":\"PERIOD_END\",\"period\":1,\"videoTimeMs\":19000}"),
                StandardCharsets.UTF_8);
        Path descriptor = Files.writeString(
                dir.resolve("derby-2.yaml"),
                String.join(
                        "\n",
                        "matchId: derby-2",
                        "title: Riverside v Harbour",
                        "homeTeam: Riverside",
                        "awayTeam: Harbour",
                        "video: " + video,
                        ""));
        Path out = dir.resolve("out");
        try (ConsoleServer server = ConsoleServer.start(ConsoleFixtures.settings(
                        out,
                        null,
                        "127.0.0.1",
                        List.of(TestProfiles.write(dir.resolve("profiles"))),
                        dir.resolve("work")));
                Browser browser = new Browser(Browser.DESKTOP)) {
            browser.driver.get("http://127.0.0.1:" + server.port() + "/submit");
            browser.driver.findElement(By.name("feed")).sendKeys(feed.toString());
            browser.driver.findElement(By.name("descriptor")).sendKeys(descriptor.toString());
            browser.driver
                    .findElement(By.cssSelector("input[name=mode][value=run]"))
                    .click();
            browser.driver
                    .findElement(By.cssSelector("form.submit button[type=submit]"))
                    .click();

            new WebDriverWait(browser.driver, Duration.ofMinutes(5), Duration.ofSeconds(1)).until(d -> {
                d.navigate().refresh();
                List<WebElement> rows = d.findElements(By.cssSelector("table.submitted tbody tr"));
                return rows.size() == 1
                        && !rows.get(0).getText().contains("queued")
                        && !rows.get(0).getText().contains("running");
            });
            assertThat(browser.driver
                            .findElement(By.cssSelector("table.submitted tbody tr"))
                            .getText())
                    .contains("derby-2")
                    .contains("done");
            assertThat(out.resolve("derby-2").resolve("manifest.json")).exists();

            browser.driver.get("http://127.0.0.1:" + server.port() + "/matches/derby-2");
            // The descriptor's team names reach the run, as they reach a live job: the home side is Riverside.
            assertThat(browser.driver.findElement(By.tagName("body")).getText())
                    .contains("Léa Martin")
                    .contains("Riverside")
                    .contains("renditions 2 of 2 done");
            assertThat(browser.driver.findElements(By.cssSelector("video, .clip")))
                    .isNotEmpty();
        }
    }
}

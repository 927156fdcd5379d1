package io.hookline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.sample.HlsPlayout;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.KafkaTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A match's feed on the embedded broker, paced by its playout at four times real time: the descriptor names
 * the playlist and comes first, each event goes out when the playout reaches its video time, and MATCH_END
 * when the video ends.
 */
class PacedFeedITCase {
    private static final double SPEED = 4.0;

    @TempDir
    Path dir;

    @Test
    void eventsGoOutWhenThePlayoutReachesThemAndTheMatchEndsWithItsVideo() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(320, 180, 25, 8_000, false, List.of()), video);
        LiveScript script = new LiveScript(
                video,
                8_000,
                new MatchDescriptor("t", "Paced", "Home", "Away"),
                List.of(event("e2", "GOAL", 6_000), event("e1", "SHOT", 2_000)));
        try (KafkaTestBroker kafka = KafkaTestBroker.start();
                MatchPublisher publisher =
                        new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10))) {
            kafka.createTopic("events", 1);
            KafkaTestBroker.TopicReader topic = kafka.reader("events");
            HlsPlayout playout = HlsPlayout.start(
                    video, dir.resolve("live"), Instant.now().plusMillis(500), SPEED, HlsPlayout.DEFAULT_SEGMENT);
            PacedFeed feed = new PacedFeed(
                    publisher,
                    "events",
                    script.descriptor("paced", playout.playlist()),
                    script.events("paced"),
                    playout,
                    script.durationMs());
            feed.start();

            List<ConsumerRecord<byte[], byte[]>> records =
                    topic.readUntil(4, Duration.ofSeconds(30), Duration.ofSeconds(1));
            topic.close();
            playout.await(Duration.ofSeconds(10));

            assertThat(feed.failure()).isNull();
            List<MatchEvent> events =
                    records.stream().map(r -> decode(r.value())).toList();
            assertThat(events)
                    .extracting(MatchEvent::getType)
                    .containsExactly("MATCH_START", "SHOT", "GOAL", "MATCH_END");
            assertThat(events).extracting(MatchEvent::getMatchId).containsOnly("paced");
            assertThat(events.get(0).getAttributes())
                    .containsEntry(MatchDescriptor.VIDEO, playout.playlist().toString());
            long[] dueMs = {0, 2_000, 6_000, 8_000};
            for (int i = 0; i < records.size(); i++) {
                Instant due = playout.wallTimeAt(dueMs[i]);
                assertThat(Instant.ofEpochMilli(records.get(i).timestamp()))
                        .as(events.get(i).getType())
                        .isAfterOrEqualTo(due.minusMillis(5))
                        .isBefore(due.plusMillis(500));
            }
        }
    }

    private static MatchEvent event(String id, String type, long videoMs) {
        return MatchEvent.newBuilder()
                .setMatchId("t")
                .setEventId(id)
                .setType(type)
                .setPeriod(1)
                .setVideoTimeMs(videoMs)
                .setTeam("home")
                .setAttributes(Map.of())
                .build();
    }

    private static MatchEvent decode(byte[] bytes) {
        try {
            return MatchEvent.getDecoder().decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

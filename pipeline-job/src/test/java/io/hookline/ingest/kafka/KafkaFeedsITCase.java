package io.hookline.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.cli.Main;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.testing.KafkaTestBroker;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Publishing a match and the start-up checks, against a real KRaft broker in the test JVM. */
class KafkaFeedsITCase {
    static KafkaTestBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestBroker.start();
        kafka.createTopic("events", 2);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void submitPublishesEachEventKeyedByMatchAndEndsTheMatch() throws Exception {
        Path feed = Files.write(
                dir.resolve("events.jsonl"),
                List.of(
                        "{\"matchId\":\"m1\",\"eventId\":\"e1\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":61000}",
                        "{ not json",
                        "{\"matchId\":\"m1\",\"eventId\":\"e2\",\"type\":\"SAVE\",\"period\":2,\"videoTimeMs\":90000}",
                        "{\"matchId\":\"m1\",\"eventId\":\"e0\",\"type\":\"SHOT\",\"period\":1,\"videoTimeMs\":30000}"),
                StandardCharsets.UTF_8);

        MatchPublisher.Result result;
        try (MatchPublisher publisher =
                new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10))) {
            result = publisher.publish(null, feed, "events", false);
        }

        assertThat(result.eventsByMatch()).containsEntry("m1", 3);
        assertThat(result.endedMatches()).containsExactly("m1");
        assertThat(result.skipped()).singleElement().asString().startsWith("events.jsonl:2: malformed JSON");
        List<ConsumerRecord<byte[], byte[]>> records;
        try (KafkaTestBroker.TopicReader reader = kafka.reader("events")) {
            records = reader.readUntil(4, Duration.ofSeconds(30), Duration.ofMillis(500));
        }
        List<MatchEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("m1");
            events.add(MatchEventDecoder.current().decode(r.value()));
        }
        // One key, one partition: the feed's order, the end last, at the match's latest moment.
        assertThat(events).extracting(MatchEvent::getEventId).containsExactly("e1", "e2", "e0", "match-end");
        assertThat(records)
                .extracting(ConsumerRecord::partition)
                .containsOnly(records.get(0).partition());
        assertThat(events.get(3).getType()).isEqualTo("MATCH_END");
        assertThat(events.get(3).getVideoTimeMs()).isEqualTo(90_000L);
        assertThat(events.get(3).getPeriod()).isEqualTo(2);
    }

    @Test
    void submitSendsTheMatchDescriptorBeforeTheEvents() throws Exception {
        kafka.createTopic("described", 1);
        Path match = Files.writeString(dir.resolve("match.yaml"), """
                matchId: m2
                title: Riverside v Harbour
                homeTeam: Riverside
                awayTeam: Harbour
                """);
        Path feed = Files.write(
                dir.resolve("m2.jsonl"),
                List.of(
                        "{\"matchId\":\"m2\",\"eventId\":\"e1\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":61000,\"team\":\"away\"}"),
                StandardCharsets.UTF_8);

        int exit = new CommandLine(new Main())
                .execute(
                        "submit",
                        "--bootstrap",
                        kafka.bootstrapServers(),
                        "--topic",
                        "described",
                        "--match",
                        match.toString(),
                        "--events",
                        feed.toString());

        assertThat(exit).isZero();
        List<MatchEvent> events = new ArrayList<>();
        try (KafkaTestBroker.TopicReader reader = kafka.reader("described")) {
            for (ConsumerRecord<byte[], byte[]> r :
                    reader.readUntil(3, Duration.ofSeconds(30), Duration.ofMillis(500))) {
                events.add(MatchEventDecoder.current().decode(r.value()));
            }
        }
        assertThat(events).extracting(MatchEvent::getType).containsExactly("MATCH_START", "GOAL", "MATCH_END");
        assertThat(MatchDescriptor.of(events.get(0)))
                .isEqualTo(new MatchDescriptor("m2", "Riverside v Harbour", "Riverside", "Harbour"));
    }

    @Test
    void aFeedOfAnotherMatchThanTheDescriptorSendsNothing() throws Exception {
        kafka.createTopic("mismatched", 1);
        Path feed = Files.write(
                dir.resolve("other.jsonl"),
                List.of(
                        "{\"matchId\":\"m3\",\"eventId\":\"e1\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":1000}",
                        "{\"matchId\":\"m4\",\"eventId\":\"e2\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":2000}"),
                StandardCharsets.UTF_8);

        try (MatchPublisher publisher =
                new MatchPublisher(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10))) {
            assertThatThrownBy(() ->
                            publisher.publish(new MatchDescriptor("m3", null, "A", "B"), feed, "mismatched", false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other.jsonl:2: event e2 is of match m4, the descriptor is for match m3");
        }
        try (KafkaTestBroker.TopicReader reader = kafka.reader("mismatched")) {
            assertThat(reader.readUntil(1, Duration.ofSeconds(3), Duration.ZERO))
                    .isEmpty();
        }
    }

    @Test
    void kafkaDownAtStartIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> KafkaCheck.requireTopics(nowhere, new Properties(), Duration.ofSeconds(2), "events"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Kafka at " + nowhere + " did not answer within 2 s; is it running and reachable from here?");
    }

    @Test
    void aMissingTopicIsNamed() {
        KafkaCheck.requireTopics(kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10), "events");

        assertThatThrownBy(() -> KafkaCheck.requireTopics(
                        kafka.bootstrapServers(), new Properties(), Duration.ofSeconds(10), "events", "clipz"))
                .hasMessage("Kafka at " + kafka.bootstrapServers()
                        + " has no topic clipz; create it first (see infra/README.md)");
    }
}

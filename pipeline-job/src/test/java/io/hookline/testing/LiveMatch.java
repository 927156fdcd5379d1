package io.hookline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.ingest.kafka.AvroMessages;
import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.RenderedClip;
import io.hookline.sample.SyntheticVideo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The live match the recovery tests run: a minute of synthetic video with six plays, its feed published to
 * Kafka with a poison record in it, and the checks of what comes out.
 */
public final class LiveMatch {
    public static final String MATCH = "live-derby";
    /** Where the poison record lands: partition 0, after the match descriptor and the feed's first three events. */
    public static final String POISON_ORIGIN = "events-0@4";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveMatch() {}

    public static void writeVideo(Path file) throws Exception {
        SyntheticVideo.write(
                new SyntheticVideo.Spec(640, 360, 25, 60_000, true, List.of(10_000L, 24_000L, 40_000L)), file);
    }

    /** Publishes the match as {@code ./hookline submit} does, with an undecodable record after its first three events. */
    public static void publishWithPoisonRecord(String bootstrapServers, String topic, Path dir) throws Exception {
        Path head = Files.write(
                dir.resolve("head.jsonl"),
                List.of(
                        event("e01", "PERIOD_START", 1_000, ""),
                        event("e10", "SHOT", 4_500, ""),
                        event("e02", "KEY_PASS", 8_500, ",\"players\":[\"Ana O'Neil\"]")),
                StandardCharsets.UTF_8);
        Path rest = Files.write(
                dir.resolve("rest.jsonl"),
                List.of(
                        event("e03", "GOAL", 10_000, ",\"players\":[\"Ana O'Neil\"],\"score\":{\"home\":1,\"away\":0}"),
                        event("e04", "SHOT", 18_000, ""),
                        event("e05", "SAVE", 24_000, ",\"players\":[\"Zoë Brandt\"]"),
                        event("e06", "CARD", 31_000, ",\"players\":[\"Jack Smith\"]"),
                        event("e11", "SHOT", 35_500, ""),
                        event("e07", "GOAL", 40_000, ",\"score\":{\"home\":2,\"away\":0}"),
                        event("e12", "SAVE", 45_000, ""),
                        event("e08", "SAVE", 50_000, ""),
                        event("e13", "SHOT", 55_000, ""),
                        event("e09", "PERIOD_END", 58_000, "")),
                StandardCharsets.UTF_8);
        try (MatchPublisher publisher =
                new MatchPublisher(bootstrapServers, new Properties(), Duration.ofSeconds(10))) {
            publisher.publish(new MatchDescriptor(MATCH, "The live derby", "Riverside", "Harbour"), head, topic, true);
            Properties props = new Properties();
            props.put("bootstrap.servers", bootstrapServers);
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(
                                topic,
                                MATCH.getBytes(StandardCharsets.UTF_8),
                                "{\"matchId\":\"live-derby\"}".getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
            publisher.publish(null, rest, topic, false);
        }
    }

    /** The manifest entries a read-committed consumer has seen; see {@link KafkaTestBroker.TopicReader#readUntil}. */
    public static List<RenderedClip> clipsInTopic(
            KafkaTestBroker.TopicReader reader, int expected, Duration timeout, Duration quiet) throws Exception {
        List<RenderedClip> clips = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : reader.readUntil(expected, timeout, quiet)) {
            clips.add(AvroMessages.decodeRenderedClip(r.value()));
        }
        assertThat(clips).as("clips committed to the topic").hasSizeGreaterThanOrEqualTo(expected);
        return clips;
    }

    /** The match's final manifest: a live match's is rewritten as clips land, and final once the match ended. */
    public static JsonNode awaitManifest(S3Client s3, String bucket, String prefix, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String key = prefix + MATCH + "/manifest.json";
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = JSON.readTree(
                        s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
                if (last.path("ranksFinal").asBoolean(true)) {
                    return last;
                }
            } catch (NoSuchKeyException e) {
                // Not written yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no final s3://" + bucket + "/" + key + " within " + timeout + "; last seen: " + last);
    }

    /**
     * The keys the match should have left under {@code prefix}: its files, and every rendition and poster the
     * manifest lists.
     */
    public static SortedSet<String> expectedKeys(JsonNode manifest, String prefix) {
        String dir = prefix + MATCH + "/";
        SortedSet<String> keys =
                new TreeSet<>(List.of(dir + "manifest.json", dir + "manifest.avro", dir + "dead-letters.jsonl"));
        for (JsonNode clip : manifest.get("clips")) {
            for (JsonNode r : clip.get("renditions")) {
                assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("ok");
                keys.add(dir + r.get("path").asText());
                if (r.hasNonNull("thumbnail")) {
                    keys.add(dir + r.get("thumbnail").asText());
                }
            }
        }
        return keys;
    }

    public static List<String> clipIds(JsonNode manifest) {
        List<String> ids = new ArrayList<>();
        manifest.get("clips").forEach(c -> ids.add(c.get("clipId").asText()));
        return ids;
    }

    public static List<String> keys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    public static String deadLetters(S3Client s3, String bucket, String prefix) {
        return new String(
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + MATCH + "/dead-letters.jsonl"))
                        .asByteArray(),
                StandardCharsets.UTF_8);
    }

    private static String event(String id, String type, long videoMs, String extra) {
        return "{\"matchId\":\"" + MATCH + "\",\"eventId\":\"" + id + "\",\"type\":\"" + type
                + "\",\"period\":1,\"videoTimeMs\":" + videoMs + ",\"team\":\"home\"" + extra + "}";
    }
}

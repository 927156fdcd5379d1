package io.hookline.ingest.kafka;

import io.hookline.ingest.FeedReader;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a match to the events topic for a running job: its descriptor first (a {@code MATCH_START}), then
 * one Avro record per event of its feed, all keyed by match id so a match's records stay in order on one
 * partition. Unless the match is left open, a {@code MATCH_END} event follows its last event: that is what
 * tells a live job the match is over.
 */
public final class MatchPublisher implements AutoCloseable {
    /** The event id of the end marker this publisher adds. */
    public static final String MATCH_END_ID = "match-end";

    private final KafkaProducer<byte[], byte[]> producer;

    /** @param clientProperties more producer properties (security settings, for instance) */
    public MatchPublisher(String bootstrapServers, Properties clientProperties, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() + 1000);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** What was published from one feed. */
    public record Result(Map<String, Integer> eventsByMatch, List<String> skipped, List<String> endedMatches) {}

    /**
     * @param descriptor the match's descriptor, or null; sent before the feed's events, which must all be of
     *     its match
     * @param feed the match's events, or null to send the descriptor alone (the events follow later)
     * @param open leave the matches open: add no {@code MATCH_END} (more events follow in a later submit)
     * @return what was sent; records the feed reader could not read are skipped and listed, not sent
     * @throws IllegalArgumentException when the feed holds an event of another match than the descriptor's;
     *     nothing is sent then
     */
    public Result publish(MatchDescriptor descriptor, Path feed, String topic, boolean open) throws IOException {
        List<FeedRecord> records = feed == null ? List.of() : read(feed);
        if (descriptor != null) {
            for (FeedRecord r : records) {
                if (r.getEvent() != null && !r.getEvent().getMatchId().equals(descriptor.matchId())) {
                    throw new IllegalArgumentException(
                            r.getOrigin() + ": event " + r.getEvent().getEventId()
                                    + " is of match " + r.getEvent().getMatchId() + ", the descriptor is for match "
                                    + descriptor.matchId());
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, MatchEvent> last = new LinkedHashMap<>();
        List<String> ended = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        if (descriptor != null) {
            sent.add(send(topic, descriptor.event()));
        }
        for (FeedRecord r : records) {
            MatchEvent e = r.getEvent();
            if (e == null) {
                skipped.add(r.getOrigin() + ": " + r.getError());
                continue;
            }
            sent.add(send(topic, e));
            counts.merge(e.getMatchId(), 1, Integer::sum);
            if (isMatchEnd(e)) {
                ended.add(e.getMatchId());
            }
            MatchEvent before = last.get(e.getMatchId());
            if (before == null || time(e) >= time(before)) {
                last.put(e.getMatchId(), e);
            }
        }
        if (!open) {
            for (MatchEvent e : last.values()) {
                if (!ended.contains(e.getMatchId())) {
                    sent.add(send(topic, matchEnd(e)));
                    ended.add(e.getMatchId());
                }
            }
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            await(f);
        }
        return new Result(counts, skipped, ended);
    }

    /** Publishes one event and waits until Kafka has it: a paced feed sends each event when it happens. */
    public void publish(String topic, MatchEvent event) throws IOException {
        await(send(topic, event));
    }

    private static List<FeedRecord> read(Path feed) throws IOException {
        List<FeedRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(feed);
                FeedReader reader = FeedReader.open(in, feed.getFileName().toString())) {
            for (FeedRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private Future<RecordMetadata> send(String topic, MatchEvent e) {
        return producer.send(
                new ProducerRecord<>(topic, e.getMatchId().getBytes(StandardCharsets.UTF_8), AvroMessages.encode(e)));
    }

    /**
     * The end marker: at the match's last event, so it closes the match without moving its clock on; at its
     * wall-clock time when that is all the event has.
     */
    public static MatchEvent matchEnd(MatchEvent last) {
        boolean wallClockOnly = last.getVideoTimeMs() == null && last.getWallClockMs() != null;
        return MatchEvent.newBuilder()
                .setMatchId(last.getMatchId())
                .setEventId(MATCH_END_ID)
                .setType(EventType.MATCH_END.name())
                .setPeriod(last.getPeriod())
                .setVideoTimeMs(wallClockOnly ? null : last.getVideoTimeMs() == null ? 0L : last.getVideoTimeMs())
                .setWallClockMs(wallClockOnly ? last.getWallClockMs() : null)
                .build();
    }

    private static boolean isMatchEnd(MatchEvent e) {
        return EventType.MATCH_END.name().equals(e.getType());
    }

    private static long time(MatchEvent e) {
        return e.getVideoTimeMs() == null ? Long.MIN_VALUE : e.getVideoTimeMs();
    }

    private static void await(Future<RecordMetadata> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IOException(
                    "Kafka did not accept an event: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

package io.hookline.ingest.kafka;

import io.hookline.model.RenderedClip;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the clips topic from its start, with {@code isolation.level=read_committed} so only clips of the job's
 * committed transactions show, and without a consumer group: no offsets are committed, because what has been
 * published is the ledger's to say. A record that is no clip is reported with its place and skipped.
 */
public final class ClipsTopicReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<String> badRecord;

    /** Waits up to {@code waitForTopic} for the topic to exist, then reads all its partitions from the start. */
    public ClipsTopicReader(String bootstrapServers, String topic, Duration waitForTopic, Consumer<String> badRecord)
            throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.badRecord = badRecord;
        List<TopicPartition> partitions = partitions(waitForTopic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private List<TopicPartition> partitions(Duration waitForTopic) throws IOException {
        Instant deadline = Instant.now().plus(waitForTopic);
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
            }
            if (Instant.now().isAfter(deadline)) {
                consumer.close();
                throw new IOException("clips topic " + topic + " does not exist (waited " + waitForTopic.toSeconds()
                        + " s); start the live job first, or check --follow and --bootstrap");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                consumer.close();
                throw new IOException("interrupted while waiting for clips topic " + topic, e);
            }
        }
    }

    /** Every committed clip up to where the topic ended when this was called: the backlog of a (re)start. */
    public List<RenderedClip> catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<RenderedClip> clips = new ArrayList<>();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            clips.addAll(poll(Duration.ofMillis(200)));
        }
        return clips;
    }

    /** The clips committed since the last read, waiting up to {@code wait} for one. */
    public List<RenderedClip> poll(Duration wait) {
        List<RenderedClip> clips = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
            try {
                clips.add(AvroMessages.decodeRenderedClip(r.value()));
            } catch (IOException | RuntimeException e) {
                badRecord.accept("clips topic " + topic + ", partition " + r.partition() + ", offset " + r.offset()
                        + ": not a clip record (" + e.getMessage() + "); skipped");
            }
        }
        return clips;
    }

    /** Makes a {@link #poll} in another thread return at once, by throwing WakeupException. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

package io.hookline.demo;

import io.hookline.ingest.kafka.AvroMessages;
import io.hookline.model.RenderedClip;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the clips topic as a downstream consumer does, with {@code isolation.level=read_committed}: a clip shows
 * up when the job's checkpoint commits the Kafka transaction that holds it. Each record is handed on with the
 * time it was received.
 */
final class ClipsTopic implements AutoCloseable {
    /** How long a fetch may wait at the broker: it bounds how late a commit is noticed. */
    private static final int FETCH_WAIT_MS = 100;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BiConsumer<RenderedClip, Instant> onClip;
    private final Thread thread;
    private volatile Exception failure;

    ClipsTopic(String bootstrapServers, String topic, BiConsumer<RenderedClip, Instant> onClip) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "hookline-live-demo");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        this.onClip = onClip;
        this.thread = new Thread(this::run, "clips-topic");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why reading stopped early, or null. */
    Exception failure() {
        return failure;
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(FETCH_WAIT_MS))) {
                    onClip.accept(AvroMessages.decodeRenderedClip(r.value()), Instant.now());
                }
            }
        } catch (WakeupException e) {
            // close() asked the consumer to stop.
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}

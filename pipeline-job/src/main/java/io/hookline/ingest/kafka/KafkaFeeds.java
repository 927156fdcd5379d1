package io.hookline.ingest.kafka;

import io.hookline.model.FeedRecord;
import io.hookline.model.RenderedClip;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The job's Kafka ends: match events in, manifest entries out. {@code clientProperties} go to the Kafka
 * clients as they are (security settings, for instance).
 */
public final class KafkaFeeds {

    private KafkaFeeds() {}

    /**
     * Match events from {@code topic}. A new consumer group starts at the beginning of the topic; after that
     * the offsets come from the job's checkpoints.
     */
    @SuppressWarnings("deprecation") // the connector still takes Kafka's OffsetResetStrategy
    public static KafkaSource<FeedRecord> events(
            String bootstrapServers, String topic, String groupId, Properties clientProperties) {
        return KafkaSource.<FeedRecord>builder()
                .setProperties(clientProperties)
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setDeserializer(new FeedRecordDeserializer())
                .build();
    }

    /**
     * Manifest entries to {@code topic}, exactly once: each checkpoint commits a Kafka transaction (Flink's
     * two-phase commit), so a consumer reading with {@code isolation.level=read_committed} sees every clip
     * once, whatever failed and was replayed in between.
     *
     * @param transactionTimeout how long the broker keeps an open transaction; longer than a checkpoint
     *     interval plus a restart, and no longer than the broker's {@code transaction.max.timeout.ms}
     */
    public static KafkaSink<RenderedClip> clips(
            String bootstrapServers,
            String topic,
            String transactionalIdPrefix,
            Duration transactionTimeout,
            Properties clientProperties) {
        Properties producer = new Properties();
        producer.putAll(clientProperties);
        return KafkaSink.<RenderedClip>builder()
                .setKafkaProducerConfig(producer)
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new RenderedClipSerializer(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(transactionTimeout.toMillis()))
                .build();
    }
}

package io.hookline.testing;

import io.hookline.demo.EmbeddedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The embedded KRaft broker the demo uses, with a read-committed reader of its topics for the tests. */
public final class KafkaTestBroker implements AutoCloseable {
    private final EmbeddedKafka kafka;

    private KafkaTestBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public static KafkaTestBroker start() throws Exception {
        return new KafkaTestBroker(EmbeddedKafka.start());
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public void createTopic(String name, int partitions) throws Exception {
        kafka.createTopic(name, partitions);
    }

    /** A read-committed consumer of {@code topic} from its beginning, subscribed by the time this returns. */
    public TopicReader reader(String topic) {
        return new TopicReader(bootstrapServers(), topic);
    }

    /** Reads a topic as a downstream consumer of the job would: only records of committed transactions. */
    public static final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

        TopicReader(String bootstrapServers, String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }

        /**
         * Every record read so far, once at least {@code expected} are in and no new one came for
         * {@code quiet} (so a duplicate would still show), or when {@code timeout} is up.
         */
        public List<ConsumerRecord<byte[], byte[]>> readUntil(int expected, Duration timeout, Duration quiet) {
            Instant deadline = Instant.now().plus(timeout);
            Instant quietUntil = records.size() >= expected ? Instant.now().plus(quiet) : null;
            while (Instant.now().isBefore(deadline)
                    && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                int before = records.size();
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                if (records.size() >= expected && (quietUntil == null || records.size() > before)) {
                    quietUntil = Instant.now().plus(quiet);
                }
            }
            return List.copyOf(records);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}

package io.hookline.ingest.kafka;

import io.hookline.model.RenderedClip;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A manifest entry as a Kafka record: keyed by match, so one match's clips stay in order on one partition. */
public final class RenderedClipSerializer implements KafkaRecordSerializationSchema<RenderedClip> {
    private final String topic;

    public RenderedClipSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(RenderedClip clip, KafkaSinkContext context, Long timestamp) {
        // No timestamp: the job's event time is video time (minutes after 1970), which Kafka's retention
        // would take for records long expired. The producer stamps the time of sending instead.
        return new ProducerRecord<>(
                topic, clip.getMatchId().getBytes(StandardCharsets.UTF_8), AvroMessages.encode(clip));
    }
}

package io.hookline.ingest.kafka;

import io.hookline.ingest.FeedException;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns each Kafka record of the events topic into a {@link FeedRecord}. A record that cannot be decoded
 * (a poison record) becomes a FeedRecord with the reason, so it goes to the match's dead letters and the
 * job keeps running; the record key (the match id, as {@code submit} writes it) says which match it spoilt.
 */
public final class FeedRecordDeserializer implements KafkaRecordDeserializationSchema<FeedRecord> {
    /** How much of a poison record the dead letter keeps. */
    private static final int RAW_BYTES = 512;

    private transient MatchEventDecoder decoder;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder = MatchEventDecoder.current();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<FeedRecord> out) {
        FeedRecord.Builder feed = FeedRecord.newBuilder()
                .setOrigin(record.topic() + "-" + record.partition() + "@" + record.offset())
                .setSequence(record.offset());
        try {
            MatchEvent event = decoder.decode(record.value());
            out.collect(feed.setMatchId(event.getMatchId()).setEvent(event).build());
        } catch (FeedException e) {
            out.collect(feed.setMatchId(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))
                    .setError(e.getMessage())
                    .setRaw(raw(record.value()))
                    .build());
        }
    }

    private static String raw(byte[] value) {
        if (value == null) {
            return null;
        }
        byte[] head = value.length > RAW_BYTES ? Arrays.copyOf(value, RAW_BYTES) : value;
        return "base64:" + Base64.getEncoder().encodeToString(head) + (head == value ? "" : "...");
    }

    @Override
    public TypeInformation<FeedRecord> getProducedType() {
        return TypeInformation.of(FeedRecord.class);
    }
}

package io.hookline.ingest.kafka;

import static io.hookline.testing.Events.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.ingest.FeedException;
import io.hookline.model.ClipKind;
import io.hookline.model.MatchEvent;
import io.hookline.model.RenderedClip;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class MatchEventDecoderTest {
    private final MatchEventDecoder decoder = MatchEventDecoder.current();

    @Test
    void readsWhatThePublisherWrites() throws Exception {
        MatchEvent event =
                goal("e1", 61_000, 1, 0).setPlayers(List.of("Léa Martin")).build();

        byte[] bytes = AvroMessages.encode(event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(decoder.decode(bytes)).isEqualTo(event);
    }

    @Test
    void aNewerWriterSchemaIsReadOnceTheDecoderKnowsIt() throws Exception {
        // A later version of the feed adds a field with a default, as the evolution rules allow.
        Schema newer = withExtraField(MatchEvent.getClassSchema());
        GenericRecord record = new GenericData.Record(newer);
        MatchEvent event = goal("e2", 5_000, 2, 0).build();
        for (Schema.Field f : MatchEvent.getClassSchema().getFields()) {
            record.put(f.name(), GenericData.get().deepCopy(f.schema(), event.get(f.name())));
        }
        record.put("stadiumClockMs", 123L);
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer)
                .encode(record)
                .array();

        assertThatThrownBy(() -> decoder.decode(bytes))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("written with an unknown schema (fingerprint ")
                .hasMessageEndingWith("): not a MatchEvent schema this job knows");
        assertThat(new MatchEventDecoder(List.of(newer)).decode(bytes)).isEqualTo(event);
    }

    @Test
    void aRecordWrittenBeforeWallClockTimesIsStillRead() throws Exception {
        // What a build before wallClockMs writes: its schema is kept with the decoder.
        Schema earlier = MatchEventDecoder.earlierSchemas().get(0);
        assertThat(earlier.getField("wallClockMs")).isNull();
        MatchEvent event = goal("e4", 7_000, 1, 0).build();
        GenericRecord record = new GenericData.Record(earlier);
        for (Schema.Field f : earlier.getFields()) {
            record.put(f.name(), GenericData.get().deepCopy(f.schema(), event.get(f.name())));
        }
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), earlier)
                .encode(record)
                .array();

        assertThat(decoder.decode(bytes)).isEqualTo(event);
    }

    @Test
    void aRecordOfAnotherTypeIsRefusedWithTheReason() {
        RenderedClip clip = RenderedClip.newBuilder()
                .setClipId("c")
                .setMatchId("m1")
                .setKind(ClipKind.play)
                .setRank(1)
                .setScore(1)
                .setTitle("t")
                .setSourceStartMs(0)
                .setSourceEndMs(1)
                .setPeakMs(0)
                .setExplanation("")
                .setSegments(List.of())
                .setRenditions(List.of())
                .build();

        assertThatThrownBy(() -> decoder.decode(AvroMessages.encode(clip))).hasMessageContaining("unknown schema");
    }

    @Test
    void bytesThatAreNotAvroAreRefusedWithTheReason() {
        assertThatThrownBy(() -> decoder.decode("{\"matchId\":\"m1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("not an Avro single-object encoded MatchEvent");
        assertThatThrownBy(() -> decoder.decode(new byte[0])).hasMessage("empty Kafka record: no MatchEvent in it");
    }

    @Test
    void aTruncatedRecordIsRefusedWithTheReason() throws Exception {
        byte[] whole = AvroMessages.encode(goal("e3", 1_000, 1, 0).build());
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        cut.write(whole, 0, 14);

        assertThatThrownBy(() -> decoder.decode(cut.toByteArray()))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("undecodable MatchEvent: ");
    }

    private static Schema withExtraField(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("stadiumClockMs", Schema.create(Schema.Type.LONG), null, 0L));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}

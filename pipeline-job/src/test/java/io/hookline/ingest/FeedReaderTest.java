package io.hookline.ingest;

import static io.hookline.testing.Events.event;
import static io.hookline.testing.Events.goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private static final MatchEvent E1 = goal("e1", 1_000, 1, 0).build();
    private static final MatchEvent E2 = event("e2", "SHOT", 2_000).build();
    private static final MatchEvent E3 = event("e3", "SAVE", 2_500).build();

    @Test
    void readsJsonLinesSkippingBlankOnesAndNumberingTheRest() throws IOException {
        List<FeedRecord> records = readLines(json(E1), "", json(E2), "   \t", json(E3), "");

        assertThat(records).extracting(FeedRecord::getEvent).containsExactly(E1, E2, E3);
        // Line numbers count the blank lines, so an editor finds the line.
        assertThat(records).extracting(FeedRecord::getOrigin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:3", "feed.jsonl:5");
        assertThat(records).extracting(FeedRecord::getSequence).containsExactly(1L, 3L, 5L);
        assertThat(records).extracting(FeedRecord::getMatchId).containsOnly("m1");
        assertThat(records).extracting(FeedRecord::getError).containsOnlyNulls();
    }

    @Test
    void aBadLineBecomesARecordWithTheReasonAndStaysInPlace() throws IOException {
        List<FeedRecord> records = readLines(json(E1), "{\"matchId\":", json(E2));

        assertThat(records).extracting(FeedRecord::getOrigin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3");
        FeedRecord bad = records.get(1);
        assertThat(bad.getEvent()).isNull();
        assertThat(bad.getError()).startsWith("malformed JSON: ");
        assertThat(bad.getRaw()).isEqualTo("{\"matchId\":");
        assertThat(bad.getSequence()).isEqualTo(2);
        assertThat(bad.getMatchId()).isEqualTo("m1");
    }

    @Test
    void aBadFirstLineBelongsToTheMatchOfTheNextGoodLine() throws IOException {
        MatchEvent other = event("x1", "GOAL", 1_000).setMatchId("m9").build();

        List<FeedRecord> records = readLines("garbage", "", "{oops", json(other), json(E1));

        assertThat(records).extracting(FeedRecord::getOrigin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5");
        assertThat(records).extracting(FeedRecord::getMatchId).containsExactly("m9", "m9", "m9", "m1");
        assertThat(records.get(0).getRaw()).isEqualTo("garbage");
    }

    @Test
    void aLineThatIsJsonButNotAnEventKeepsTheMatchItNames() throws IOException {
        String typo = "{\"matchId\":\"m2\",\"eventId\":\"e5\",\"typ\":\"GOAL\",\"period\":1}";

        List<FeedRecord> records = readLines(typo, json(E1));

        assertThat(records.get(0).getMatchId()).isEqualTo("m2");
        assertThat(records.get(0).getError()).isEqualTo("unknown field 'typ' (did you mean 'type'?)");
        assertThat(records.get(1).getMatchId()).isEqualTo("m1");
    }

    @Test
    void withoutAnyGoodLineTheMatchIsUnknown() throws IOException {
        List<FeedRecord> records = readLines("nope", "[]");

        assertThat(records).extracting(FeedRecord::getMatchId)
                .containsExactly(FeedReader.UNKNOWN_MATCH, FeedReader.UNKNOWN_MATCH);
        assertThat(records).extracting(FeedRecord::getError)
                .satisfiesExactly(e -> assertThat(e).startsWith("malformed JSON: "),
                        e -> assertThat(e).isEqualTo("expected a JSON object"));
    }

    @Test
    void anEmptyFeedHasNoRecords() throws IOException {
        assertThat(read(new byte[0], "feed.jsonl")).isEmpty();
        assertThat(readLines("", " ")).isEmpty();
    }

    @Test
    void readsAnAvroContainerOfMatchEvents() throws IOException {
        List<FeedRecord> records = read(avro(List.of(E1, E2, E3)), "feed.avro");

        assertThat(records).extracting(FeedRecord::getEvent).containsExactly(E1, E2, E3);
        assertThat(records).extracting(FeedRecord::getOrigin)
                .containsExactly("feed.avro record 1", "feed.avro record 2", "feed.avro record 3");
        assertThat(records).extracting(FeedRecord::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(FeedRecord::getMatchId).containsOnly("m1");
    }

    @Test
    void anAvroFileOfAnotherRecordIsRefusedWhenOpened() throws IOException {
        Schema player = SchemaBuilder.record("Player").namespace("io.other").fields()
                .requiredString("name").requiredInt("shirt").endRecord();
        GenericRecord record = new GenericData.Record(player);
        record.put("name", "Léa Martin");
        record.put("shirt", 9);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(player))) {
            writer.create(player, bytes);
            writer.append(record);
        }

        assertThatThrownBy(() -> FeedReader.open(new ByteArrayInputStream(bytes.toByteArray()), "players.avro"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("players.avro: not a readable Avro file of MatchEvent records: "
                        + "its records are io.other.Player (NAME_MISMATCH ")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE matchId at /fields/0");
    }

    @Test
    void aTruncatedAvroHeaderIsRefusedWhenOpened() throws IOException {
        byte[] whole = avro(List.of(E1));

        assertThatThrownBy(() -> FeedReader.open(new ByteArrayInputStream(Arrays.copyOf(whole, 100)), "feed.avro"))
                .isInstanceOf(IOException.class)
                .hasMessage("feed.avro: not a readable Avro file of MatchEvent records: "
                        + "the file ends inside its header");
    }

    @Test
    void aDamagedAvroBlockEndsTheFileWithAnErrorRecordAndKeepsWhatCameBefore() throws IOException {
        List<MatchEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event("e" + i, "SHOT", i * 1_000L).build());
        }
        byte[] damaged = avro(events);
        // The last bytes are the sync marker after the last block.
        damaged[damaged.length - 3] ^= 0x55;

        List<FeedRecord> records = read(damaged, "feed.avro");

        FeedRecord last = records.get(records.size() - 1);
        List<FeedRecord> good = records.subList(0, records.size() - 1);
        assertThat(good).isNotEmpty();
        assertThat(good).extracting(FeedRecord::getEvent).isEqualTo(events.subList(0, good.size()));
        assertThat(last.getEvent()).isNull();
        assertThat(last.getError()).startsWith("unreadable Avro record, the rest of the file was skipped: ");
        assertThat(last.getOrigin()).isEqualTo("feed.avro record " + (good.size() + 1));
        assertThat(last.getSequence()).isEqualTo(good.size() + 1);
        assertThat(last.getMatchId()).isEqualTo("m1");
    }

    @Test
    void aDamagedAvroHeaderIsRefusedWhenOpened() {
        byte[] damaged = {'O', 'b', 'j', 1, 0x7f, 0x7f};

        assertThatThrownBy(() -> FeedReader.open(new ByteArrayInputStream(damaged), "feed.avro"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("feed.avro: not a readable Avro file of MatchEvent records: ");
    }

    /** An Avro container of the events, in blocks of a few records each. */
    private static byte[] avro(List<MatchEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataFileWriter<MatchEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(MatchEvent.class))) {
            writer.setSyncInterval(64);
            writer.create(MatchEvent.getClassSchema(), bytes);
            for (MatchEvent e : events) {
                writer.append(e);
            }
        }
        return bytes.toByteArray();
    }

    private static String json(MatchEvent e) {
        return MatchEventJson.write(e);
    }

    private static List<FeedRecord> readLines(String... lines) throws IOException {
        return read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "feed.jsonl");
    }

    private static List<FeedRecord> read(byte[] bytes, String name) throws IOException {
        List<FeedRecord> records = new ArrayList<>();
        try (FeedReader reader = FeedReader.open(new ByteArrayInputStream(bytes), name)) {
            for (FeedRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            // The end stays the end.
            assertThat(reader.next()).isNull();
        }
        return records;
    }
}

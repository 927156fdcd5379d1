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
        assertThat(records)
                .extracting(FeedRecord::getOrigin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:3", "feed.jsonl:5");
        assertThat(records).extracting(FeedRecord::getSequence).containsExactly(1L, 3L, 5L);
        assertThat(records).extracting(FeedRecord::getMatchId).containsOnly("m1");
        assertThat(records).extracting(FeedRecord::getError).containsOnlyNulls();
    }

    @Test
    void aBadLineBecomesARecordWithTheReasonAndStaysInPlace() throws IOException {
        List<FeedRecord> records = readLines(json(E1), "{\"matchId\":", json(E2));

        assertThat(records)
                .extracting(FeedRecord::getOrigin)
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

        assertThat(records)
                .extracting(FeedRecord::getOrigin)
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

        assertThat(records)
                .extracting(FeedRecord::getMatchId)
                .containsExactly(FeedReader.UNKNOWN_MATCH, FeedReader.UNKNOWN_MATCH);
        assertThat(records)
                .extracting(FeedRecord::getError)
                .satisfiesExactly(
                        e -> assertThat(e).startsWith("malformed JSON: "),
                        e -> assertThat(e).isEqualTo("expected a JSON object"));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsNotPartOfIt() throws IOException {
        byte[] text = (json(E1) + "\n" + json(E2) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        List<FeedRecord> records = read(withBom, "feed.jsonl");

        assertThat(records).extracting(FeedRecord::getEvent).containsExactly(E1, E2);
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedNamingTheByteOfItsBadSequence() throws IOException {
        String good = json(E1) + "\r\n";
        String named = json(event("e2", "SHOT", 2_000)
                .setPlayers(List.of("Kwame XX Asante"))
                .build());
        byte[] line = named.getBytes(StandardCharsets.UTF_8);
        int at = named.indexOf("XX");
        // A lead byte of a two-byte character followed by a byte that cannot continue it.
        line[at] = (byte) 0xC3;
        line[at + 1] = (byte) 0x28;
        byte[] feed =
                concat(good.getBytes(StandardCharsets.UTF_8), line, ("\n" + json(E3)).getBytes(StandardCharsets.UTF_8));

        List<FeedRecord> records = read(feed, "feed.jsonl");

        assertThat(records)
                .extracting(FeedRecord::getOrigin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3");
        FeedRecord bad = records.get(1);
        assertThat(bad.getEvent()).isNull();
        assertThat(bad.getError())
                .isEqualTo("not UTF-8: the byte(s) C3 at byte " + (good.length() + at) + " of the file (byte "
                        + (at + 1) + " of the line) are not a character; save the feed as UTF-8");
        assertThat(bad.getMatchId()).isEqualTo("m1");
        assertThat(bad.getRaw()).contains("Kwame \uFFFD(");
        assertThat(records.get(2).getEvent()).isEqualTo(E3);
    }

    @Test
    void linesEndWithAnyOfTheThreeLineBreaks() throws IOException {
        byte[] feed = (json(E1) + "\r" + json(E2) + "\r\n\n" + json(E3)).getBytes(StandardCharsets.UTF_8);

        assertThat(read(feed, "feed.jsonl"))
                .extracting(FeedRecord::getOrigin)
                .containsExactly("feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:4");
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
        assertThat(records)
                .extracting(FeedRecord::getOrigin)
                .containsExactly("feed.avro record 1", "feed.avro record 2", "feed.avro record 3");
        assertThat(records).extracting(FeedRecord::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(FeedRecord::getMatchId).containsOnly("m1");
    }

    @Test
    void anAvroFileOfAnotherRecordIsRefusedWhenOpened() throws IOException {
        Schema player = SchemaBuilder.record("Player")
                .namespace("io.other")
                .fields()
                .requiredString("name")
                .requiredInt("shirt")
                .endRecord();
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
                        + "the file ends inside its header, at byte 100");
    }

    @Test
    void aDamagedAvroBlockIsSkippedToTheNextBlockWithAnErrorRecordNamingItsByte() throws IOException {
        List<MatchEvent> events = shots(20);
        byte[] damaged = avro(events);
        List<Integer> blocks = blockStarts(damaged);
        int second = blocks.get(1);
        int third = blocks.get(2);
        // Garbage in the second block's records; its sync marker, and so every later block, is intact.
        Arrays.fill(damaged, second + 4, third - 20, (byte) 0xff);

        List<FeedRecord> records = read(damaged, "feed.avro");

        List<MatchEvent> read = records.stream()
                .map(FeedRecord::getEvent)
                .filter(e -> e != null)
                .toList();
        FeedRecord bad =
                records.stream().filter(r -> r.getEvent() == null).findFirst().orElseThrow();
        assertThat(bad.getOrigin()).isEqualTo("feed.avro at byte " + second);
        assertThat(bad.getError())
                .startsWith("the block at byte " + second + " of feed.avro cannot be decoded (")
                .endsWith("records are lost");
        assertThat(bad.getMatchId()).isEqualTo("m1");
        // Only the damaged block's records are missing: the blocks after it are read.
        assertThat(records).filteredOn(r -> r.getEvent() == null).hasSize(1);
        assertThat(events).containsSubsequence(read);
        assertThat(read).contains(events.get(events.size() - 1)).hasSizeLessThan(events.size());
    }

    @Test
    void aBlockWithAWrongSyncMarkerIsSkippedToTheNextMarker() throws IOException {
        List<MatchEvent> events = shots(20);
        byte[] damaged = avro(events);
        List<Integer> blocks = blockStarts(damaged);
        int second = blocks.get(1);
        int third = blocks.get(2);
        // The marker that ends the second block.
        damaged[third - 5] ^= 0x55;

        List<FeedRecord> records = read(damaged, "feed.avro");

        FeedRecord bad =
                records.stream().filter(r -> r.getEvent() == null).findFirst().orElseThrow();
        assertThat(bad.getOrigin()).isEqualTo("feed.avro at byte " + second);
        assertThat(bad.getError())
                .startsWith("the block at byte " + second + " of feed.avro is damaged: the sync marker after its ")
                .endsWith(" bytes is wrong; its records are lost; reading resumed at the next sync marker, byte "
                        + blocks.get(3));
        // The block after it is lost too (its start was only known by the broken marker); the rest is read.
        assertThat(records).filteredOn(r -> r.getEvent() == null).hasSize(1);
        assertThat(records.get(records.size() - 1).getEvent()).isEqualTo(events.get(events.size() - 1));
    }

    @Test
    void aSecondDamagedBlockAfterAResynchronisationLosesOnlyItself() throws IOException {
        List<MatchEvent> events = shots(30);
        byte[] damaged = avro(events);
        List<List<MatchEvent>> blockEvents = new ArrayList<>();
        try (AvroBlockReader intact = AvroBlockReader.open(new ByteArrayInputStream(damaged.clone()), "feed.avro")) {
            for (AvroBlockReader.Block b = intact.next(); b != null; b = intact.next()) {
                blockEvents.add(b.events());
            }
        }
        List<Integer> blocks = blockStarts(damaged);
        // The first block's marker: it and the block after it are lost, reading resumes at the third.
        damaged[blocks.get(1) - 5] ^= 0x55;
        // The fourth block claims most of the fifth, so no marker is where its size says its own is.
        int fourth = blocks.get(3);
        int countBytes = 1;
        int size = blocks.get(4) - fourth - countBytes - 2 - 16;
        int claimed = size + blocks.get(5) - blocks.get(4) - 8;
        assertThat(size).isBetween(64, 8191);
        assertThat(claimed).isBetween(64, 8191);
        damaged[fourth + countBytes] = (byte) (((claimed << 1) & 0x7f) | 0x80);
        damaged[fourth + countBytes + 1] = (byte) (claimed >> 6);

        List<FeedRecord> records = read(damaged, "feed.avro");

        assertThat(records)
                .filteredOn(r -> r.getEvent() == null)
                .extracting(FeedRecord::getOrigin)
                .containsExactly("feed.avro at byte " + blocks.get(0), "feed.avro at byte " + fourth);
        // The third block is read, and everything from the fifth on.
        List<MatchEvent> expected = new ArrayList<>(blockEvents.get(2));
        blockEvents.subList(4, blockEvents.size()).forEach(expected::addAll);
        assertThat(records)
                .extracting(FeedRecord::getEvent)
                .filteredOn(e -> e != null)
                .isEqualTo(expected);
    }

    @Test
    void anAvroFileCutInHalfEndsWithAnErrorNamingTheByteWhereTheDataStops() throws IOException {
        // Without a sync interval Avro writes a small file as one block: cut, nothing of it can be read.
        byte[] whole = avro(List.of(E1, E2, E3), 64_000);
        int header = blockStarts(whole).get(0);
        int cut = header + (whole.length - header) / 2;

        List<FeedRecord> records = read(Arrays.copyOf(whole, cut), "feed.avro");

        assertThat(records).hasSize(1);
        FeedRecord r = records.get(0);
        assertThat(r.getEvent()).isNull();
        assertThat(r.getOrigin()).isEqualTo("feed.avro at byte " + header);
        assertThat(r.getError())
                .matches("feed.avro is truncated: the data stops at byte " + cut + ", inside the"
                        + " block that starts at byte " + header
                        + " \\(it declares 3 records in \\d+ bytes\\); the records"
                        + " from there on are lost");
        assertThat(r.getMatchId()).isEqualTo(FeedReader.UNKNOWN_MATCH);
    }

    @Test
    void anAvroFileCutInItsLastBlockKeepsTheBlocksBefore() throws IOException {
        List<MatchEvent> events = shots(20);
        byte[] whole = avro(events);
        List<Integer> blocks = blockStarts(whole);
        int last = blocks.get(blocks.size() - 1);

        List<FeedRecord> records = read(Arrays.copyOf(whole, whole.length - 3), "feed.avro");

        FeedRecord end = records.get(records.size() - 1);
        assertThat(end.getOrigin()).isEqualTo("feed.avro at byte " + last);
        assertThat(end.getError())
                .startsWith("feed.avro is truncated: the data stops at byte " + (whole.length - 3) + ",");
        assertThat(end.getMatchId()).isEqualTo("m1");
        assertThat(records.subList(0, records.size() - 1))
                .extracting(FeedRecord::getEvent)
                .isEqualTo(events.subList(0, records.size() - 1));
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
        return avro(events, 64);
    }

    private static byte[] avro(List<MatchEvent> events, int syncInterval) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataFileWriter<MatchEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(MatchEvent.class))) {
            writer.setSyncInterval(syncInterval);
            writer.create(MatchEvent.getClassSchema(), bytes);
            for (MatchEvent e : events) {
                writer.append(e);
            }
        }
        return bytes.toByteArray();
    }

    /** Where each block starts: after the header's sync marker and after each block's (the file's last 16 bytes). */
    private static List<Integer> blockStarts(byte[] file) {
        byte[] sync = Arrays.copyOfRange(file, file.length - 16, file.length);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 16 < file.length; i++) {
            if (Arrays.equals(file, i, i + 16, sync, 0, 16)) {
                starts.add(i + 16);
            }
        }
        return starts;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static List<MatchEvent> shots(int n) {
        List<MatchEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event("e" + i, "SHOT", i * 1_000L).build());
        }
        return events;
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

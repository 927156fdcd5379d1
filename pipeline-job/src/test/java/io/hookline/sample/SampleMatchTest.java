package io.hookline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.testing.DecodedClip;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMatchTest {
    /** A small, low-rate picture keeps the full 190 s match quick to encode and decode. */
    private static final SampleMatch.VideoFormat SMALL = new SampleMatch.VideoFormat(320, 180, 10, true);

    @TempDir
    static Path dir;

    private static SampleMatch.Written written;

    @BeforeAll
    static void write() throws IOException {
        written = SampleMatch.write(dir, SMALL);
    }

    @Test
    void reportsWhatItWrote() {
        assertThat(written.matchId()).isEqualTo("sample-2026-derby");
        assertThat(written.video()).isEqualTo(dir.resolve("match.mp4")).isRegularFile();
        assertThat(written.avroEvents()).isEqualTo(dir.resolve("events.avro")).isRegularFile();
        assertThat(written.jsonEvents()).isEqualTo(dir.resolve("events.jsonl")).isRegularFile();
        assertThat(written.eventCount()).isEqualTo(SampleMatch.events().size());
        assertThat(written.durationMs()).isEqualTo(190_000);
        assertThat(dir).isDirectoryNotContaining(path -> path.toString().endsWith(".partial"));
    }

    @Test
    void avroAndJsonLinesHoldTheSameEvents() throws IOException {
        List<MatchEvent> avro = readAvro(written.avroEvents());

        assertThat(avro).isEqualTo(SampleMatch.feed(SampleMatch.DURATION_MS));
        assertThat(avro.get(0)).isEqualTo(SampleMatch.descriptor().event());
        assertThat(readJsonLines(written.jsonEvents())).isEqualTo(avro);
    }

    @Test
    void jsonLinesAreWrittenPlainly() throws IOException {
        String first = Files.readAllLines(written.jsonEvents(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"type\":\"GOAL\""))
                .findFirst()
                .orElseThrow();

        assertThat(first)
                .startsWith("{\"matchId\":\"sample-2026-derby\",\"eventId\":\"e009\",\"version\":1,"
                        + "\"type\":\"GOAL\",\"period\":1,\"gameClockMs\":761000,\"videoTimeMs\":33000,\"team\":\"home\","
                        + "\"players\":[\"Kwame Asante\"],\"score\":{\"home\":1,\"away\":0},"
                        + "\"location\":{\"x\":0.91,\"y\":0.48},");
    }

    @Test
    void feedLooksLikeARealMatch() {
        List<MatchEvent> events = SampleMatch.events();

        assertThat(events).hasSizeGreaterThanOrEqualTo(36);
        assertThat(events)
                .extracting(MatchEvent::getEventId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size())
                        .mapToObj(i -> String.format("e%03d", i))
                        .toList());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getMatchId()).isEqualTo(SampleMatch.MATCH_ID);
            assertThat(EventType.parse(e.getType())).as(e.getType()).isPresent();
        });
        assertThat(events)
                .extracting(MatchEvent::getType)
                .contains(
                        "PERIOD_START",
                        "PERIOD_END",
                        "GOAL",
                        "SHOT",
                        "SAVE",
                        "ASSIST",
                        "KEY_PASS",
                        "FOUL",
                        "CARD",
                        "SET_PIECE",
                        "SUBSTITUTION");
        assertThat(events).extracting(MatchEvent::getPeriod).containsOnly(1, 2);
        assertThat(events)
                .flatExtracting(MatchEvent::getPlayers)
                .anyMatch(name -> name.contains("'"))
                .anyMatch(name -> name.chars().anyMatch(c -> c > 127));
    }

    @Test
    void videoAndGameTimesMoveForwardAndLeaveRoomForRolls() {
        List<MatchEvent> events = SampleMatch.events();

        assertThat(events)
                .extracting(MatchEvent::getVideoTimeMs)
                .isSorted()
                .allSatisfy(t -> assertThat(t).isBetween(5_000L, SampleMatch.DURATION_MS - 8_000));
        for (int period = 1; period <= 2; period++) {
            int p = period;
            assertThat(events.stream()
                            .filter(e -> e.getPeriod() == p)
                            .map(MatchEvent::getGameClockMs)
                            .toList())
                    .isSorted();
        }
    }

    @Test
    void scoreAfterEachEventCountsTheGoalsSoFar() {
        int home = 0;
        int away = 0;
        for (MatchEvent event : SampleMatch.events()) {
            if (event.getType().equals("GOAL")) {
                if (event.getTeam().equals("home")) {
                    home++;
                } else {
                    away++;
                }
            }
            assertThat(event.getScore()).as(event.getEventId()).isEqualTo(new Score(home, away));
        }
        assertThat(List.of(home, away)).isEqualTo(List.of(3, 2));
    }

    @Test
    void videoCoversTheWholeMatchFrameByFrame() throws IOException {
        DecodedClip clip = DecodedClip.decode(written.video());

        assertThat(clip.width()).isEqualTo(320);
        assertThat(clip.frameRate()).isEqualTo(10.0);
        assertThat(clip.sourceFrames())
                .containsExactly(LongStream.range(0, 1_900).toArray());
        assertThat(clip.durationUs()).isCloseTo(190_000_000L, within(100_000L));

        // The crowd roars at every goal and is quiet before kick-off (measured between two sync beeps).
        assertThat(clip.rmsDbfs(1_200_000, 1_900_000)).as("before kick-off").isCloseTo(-30, within(2.5));
        for (MatchEvent goal : SampleMatch.events().stream()
                .filter(e -> e.getType().equals("GOAL"))
                .toList()) {
            long at = goal.getVideoTimeMs() * 1000;
            assertThat(clip.rmsDbfs(at + 100_000, at + 500_000))
                    .as("roar at %s", goal.getEventId())
                    .isGreaterThan(-12);
        }
    }

    @Test
    void feedFilesAreTheSameBytesEveryTime() throws IOException {
        Path again = Files.createDirectories(dir.resolve("again"));
        EventFiles.writeAvro(
                SampleMatch.feed(SampleMatch.DURATION_MS), SampleMatch.MATCH_ID, again.resolve("events.avro"));
        EventFiles.writeJsonLines(SampleMatch.feed(SampleMatch.DURATION_MS), again.resolve("events.jsonl"));

        assertThat(Files.mismatch(again.resolve("events.avro"), written.avroEvents()))
                .isEqualTo(-1L);
        assertThat(Files.mismatch(again.resolve("events.jsonl"), written.jsonEvents()))
                .isEqualTo(-1L);
    }

    private static List<MatchEvent> readAvro(Path file) throws IOException {
        List<MatchEvent> events = new ArrayList<>();
        try (DataFileReader<MatchEvent> reader =
                new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(MatchEvent.class))) {
            reader.forEach(events::add);
        }
        return events;
    }

    /** An independent reading of the JSON Lines, field by field, so a writer bug cannot hide behind a shared mapper. */
    private static List<MatchEvent> readJsonLines(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<MatchEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode json = mapper.readTree(line);
            Map<String, String> attributes = new TreeMap<>();
            json.path("attributes")
                    .properties()
                    .forEach(f -> attributes.put(f.getKey(), f.getValue().asText()));
            List<String> players = new ArrayList<>();
            json.path("players").forEach(p -> players.add(p.asText()));
            events.add(MatchEvent.newBuilder()
                    .setMatchId(json.get("matchId").asText())
                    .setEventId(json.get("eventId").asText())
                    .setVersion(json.get("version").asInt())
                    .setType(json.get("type").asText())
                    .setPeriod(json.get("period").asInt())
                    .setGameClockMs(
                            json.has("gameClockMs") ? json.get("gameClockMs").asLong() : null)
                    .setVideoTimeMs(
                            json.has("videoTimeMs") ? json.get("videoTimeMs").asLong() : null)
                    .setTeam(json.has("team") ? json.get("team").asText() : null)
                    .setPlayers(players)
                    .setScore(
                            json.has("score")
                                    ? new Score(
                                            json.get("score").get("home").asInt(),
                                            json.get("score").get("away").asInt())
                                    : null)
                    .setLocation(
                            json.has("location")
                                    ? new Location(
                                            json.get("location").get("x").asDouble(),
                                            json.get("location").get("y").asDouble())
                                    : null)
                    .setDescription(
                            json.has("description") ? json.get("description").asText() : null)
                    .setAttributes(attributes)
                    .setDeleted(json.path("deleted").asBoolean(false))
                    .build());
        }
        return events;
    }
}

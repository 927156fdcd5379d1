package io.hookline.ingest;

import static io.hookline.testing.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatchEventJsonTest {

    @Test
    void everyFieldSurvivesARoundTrip() throws FeedException {
        MatchEvent full = MatchEvent.newBuilder()
                .setMatchId("m1")
                .setEventId("e7")
                .setVersion(3)
                .setType("GOAL")
                .setPeriod(2)
                .setGameClockMs(2_712_000L)
                .setVideoTimeMs(75_400L)
                .setTeam("home")
                .setPlayers(List.of("Léa Martin", "Ana Silva"))
                .setScore(new Score(2, 1))
                .setLocation(new Location(0.93, 0.1))
                .setDescription("Header from the corner")
                .setAttributes(Map.of("providerType", "goal-header", "xg", "0.31"))
                .setDeleted(true)
                .build();

        String line = MatchEventJson.write(full);

        assertThat(MatchEventJson.parse(line)).isEqualTo(full);
    }

    @Test
    void aMinimalEventSurvivesARoundTripWithItsDefaults() throws FeedException {
        MatchEvent minimal = MatchEvent.newBuilder()
                .setMatchId("m1")
                .setEventId("e1")
                .setType("FOUL")
                .setPeriod(1)
                .build();

        MatchEvent back = MatchEventJson.parse(MatchEventJson.write(minimal));

        assertThat(back).isEqualTo(minimal);
        assertThat(back.getVersion()).isEqualTo(1);
        assertThat(back.getVideoTimeMs()).isNull();
        assertThat(back.getDeleted()).isFalse();
    }

    @Test
    void readsTheDocumentedLine() throws FeedException {
        MatchEvent e = MatchEventJson.parse(
                "{\"matchId\":\"m1\",\"eventId\":\"e7\",\"type\":\"GOAL\",\"period\":1,\"videoTimeMs\":75400,"
                        + "\"players\":[\"A. Name\"],\"attributes\":{\"minute\":43,\"providerType\":\"G\"}}");

        assertThat(e)
                .isEqualTo(event("e7", "GOAL", 75_400)
                        .setPlayers(List.of("A. Name"))
                        .setAttributes(Map.of("minute", "43", "providerType", "G"))
                        .build());
    }

    @Test
    void nullMeansAbsent() throws FeedException {
        MatchEvent e = MatchEventJson.parse(line(Map.of("team", "null", "score", "null", "version", "null")));

        assertThat(e.getTeam()).isNull();
        assertThat(e.getScore()).isNull();
        assertThat(e.getVersion()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "⚽🔥 GOOOAL",
                "He said \"top bins\"",
                "back\\slash and /slash",
                "محمد صلاح",
                "שלום world 123",
                "line one\nline two\ttab",
                "\u0000 nul and \u202e override",
            })
    void feedTextSurvivesARoundTripOnOneLine(String text) throws FeedException {
        MatchEvent e = event("e1", "GOAL", 1_000)
                .setPlayers(List.of(text))
                .setTeam(text)
                .setDescription(text)
                .setAttributes(Map.of(text, text))
                .build();

        String line = MatchEventJson.write(e);

        assertThat(line).doesNotContain("\n", "\r");
        assertThat(MatchEventJson.parse(line)).isEqualTo(e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void badLineIsRefusedWithTheReason(String line, String message) {
        assertThatThrownBy(() -> MatchEventJson.parse(line))
                .isInstanceOf(FeedException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                // Not an object
                Arguments.of("[1,2]", "expected a JSON object"),
                Arguments.of("\"GOAL\"", "expected a JSON object"),
                Arguments.of("42", "expected a JSON object"),
                // Unknown fields, with a hint when one is a typo away
                Arguments.of(
                        line(Map.of("videoTimeMS", "5")), "unknown field 'videoTimeMS' (did you mean 'videoTimeMs'?)"),
                Arguments.of(line(Map.of("playrs", "[]")), "unknown field 'playrs' (did you mean 'players'?)"),
                Arguments.of(line(Map.of("evnetId", "\"e2\"")), "unknown field 'evnetId' (did you mean 'eventId'?)"),
                Arguments.of(line(Map.of("xyzzy", "1")), "unknown field 'xyzzy'"),
                // Missing required fields, or null ones
                Arguments.of(line(Map.of("matchId", "")), "missing field 'matchId'"),
                Arguments.of(line(Map.of("eventId", "")), "missing field 'eventId'"),
                Arguments.of(line(Map.of("type", "")), "missing field 'type'"),
                Arguments.of(line(Map.of("period", "")), "missing field 'period'"),
                Arguments.of(line(Map.of("matchId", "null")), "missing field 'matchId'"),
                Arguments.of(line(Map.of("score", "{\"home\":1}")), "missing field 'score.away'"),
                Arguments.of(line(Map.of("location", "{\"y\":0.5}")), "missing field 'location.x'"),
                // Wrong types
                Arguments.of(line(Map.of("matchId", "7")), "field 'matchId': expected a string, got 7"),
                Arguments.of(line(Map.of("period", "\"1\"")), "field 'period': expected an integer, got \"1\""),
                Arguments.of(line(Map.of("period", "1.5")), "field 'period': expected an integer, got 1.5"),
                Arguments.of(
                        line(Map.of("version", "2147483648")), "field 'version': expected an integer, got 2147483648"),
                Arguments.of(
                        line(Map.of("videoTimeMs", "\"75s\"")),
                        "field 'videoTimeMs': expected a whole number of milliseconds, got \"75s\""),
                Arguments.of(
                        line(Map.of("gameClockMs", "1.5")),
                        "field 'gameClockMs': expected a whole number of milliseconds, got 1.5"),
                Arguments.of(line(Map.of("team", "[\"home\"]")), "field 'team': expected a string, got [\"home\"]"),
                Arguments.of(
                        line(Map.of("players", "\"A. Name\"")),
                        "field 'players': expected a list of names, got \"A. Name\""),
                Arguments.of(line(Map.of("players", "[\"A\",3]")), "field 'players': expected a string, got 3"),
                Arguments.of(
                        line(Map.of("score", "[2,1]")),
                        "field 'score': expected an object {\"home\": n, \"away\": n}, got [2,1]"),
                Arguments.of(
                        line(Map.of("score", "{\"home\":\"2\",\"away\":1}")),
                        "field 'score.home': expected an integer, got \"2\""),
                Arguments.of(
                        line(Map.of("location", "{\"x\":\"left\",\"y\":0.5}")),
                        "field 'location.x': expected a number, got \"left\""),
                Arguments.of(
                        line(Map.of("attributes", "[]")), "field 'attributes': expected an object of strings, got []"),
                Arguments.of(
                        line(Map.of("attributes", "{\"k\":{\"a\":1}}")),
                        "field 'attributes.k': expected a string or number, got {\"a\":1}"),
                Arguments.of(
                        line(Map.of("deleted", "\"yes\"")), "field 'deleted': expected true or false, got \"yes\""),
                // A long wrong value is cut short in the message
                Arguments.of(
                        line(Map.of("description", "[\"" + "x".repeat(60) + "\"]")),
                        "field 'description': expected a string, got [\"" + "x".repeat(35) + "..."));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"matchId\":\"m1\",",
                "{matchId: \"m1\"}",
                "{'matchId': 'm1'}",
                "not json at all",
                "{\"matchId\":\"m1\",\"eventId\":\"e1\",}",
            })
    void malformedJsonIsSaidToBeSo(String line) {
        assertThatThrownBy(() -> MatchEventJson.parse(line))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("malformed JSON: ");
    }

    @Test
    void twoEventsRunTogetherOnOneLineAreAnErrorNotOneEvent() {
        // A lost newline must not silently drop the second event.
        String two = line(Map.of()) + line(Map.of("eventId", "\"e2\""));

        assertThatThrownBy(() -> MatchEventJson.parse(two))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("malformed JSON: ");
    }

    /** A valid event line with some fields replaced by raw JSON values, or left out when the value is "". */
    private static String line(Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("matchId", "\"m1\"");
        fields.put("eventId", "\"e1\"");
        fields.put("type", "\"GOAL\"");
        fields.put("period", "1");
        fields.put("videoTimeMs", "75400");
        fields.putAll(changes);
        return fields.entrySet().stream()
                .filter(f -> !f.getValue().isEmpty())
                .map(f -> "\"" + f.getKey() + "\":" + f.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Test
    void aWallClockTimeIsADateAndTimeWithItsZone() throws FeedException {
        MatchEvent e = MatchEventJson.parse("{\"matchId\":\"m1\",\"eventId\":\"e1\",\"type\":\"GOAL\",\"period\":1,"
                + "\"wallClock\":\"2026-12-06T21:00:30.250+01:00\"}");

        assertThat(e.getWallClockMs())
                .isEqualTo(java.time.Instant.parse("2026-12-06T20:00:30.250Z").toEpochMilli());
        assertThat(e.getVideoTimeMs()).isNull();
        assertThat(MatchEventJson.write(e)).contains("\"wallClock\":\"2026-12-06T20:00:30.250Z\"");
        assertThat(MatchEventJson.parse(MatchEventJson.write(e))).isEqualTo(e);
        assertThatThrownBy(() -> MatchEventJson.parse("{\"matchId\":\"m1\",\"eventId\":\"e1\",\"type\":\"GOAL\","
                        + "\"period\":1,\"wallClock\":\"20:00:30\"}"))
                .isInstanceOf(FeedException.class)
                .hasMessage(
                        "wallClock: '20:00:30' is not a date and time with its zone, such as 2026-12-06T20:00:30.250Z");
    }
}

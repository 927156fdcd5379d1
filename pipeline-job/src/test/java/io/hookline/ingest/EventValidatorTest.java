package io.hookline.ingest;

import static io.hookline.testing.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.Location;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.vocabulary.EventType;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {
    private static final long VIDEO_MS = 100_000;
    private final EventValidator validator = new EventValidator(VIDEO_MS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void eachRuleNamesTheEventAndWhatIsWrong(String rule, UnaryOperator<MatchEvent.Builder> change, String problem) {
        MatchEvent e = change.apply(event("e1", "GOAL", 50_000)).build();

        assertThat(validator.problem(e)).contains(problem);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                problem("empty match id", b -> b.setMatchId(""), "matchId is empty"),
                problem("blank match id", b -> b.setMatchId("  "), "matchId is empty"),
                problem("empty event id", b -> b.setEventId(""), "eventId is empty"),
                problem(
                        "misspelt type",
                        b -> b.setType("GOLA"),
                        "event e1: unknown event type 'GOLA' (did you mean 'GOAL'?)"),
                problem(
                        "lower-case type",
                        b -> b.setType("goal"),
                        "event e1: unknown event type 'goal' (did you mean 'GOAL'?)"),
                problem(
                        "unknown type",
                        b -> b.setType("WHISTLE"),
                        "event e1: unknown event type 'WHISTLE'; known types: " + EventType.names()),
                problem("version 0", b -> b.setVersion(0), "event e1: version must be 1 or more, got 0"),
                problem("period 0", b -> b.setPeriod(0), "event e1: period must be 1 or more, got 0"),
                problem("negative game clock", b -> b.setGameClockMs(-1L), "event e1: gameClockMs is negative: -1"),
                problem("negative home score", b -> b.setScore(new Score(-1, 0)), "event e1: score is negative: -1-0"),
                problem("negative away score", b -> b.setScore(new Score(2, -3)), "event e1: score is negative: 2--3"),
                problem(
                        "x past the end line",
                        b -> b.setLocation(new Location(1.1, 0.5)),
                        "event e1: location must be within 0..1 on both axes, got (1.1, 0.5)"),
                problem(
                        "y below the side line",
                        b -> b.setLocation(new Location(0.5, -0.1)),
                        "event e1: location must be within 0..1 on both axes, got (0.5, -0.1)"),
                problem(
                        "no video time",
                        b -> b.setVideoTimeMs(null),
                        "event e1: no videoTimeMs: the event cannot be"
                                + " placed in the video (import provider feeds with a sync file)"),
                problem(
                        "before the video",
                        b -> b.setVideoTimeMs(-1L),
                        "event e1: videoTimeMs -1 is outside the video (0..100000 ms)"),
                problem(
                        "after the video",
                        b -> b.setVideoTimeMs(100_001L),
                        "event e1: videoTimeMs 100001 is outside the video (0..100000 ms)"),
                // The first rule broken is the one reported.
                problem(
                        "type and version",
                        b -> b.setType("GOLA").setVersion(0),
                        "event e1: unknown event type 'GOLA' (did you mean 'GOAL'?)"));
    }

    private static Arguments problem(String rule, UnaryOperator<MatchEvent.Builder> change, String problem) {
        return Arguments.of(rule, change, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void valuesOnTheEdgeAreFine(String edge, UnaryOperator<MatchEvent.Builder> change) {
        assertThat(validator.problem(change.apply(event("e1", "GOAL", 50_000)).build()))
                .isEmpty();
    }

    static Stream<Arguments> edges() {
        return Stream.of(
                edge("first frame", b -> b.setVideoTimeMs(0L)),
                edge("last frame", b -> b.setVideoTimeMs(VIDEO_MS)),
                edge("corners of the pitch", b -> b.setLocation(new Location(0.0, 1.0))),
                edge("kick-off clock and score", b -> b.setGameClockMs(0L).setScore(new Score(0, 0))),
                edge("a correction", b -> b.setVersion(7)),
                edge("a delete", b -> b.setDeleted(true)));
    }

    private static Arguments edge(String edge, UnaryOperator<MatchEvent.Builder> change) {
        return Arguments.of(edge, change);
    }

    @Test
    void withoutAVideoLengthOnlyNegativeTimesAreOutside() {
        EventValidator unknownLength = new EventValidator(-1);

        assertThat(unknownLength.problem(event("e1", "GOAL", 999_999_999).build()))
                .isEmpty();
        assertThat(unknownLength.problem(event("e1", "GOAL", -5).build()))
                .contains("event e1: videoTimeMs -5 is negative");
    }

    @Test
    void aWallClockTimeWithoutAVideoTimeWaitsForAGrowingVideoOnly() {
        MatchEvent timedByTheWall = event("e1", "GOAL", 0)
                .setVideoTimeMs(null)
                .setWallClockMs(1_796_000_000_000L)
                .build();

        assertThat(new EventValidator(-1).problem(timedByTheWall)).isEmpty();
        assertThat(validator.problem(timedByTheWall))
                .contains("event e1: no videoTimeMs, only a wallClock: a"
                        + " wall-clock time is placed only by a live job, on an HLS video with EXT-X-PROGRAM-DATE-TIME (or"
                        + " import the feed with a sync file and --video PLAYLIST)");
    }
}

package io.hookline.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sync files: the documented examples load, and every mistake is reported at its file, line and column. */
class SyncFileTest {

    @Test
    void theNbaExampleLoads() throws Exception {
        SyncFile sync = example("nba-example.yaml");
        assertThat(sync.matchId()).isEqualTo(new Located<>("0021500001", "nba-example.yaml:7:10"));
        assertThat(sync.clock().value()).isEqualTo(GameClock.countdown(720_000, 300_000, 4));
        assertThat(sync.homeTeam().value()).isEqualTo("ATL");
        assertThat(sync.sync().points()).hasSize(11);
        // The fourth quarter's stopped clock: 2:00 maps to when it stopped.
        assertThat(sync.sync().place(4, 120_000).videoMs()).isEqualTo(ClockText.parseMs("0:14:00"));
        assertThat(sync.sync().place(4, 60_000).videoMs()).isEqualTo(ClockText.parseMs("0:14:40"));
    }

    @Test
    void theSoccerExampleLoads() throws Exception {
        SyncFile sync = example("statsbomb-example.yaml");
        assertThat(sync.matchId().value()).isEqualTo("15986");
        assertThat(sync.clock().value().kind()).isEqualTo(ClockKind.RUNNING);
        assertThat(sync.sync().place(2, 0).videoMs()).isEqualTo(ClockText.parseMs("1:01:25.5"));
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        assertProblem("""
                matchId: m1
                clock: countdown
                periodLenght: "12:00"
                periods: {1: "0:00"}
                """, "s.yaml:3:1: unknown key 'periodLenght'; did you mean 'periodLength'?");
        assertProblem("""
                clock: running
                periods: {1: "0:00"}
                """, "s.yaml:1:1: missing required key 'matchId'");
        assertProblem(
                """
                matchId: m1
                clock: sideways
                periods: {1: "0:00"}
                """,
                "s.yaml:2:8: clock must be countdown (time remaining, stops: basketball) or running (time since"
                        + " the period started: soccer), got 'sideways'");
        assertProblem(
                """
                matchId: m1
                clock: countdown
                periodLength: "12:00"
                periods: {1: "0:00"}
                sync:
                  - {period: 1, clock: "7:4x", video: "0:02:00"}
                """,
                "s.yaml:6:24: clock: '7:4x' is not a time (expected M:SS, H:MM:SS or seconds, with up to 3"
                        + " decimals)");
        assertProblem("""
                matchId: m1
                clock: running
                periodLength: "45:00"
                periods: {1: "0:00"}
                """, "s.yaml:3:1: periodLength is only for countdown clocks");
        assertProblem("""
                matchId: m1
                clock: countdown
                periods: {1: "0:00"}
                """, "s.yaml:1:1: missing required key 'periodLength'");
        assertProblem("""
                matchId: m1
                clock: running
                periods: {0: "0:00"}
                """, "s.yaml:3:11: periods: period: expected a whole number from 1, got '0'");
        assertProblem(
                """
                matchId: m1
                clock: running
                """,
                "s.yaml:1:1: nothing places the clock on the video: give periods (each period's start) or sync"
                        + " points");
        assertProblem("""
                matchId: m1
                clock: running
                periods: {1: "0:00"}
                sync:
                  - {period: 1, clock: "10:00", video: "0:10:00", note: x}
                """, "s.yaml:5:51: unknown key 'note'; known keys: clock, period, video");
    }

    @Test
    void syncPointsThatAreNotMonotonicNameTheLineOfTheOffendingPoint() {
        assertProblem(
                """
                matchId: m1
                clock: countdown
                periodLength: "12:00"
                periods:
                  1: "0:00:30"
                sync:
                  - {period: 1, clock: "6:00", video: "0:05:00"}
                  - {period: 1, clock: "3:00", video: "0:04:10"}
                """,
                "s.yaml:8:5: sync points are not monotonic: period 1 clock 3:00 at video 0:04:10 comes later in"
                        + " the game than period 1 clock 6:00 at video 0:05:00 (s.yaml:7:5) but not later in the video");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysHaveAPosition() {
        assertThatThrownBy(() -> read("matchId: m1\nclock: [running\n"))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("s.yaml:3:1: YAML syntax error");
        assertProblem("""
                matchId: m1
                matchId: m2
                clock: running
                periods: {1: "0:00"}
                """, "s.yaml:2:1: duplicate key 'matchId' (first at s.yaml:1:1)");
        assertThatThrownBy(() -> read("")).hasMessage("s.yaml:1:1: the file is empty");
    }

    private static void assertProblem(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(SyncException.class).hasMessage(message);
    }

    private static SyncFile read(String yaml) throws SyncException {
        return SyncFile.read("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static SyncFile example(String name) throws IOException, SyncException {
        try (InputStream in = SyncFileTest.class.getResourceAsStream("/sync/" + name)) {
            return SyncFile.read(name, in.readAllBytes());
        }
    }
}

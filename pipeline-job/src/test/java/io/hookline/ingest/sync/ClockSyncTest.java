package io.hookline.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The clock mapping: count-down clocks that stop, running clocks, period boundaries, points in any order. */
class ClockSyncTest {
    private static final GameClock NBA = GameClock.countdown(ms("12:00"), ms("5:00"), 4);

    @Test
    void aCountdownClockIsLinearBetweenSyncPoints() throws SyncException {
        // Quarter 1 starts at 0:30 of the video; 6:00 is shown at 5:30 and 0:00 at 8:00.
        ClockSync sync = ClockSync.of(
                NBA, List.of(start(1, "0:00:30"), point(1, "6:00", "0:05:30"), point(1, "0:00", "0:08:00")));
        // 9:00 remaining: 3 of the first 6 minutes have gone, half of the 5 minutes of video.
        assertThat(sync.place(1, ms("9:00")))
                .isEqualTo(new ClockSync.Placement(ms("3:00"), false, start(1, "0:00:30")));
        // 3:00 remaining: half way from 5:30 to 8:00.
        assertThat(sync.place(1, ms("3:00")).videoMs()).isEqualTo(ms("6:45"));
        assertThat(sync.place(1, ms("12:00")).videoMs()).isEqualTo(ms("0:30"));
        assertThat(sync.place(1, 0).videoMs()).isEqualTo(ms("8:00"));
        // Rounded to the millisecond.
        assertThat(sync.place(1, ms("11:59.999")).videoMs()).isEqualTo(ms("0:30") + 1);
    }

    @Test
    void aStoppedClockMapsItsReadingToWhenItStoppedAndRunsOnFromWhenItRestarted() throws SyncException {
        // The clock stood at 7:41 from 1:40 to 2:10 of the video (a foul, two free throws), then ran 41 s in 41 s.
        ClockSync sync = ClockSync.of(
                NBA,
                List.of(
                        start(1, "0:00:00"),
                        point(1, "7:41", "0:01:40"),
                        point(1, "7:41", "0:02:10"),
                        point(1, "7:00", "0:02:51")));
        assertThat(sync.place(1, ms("7:41")).videoMs()).isEqualTo(ms("1:40"));
        assertThat(sync.place(1, ms("7:40")).videoMs()).isEqualTo(ms("2:11"));
        assertThat(sync.place(1, ms("7:00")).videoMs()).isEqualTo(ms("2:51"));
        // Before the stop, the 4:19 of clock took 1:40 of video.
        assertThat(sync.place(1, ms("12:00") - ms("4:19") / 2).videoMs()).isEqualTo(ms("0:50"));
    }

    @Test
    void periodsAreMappedApartAndAPeriodEndIsExtrapolatedWithAWarning() throws SyncException {
        ClockSync sync =
                ClockSync.of(NBA, List.of(start(1, "0:00:00"), point(1, "0:00", "0:10:00"), start(2, "0:12:00")));
        // The end of quarter 1 and the start of quarter 2 are two minutes of video apart: no interpolation across.
        assertThat(sync.place(1, 0).videoMs()).isEqualTo(ms("10:00"));
        assertThat(sync.place(2, ms("12:00")).videoMs()).isEqualTo(ms("12:00"));
        // Quarter 2 has only its start: past it the clock is followed at real time, flagged.
        ClockSync.Placement late = sync.place(2, ms("11:00"));
        assertThat(late.videoMs()).isEqualTo(ms("13:00"));
        assertThat(late.extrapolated()).isTrue();
        assertThat(late.from()).isEqualTo(start(2, "0:12:00"));
        assertThat(sync.place(1, ms("1:00")).extrapolated()).isFalse();
    }

    @Test
    void overtimeHasItsOwnLength() throws SyncException {
        ClockSync sync = ClockSync.of(NBA, List.of(start(5, "2:30:00"), point(5, "0:00", "2:40:00")));
        assertThat(sync.place(5, ms("5:00")).videoMs()).isEqualTo(ms("2:30:00"));
        assertThat(sync.place(5, ms("2:30")).videoMs()).isEqualTo(ms("2:35:00"));
        assertThatThrownBy(() -> sync.place(5, ms("6:00")))
                .hasMessageContaining("clock 6:00 is more than period 5 lasts (5:00)");
    }

    @Test
    void syncPointsGivenOutOfOrderMapTheSameAsInOrder() throws SyncException {
        List<SyncPoint> ordered = List.of(
                start(1, "0:00:30"),
                point(1, "9:00", "0:02:00"),
                point(1, "9:00", "0:02:30"),
                point(1, "4:00", "0:06:00"),
                point(1, "0:00", "0:08:00"),
                start(2, "0:09:00"),
                point(2, "3:00", "0:15:00"));
        List<SyncPoint> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(shuffled).isNotEqualTo(ordered);
        ClockSync a = ClockSync.of(NBA, ordered);
        ClockSync b = ClockSync.of(NBA, shuffled);
        assertThat(b.points()).isEqualTo(ordered);
        for (int period = 1; period <= 2; period++) {
            for (long clock = ms("12:00"); clock >= 0; clock -= 7_000) {
                assertThat(b.place(period, clock)).isEqualTo(a.place(period, clock));
            }
        }
    }

    @Test
    void pointsThatGoBackInTheVideoAreRefusedNamingTheLaterOne() {
        // 3:00 remaining comes after 6:00 in the game, but is written as earlier in the video.
        assertThatThrownBy(() -> ClockSync.of(
                        NBA,
                        List.of(point(1, "6:00", "0:05:00", "s.yaml:7:5"), point(1, "3:00", "0:04:10", "s.yaml:8:5"))))
                .isInstanceOf(SyncException.class)
                .hasMessage("s.yaml:8:5: sync points are not monotonic: period 1 clock 3:00 at video 0:04:10 comes"
                        + " later in the game than period 1 clock 6:00 at video 0:05:00 (s.yaml:7:5) but not later"
                        + " in the video");
        // The second quarter cannot start before the first ends.
        assertThatThrownBy(() -> ClockSync.of(
                        NBA,
                        List.of(point(1, "0:00", "0:10:00", "s.yaml:7:5"), point(2, "12:00", "0:09:00", "s.yaml:9:5"))))
                .hasMessageStartingWith("s.yaml:9:5: sync points are not monotonic");
        // Two readings at one video time would be a clock jumping.
        assertThatThrownBy(() ->
                        ClockSync.of(NBA, List.of(point(1, "6:00", "0:05:00", "a"), point(1, "5:00", "0:05:00", "b"))))
                .hasMessageStartingWith("b: sync points are not monotonic");
    }

    @Test
    void aReadingBeforeThePeriodsFirstPointOrInAPeriodWithoutPointsCannotBePlaced() throws SyncException {
        ClockSync sync = ClockSync.of(NBA, List.of(point(1, "10:00", "0:01:00", "s.yaml:6:5")));
        assertThat(sync.place(1, ms("10:00")).videoMs()).isEqualTo(ms("1:00"));
        assertThatThrownBy(() -> sync.place(1, ms("11:30")))
                .hasMessage("period 1 clock 11:30 is before the first sync point of the period, period 1 clock 10:00"
                        + " at video 0:01:00 (s.yaml:6:5)");
        assertThatThrownBy(() -> sync.place(2, ms("11:30")))
                .hasMessage("period 2 has no start and no sync point in the sync file");
    }

    @Test
    void aPointOutsideItsPeriodIsRefused() {
        assertThatThrownBy(() -> ClockSync.of(NBA, List.of(point(1, "12:30", "0:01:00", "s.yaml:6:5"))))
                .hasMessage("s.yaml:6:5: sync point: clock 12:30 is more than period 1 lasts (12:00)");
    }

    @Test
    void aRunningClockNeedsOnlyThePeriodStarts() throws SyncException {
        GameClock soccer = GameClock.running();
        ClockSync sync = ClockSync.of(
                soccer, List.of(new SyncPoint(1, 0, ms("0:05:00"), "a"), new SyncPoint(2, 0, ms("1:02:00"), "b")));
        ClockSync.Placement messi = sync.place(1, ms("18:21.121"));
        assertThat(messi.videoMs()).isEqualTo(ms("0:05:00") + ms("18:21.121"));
        assertThat(messi.extrapolated()).isFalse();
        assertThat(sync.place(2, ms("5:18.479")).videoMs()).isEqualTo(ms("1:02:00") + ms("5:18.479"));
        // Stoppage time runs past 45:00 without a limit.
        assertThat(sync.place(1, ms("48:01.108")).videoMs()).isEqualTo(ms("0:05:00") + ms("48:01.108"));
    }

    @Test
    void aRunningClockWithACutInTheVideoFollowsItsSyncPoints() throws SyncException {
        // 2 minutes of the first half are missing from the video at 30:00 of the clock.
        ClockSync sync = ClockSync.of(
                GameClock.running(),
                List.of(
                        new SyncPoint(1, 0, 0, "a"),
                        new SyncPoint(1, ms("30:00"), ms("30:00"), "b"),
                        new SyncPoint(1, ms("32:00"), ms("30:01"), "c")));
        assertThat(sync.place(1, ms("40:00")).videoMs()).isEqualTo(ms("38:01"));
        assertThat(sync.place(1, ms("40:00")).extrapolated()).isFalse();
    }

    private static SyncPoint start(int period, String video) {
        return new SyncPoint(period, NBA.startReading(period), ms(video), null);
    }

    private static SyncPoint point(int period, String clock, String video) {
        return new SyncPoint(period, ms(clock), ms(video), null);
    }

    private static SyncPoint point(int period, String clock, String video, String origin) {
        return new SyncPoint(period, ms(clock), ms(video), origin);
    }

    private static long ms(String time) {
        return ClockText.parseMs(time);
    }
}

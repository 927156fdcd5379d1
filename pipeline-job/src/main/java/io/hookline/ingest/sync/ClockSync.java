package io.hookline.ingest.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps a game clock reading (period, clock) to a time in the match video, piecewise linearly between sync
 * points. Points may be given in any order; they are sorted by game time and must then be strictly increasing
 * in video time. Two points with the same reading at different video times are a stopped clock: that reading
 * maps to the earlier one (the moment the clock stopped), later readings continue from the later one.
 *
 * <p>Past the last point of a period the clock is followed at real time. For a running clock that is exact;
 * for a count-down clock, which stops while the video runs, it is a guess and the placement says it was
 * extrapolated. A reading before the first point of its period, or in a period without points, cannot be
 * placed at all.
 */
public final class ClockSync {
    private static final Comparator<Anchor> GAME_ORDER = Comparator.comparingInt(
                    (Anchor a) -> a.point().period())
            .thenComparingLong(Anchor::elapsedMs)
            .thenComparingLong(a -> a.point().videoMs());

    private final GameClock clock;
    private final Map<Integer, List<Anchor>> periods;

    /** Where a reading landed, and which sync point it was measured from. */
    public record Placement(long videoMs, boolean extrapolated, SyncPoint from) {}

    private record Anchor(long elapsedMs, SyncPoint point) {}

    private ClockSync(GameClock clock, Map<Integer, List<Anchor>> periods) {
        this.clock = clock;
        this.periods = periods;
    }

    /** Checks and sorts the points; the exception names the first point that does not fit. */
    public static ClockSync of(GameClock clock, List<SyncPoint> points) throws SyncException {
        List<Anchor> anchors = new ArrayList<>();
        for (SyncPoint p : points) {
            String problem = clock.problem(p.period(), p.clockMs()).orElse(null);
            if (problem != null) {
                throw new SyncException(p.origin(), "sync point: " + problem);
            }
            if (p.videoMs() < 0) {
                throw new SyncException(p.origin(), "sync point: video time is negative");
            }
            anchors.add(new Anchor(clock.elapsedMs(p.period(), p.clockMs()), p));
        }
        anchors.sort(GAME_ORDER);
        Map<Integer, List<Anchor>> periods = new TreeMap<>();
        Anchor previous = null;
        for (Anchor a : anchors) {
            if (previous != null && a.point().videoMs() <= previous.point().videoMs()) {
                throw new SyncException(
                        a.point().origin(),
                        "sync points are not monotonic: "
                                + without(a.point()).describe() + " comes later in the game than "
                                + previous.point().describe() + " but not later in the video");
            }
            periods.computeIfAbsent(a.point().period(), p -> new ArrayList<>()).add(a);
            previous = a;
        }
        return new ClockSync(clock, periods);
    }

    /** Every point, in game order. */
    public List<SyncPoint> points() {
        return periods.values().stream()
                .flatMap(List::stream)
                .map(Anchor::point)
                .toList();
    }

    /** Places a reading on the video; the exception says why it cannot be placed. */
    public Placement place(int period, long clockMs) throws SyncException {
        String problem = clock.problem(period, clockMs).orElse(null);
        if (problem != null) {
            throw new SyncException(null, problem);
        }
        List<Anchor> anchors = periods.get(period);
        if (anchors == null) {
            throw new SyncException(null, "period " + period + " has no start and no sync point in the sync file");
        }
        long elapsed = clock.elapsedMs(period, clockMs);
        Anchor first = anchors.get(0);
        if (elapsed < first.elapsedMs()) {
            throw new SyncException(
                    null,
                    "period " + period + " clock " + ClockText.format(clockMs)
                            + " is before the first sync point of the period, "
                            + first.point().describe());
        }
        Anchor before = null;
        for (Anchor a : anchors) {
            if (a.elapsedMs() == elapsed) {
                return new Placement(a.point().videoMs(), false, a.point());
            }
            if (a.elapsedMs() > elapsed) {
                return new Placement(between(before, a, elapsed), false, before.point());
            }
            before = a;
        }
        long video = before.point().videoMs() + (elapsed - before.elapsedMs());
        return new Placement(video, clock.kind() == ClockKind.COUNTDOWN, before.point());
    }

    private static long between(Anchor a, Anchor b, long elapsed) {
        double share = (double) (elapsed - a.elapsedMs()) / (b.elapsedMs() - a.elapsedMs());
        return a.point().videoMs()
                + Math.round(share * (b.point().videoMs() - a.point().videoMs()));
    }

    // The point's own origin already leads the message.
    private static SyncPoint without(SyncPoint p) {
        return new SyncPoint(p.period(), p.clockMs(), p.videoMs(), null);
    }
}

package io.hookline.ingest.video;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Joins the MPEG-TS segments of a window across discontinuities. The first run keeps its time stamps; each
 * later run is moved so that its first frame falls where the playlist places its segment, after the window's
 * first frame as on the timeline. An encoder's restart or a spliced break then reads as one timeline, with
 * the frames in their places, instead of the window stopping at it.
 */
final class TsRuns implements SegmentRuns {
    private final long originTicks;
    private final long originUs;
    private final int videoPid;
    private long run;
    private long shiftTicks;
    /** The latest video time so far, after the origin, and the step between frames: a run never goes back. */
    private long lastTicks;

    private long frameTicks;

    private TsRuns(long originTicks, long originUs, int videoPid, long run) {
        this.originTicks = originTicks;
        this.originUs = originUs;
        this.videoPid = videoPid;
        this.run = run;
    }

    /** Starts a window at its first readable segment; empty when the segment has no video to time it by. */
    static Optional<TsRuns> startingAt(SegmentTimeline.Placed placed, byte[] data) {
        OptionalInt pid = TsClock.videoPid(data);
        List<Long> times = pid.isPresent() ? TsClock.presentationTimes(data, pid.getAsInt()) : List.of();
        if (times.isEmpty()) {
            return Optional.empty();
        }
        TsRuns runs = new TsRuns(earliest(times, times.get(0)), placed.startUs(), pid.getAsInt(), placed.run());
        runs.follow(times);
        return Optional.of(runs);
    }

    /** The segment's bytes on the window's timeline; a run with no video on the window's video PID cannot be. */
    @Override
    public byte[] join(SegmentTimeline.Placed placed, byte[] data) throws Unjoinable {
        List<Long> times = TsClock.presentationTimes(data, videoPid);
        if (times.isEmpty() && placed.run() != run) {
            throw new Unjoinable("no video time");
        }
        if (placed.run() != run) {
            long first = earliest(times, times.get(0));
            long wanted = (placed.startUs() - originUs) * 9 / 100;
            long target = Math.max(wanted, lastTicks + frameTicks);
            shiftTicks = originTicks + target - first;
            run = placed.run();
        }
        follow(times.stream().map(t -> t + shiftTicks).toList());
        return shiftTicks == 0 ? data : TsRetime.shifted(data, shiftTicks);
    }

    private void follow(List<Long> times) {
        long previous = Long.MIN_VALUE;
        for (long time : times.stream()
                .map(t -> TsClock.ticksAfter(t, originTicks))
                .sorted()
                .toList()) {
            if (previous != Long.MIN_VALUE && time > previous && (frameTicks == 0 || time - previous < frameTicks)) {
                frameTicks = time - previous;
            }
            previous = time;
            lastTicks = Math.max(lastTicks, time);
        }
    }

    /** The earliest of the times, across a PTS wrap: the first frame shown. */
    private static long earliest(List<Long> times, long reference) {
        long earliest = reference;
        for (long time : times) {
            if (TsClock.ticksAfter(time, earliest) < 0) {
                earliest = time;
            }
        }
        return earliest;
    }
}

package io.hookline.planning;

import io.hookline.model.MediaSignals;
import io.hookline.profiles.CameraMotion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans where a crop window sits in each output frame so it follows the action like a camera operator would:
 * it holds still while the action stays near the middle (dead zone) or nothing moves, pans no faster than a
 * set speed and changes speed no faster than a set acceleration, and cuts straight to the new place at a shot
 * cut instead of panning across it. The path looks at the whole track in advance, so it pans early rather
 * than chasing.
 */
public final class CropPath {
    /** The camera leads the action by this much, the way an operator anticipates a pass. */
    static final long LOOKAHEAD_MS = 300;
    /** Outside the dead zone the camera aims to close the gap in about this long. */
    static final long CATCH_UP_MS = 300;
    /** Action slower than this (frame widths a second) inside the dead zone does not move the camera. */
    static final double STILL_SPEED = 0.05;

    private CropPath() {}

    /**
     * @param media the signals of the plays around this stretch (tracks and cuts); may be empty
     * @param startMs the source time of the first output frame
     * @param frames how many output frames
     * @param fps the output frame rate
     * @param cropWidth the crop's width as a fraction of the source width
     * @param fallbackX where to look when nothing is measured (an event's location, or the middle)
     * @return the centre of the crop for each output frame, as a fraction of the source width
     */
    public static double[] plan(
            List<MediaSignals> media,
            long startMs,
            int frames,
            double fps,
            double cropWidth,
            double fallbackX,
            CameraMotion camera) {
        double half = cropWidth / 2;
        double[] target = new double[frames];
        long[] cuts = cuts(media);
        for (int k = 0; k < frames; k++) {
            long t = startMs + Math.round((k / fps) * 1000);
            // Look ahead, but never into the next shot.
            target[k] = sample(media, Math.min(t + LOOKAHEAD_MS, nextCut(cuts, t) - 1));
        }
        fillGaps(target, fallbackX);
        int[] shot = shots(cuts, startMs, frames, fps);
        double[] smooth = movingAverage(target, shot, Math.max(1, (int) Math.round(camera.smoothingMs() * fps / 1000)));
        double[] centre = new double[frames];
        double dt = 1 / fps;
        double position = clamp(smooth.length == 0 ? fallbackX : smooth[0], half);
        double velocity = 0;
        for (int k = 0; k < frames; k++) {
            if (k > 0 && shot[k] != shot[k - 1]) {
                // A new shot: start where its action is, still.
                position = clamp(smooth[k], half);
                velocity = 0;
            }
            double aim = clamp(smooth[k], half);
            double error = aim - position;
            double along = k + 1 < frames && shot[k + 1] == shot[k] ? (clamp(smooth[k + 1], half) - aim) * fps : 0;
            double wanted;
            if (velocity == 0 && Math.abs(error) <= camera.deadZoneFraction()) {
                wanted = 0; // the action is near the middle: hold still
            } else if (Math.abs(error) <= camera.deadZoneFraction() / 2 && Math.abs(along) < STILL_SPEED) {
                wanted = 0; // caught up with action that has stopped: come to rest
            } else {
                // Move with the action and close the gap, no faster than the camera can still brake on it.
                wanted = along
                        + Math.signum(error)
                                * Math.min(
                                        Math.abs(error) * 1000.0 / CATCH_UP_MS,
                                        stoppingSpeed(Math.abs(error), camera.maxAcceleration(), dt));
            }
            wanted = Math.max(-camera.maxSpeed(), Math.min(camera.maxSpeed(), wanted));
            // Never so fast towards an edge of the frame that the camera could not stop before it.
            double room = wanted > 0 ? (1 - half) - position : position - half;
            wanted =
                    Math.signum(wanted) * Math.min(Math.abs(wanted), stoppingSpeed(room, camera.maxAcceleration(), dt));
            double change = Math.max(
                    -camera.maxAcceleration() * dt, Math.min(camera.maxAcceleration() * dt, wanted - velocity));
            velocity += change;
            if (Math.abs(velocity) < 1e-9) {
                velocity = 0;
            }
            position = clamp(position + velocity * dt, half);
            centre[k] = position;
        }
        return centre;
    }

    /**
     * The fastest speed from which, braking at {@code acceleration} in steps of {@code dt}, the camera stops
     * within {@code distance}.
     */
    static double stoppingSpeed(double distance, double acceleration, double dt) {
        double step = acceleration * dt;
        return Math.max(0, Math.sqrt(2 * acceleration * Math.max(0, distance) + step * step) - step);
    }

    /** The action's x at a source time, from the track that covers it; NaN where nothing moves or no track. */
    static double sample(List<MediaSignals> media, long ms) {
        for (MediaSignals m : media) {
            int k = (int) ((ms - m.getTrackStartMs()) * m.getTrackHz() / 1000);
            if (k >= 0 && k < m.getTrackX().size()) {
                float x = m.getTrackX().get(k);
                return x < 0 ? Double.NaN : x;
            }
        }
        return Double.NaN;
    }

    private static long nextCut(long[] cuts, long t) {
        for (long c : cuts) {
            if (c > t) {
                return c;
            }
        }
        return Long.MAX_VALUE;
    }

    private static long[] cuts(List<MediaSignals> media) {
        List<Long> all = new ArrayList<>();
        media.forEach(m -> all.addAll(m.getCutsMs()));
        return all.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    /** Holds the last known place through stretches where nothing moves; before the first, the first. */
    private static void fillGaps(double[] values, double fallback) {
        int first = 0;
        while (first < values.length && Double.isNaN(values[first])) {
            first++;
        }
        if (first == values.length) {
            Arrays.fill(values, fallback);
            return;
        }
        Arrays.fill(values, 0, first, values[first]);
        for (int k = first + 1; k < values.length; k++) {
            if (Double.isNaN(values[k])) {
                values[k] = values[k - 1];
            }
        }
    }

    /** Which shot each output frame belongs to: the count of cuts at or before it. */
    private static int[] shots(long[] cuts, long startMs, int frames, double fps) {
        int[] shot = new int[frames];
        int cut = 0;
        while (cut < cuts.length && cuts[cut] <= startMs) {
            cut++;
        }
        int first = cut;
        for (int k = 0; k < frames; k++) {
            long t = startMs + Math.round(k / fps * 1000);
            while (cut < cuts.length && cuts[cut] <= t) {
                cut++;
            }
            shot[k] = cut - first;
        }
        return shot;
    }

    /** A centred moving average that never reaches across a shot cut. */
    private static double[] movingAverage(double[] values, int[] shot, int window) {
        double[] out = new double[values.length];
        double[] prefix = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - window / 2);
            int to = Math.min(values.length, i + window / 2 + 1);
            while (shot[from] != shot[i]) {
                from++;
            }
            while (shot[to - 1] != shot[i]) {
                to--;
            }
            out[i] = (prefix[to] - prefix[from]) / (to - from);
        }
        return out;
    }

    private static double clamp(double centre, double half) {
        return Math.max(half, Math.min(1 - half, centre));
    }
}

package io.hookline.render.analysis;

import io.hookline.model.MediaSignals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the measurements of a play's window into the signals the planner ranks and reframes with. */
public final class PlaySignals {

    private PlaySignals() {}

    /**
     * @param reactionFromUs where the crowd's reaction to the play can start (the play's first event)
     * @param reactionToUs where it has died down (a few seconds after the play's last event)
     */
    public static MediaSignals of(MediaMeasurements m, long reactionFromUs, long reactionToUs) {
        int from = bin(m, reactionFromUs);
        int to = Math.max(from + 1, bin(m, reactionToUs));
        Double peak = null;
        Double median = null;
        if (m.hasAudio() && m.loudness().length > 0) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = from; k < Math.min(to, m.loudness().length); k++) {
                max = Math.max(max, m.loudness()[k]);
            }
            peak = Double.isInfinite(max) ? null : max;
            median = median(m.loudness());
        }
        double motion = 0;
        int n = 0;
        for (int k = from; k < Math.min(to, m.motion().length); k++) {
            motion += m.motion()[k];
            n++;
        }
        List<Long> cuts = new ArrayList<>();
        for (long c : m.cutsUs()) {
            cuts.add(c / 1000);
        }
        return MediaSignals.newBuilder()
                .setHasAudio(m.hasAudio())
                .setPeakLoudness(peak)
                .setMedianLoudness(median)
                .setMotion(n == 0 ? 0 : motion / n)
                .setMedianMotion(median(m.motion()))
                .setCutsMs(cuts)
                .setTrackStartMs(m.startUs() / 1000)
                .setTrackHz(m.hz())
                .setTrackX(track(m.x()))
                .setTrackY(track(m.y()))
                .build();
    }

    private static int bin(MediaMeasurements m, long us) {
        return (int) Math.max(0, (us - m.startUs()) * m.hz() / 1_000_000);
    }

    /** Avro has no NaN-friendly JSON: nothing moving is written as -1. */
    private static List<Float> track(float[] values) {
        List<Float> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(Float.isNaN(v) ? -1f : v);
        }
        return out;
    }

    private static double median(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package io.hookline.render.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.MediaSignals;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What the ranking reads from a measured window: a window of 2 s from 10 s, at 10 values a second, where the play's
 * reaction runs from 10.5 s to 11.5 s (bins 5 to 14).
 */
class PlaySignalsTest {
    private static final long START_US = 10_000_000;
    private static final long FROM_US = 10_500_000;
    private static final long TO_US = 11_500_000;

    @Test
    void thePeakIsTheLoudestMomentOfTheReactionAndTheMedianIsTheWholeWindows() {
        float[] loudness = constant(20, -30);
        // Louder before the reaction (bin 2) than in it (bin 9): only the reaction counts.
        loudness[2] = -5;
        loudness[9] = -12;
        loudness[10] = -14;

        MediaSignals s = PlaySignals.of(measurements(loudness, constant(20, 0.1f), true, new long[0]), FROM_US, TO_US);

        assertThat(s.getHasAudio()).isTrue();
        assertThat(s.getPeakLoudness()).isEqualTo(-12.0);
        assertThat(s.getMedianLoudness()).isEqualTo(-30.0);
    }

    @Test
    void motionIsTheMeanOfTheReactionAgainstTheWindowsMedian() {
        float[] motion = constant(20, 0.1f);
        for (int k = 5; k < 15; k++) {
            motion[k] = k < 10 ? 0.2f : 0.4f;
        }

        MediaSignals s = PlaySignals.of(measurements(constant(20, -30), motion, true, new long[0]), FROM_US, TO_US);

        assertThat(s.getMotion()).isCloseTo(0.3, within(1e-6));
        assertThat(s.getMedianMotion()).isCloseTo(0.2, within(1e-6));
    }

    @Test
    void withoutAudioThereIsNoLoudnessAtAll() {
        float[] silent = constant(20, Float.NaN);

        MediaSignals s = PlaySignals.of(measurements(silent, constant(20, 0.1f), false, new long[0]), FROM_US, TO_US);

        assertThat(s.getHasAudio()).isFalse();
        assertThat(s.getPeakLoudness()).isNull();
        assertThat(s.getMedianLoudness()).isNull();
    }

    @Test
    void cutsAreInSourceMillisecondsAndTheTrackMarksStillBinsWithMinusOne() {
        MediaMeasurements m =
                measurements(constant(20, -30), constant(20, 0.1f), true, new long[] {10_800_000, 11_250_500});

        MediaSignals s = PlaySignals.of(m, FROM_US, TO_US);

        assertThat(s.getCutsMs()).containsExactly(10_800L, 11_250L);
        assertThat(s.getTrackStartMs()).isEqualTo(10_000);
        assertThat(s.getTrackHz()).isEqualTo(10);
        assertThat(s.getTrackX()).hasSize(20).startsWith(0.5f, -1f);
    }

    private static MediaMeasurements measurements(float[] loudness, float[] motion, boolean audio, long[] cutsUs) {
        float[] x = constant(motion.length, 0.5f);
        x[1] = Float.NaN;
        return new MediaMeasurements(START_US, 10, motion, x, constant(motion.length, 0.5f), cutsUs, loudness, audio);
    }

    private static float[] constant(int n, float value) {
        float[] values = new float[n];
        Arrays.fill(values, value);
        return values;
    }
}

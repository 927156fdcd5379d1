package io.hookline.render.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakTest {

    /** The largest point of the envelope, every sample oversampled: what {@code dbtp} must find. */
    private static double everyPoint(float[][] pcm, int count) {
        float max = 0;
        for (float v : TruePeak.envelope(pcm, count)) {
            max = Math.max(max, v);
        }
        return 20 * Math.log10(max);
    }

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {0, 1, 11, 512, 513, 48_000, 200_000})
    void theTruePeakIsExactlyTheLargestPointOfTheOversampledSound(int count) {
        Random random = new Random(count);
        float[][] pcm = new float[2][count];
        for (int i = 0; i < count; i++) {
            // Quiet crowd noise, a louder stretch, and a few clicks: the peak sits between samples of a click.
            float level = i % 30_000 < 5_000 ? 0.4f : 0.05f;
            pcm[0][i] = (float) random.nextGaussian() * level;
            pcm[1][i] = (float) random.nextGaussian() * level * 0.5f;
        }
        for (int click = 0; click < count; click += 17_003) {
            pcm[click % 2][click] = 0.9f;
            if (click + 1 < count) {
                pcm[click % 2][click + 1] = -0.9f;
            }
        }

        assertThat(TruePeak.dbtp(pcm, count)).isEqualTo(everyPoint(pcm, count));
    }
}

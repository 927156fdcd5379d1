package io.hookline.render.sound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoudnessNormalizerTest {

    @ParameterizedTest(name = "window of ±{0}")
    @ValueSource(ints = {0, 1, 7, 240, 5_000})
    void theLimitersSlidingMinimumIsTheMinimumOverEachWindow(int w) {
        Random random = new Random(w);
        float[] x = new float[3_000];
        for (int i = 0; i < x.length; i++) {
            // Runs of equal values and steps, as gain needs are: plateaus where a peak is held.
            x[i] = random.nextInt(4) == 0 ? random.nextFloat() : i > 0 ? x[i - 1] : 1f;
        }

        float[] min = LoudnessNormalizer.slidingMin(x, w);

        for (int i = 0; i < x.length; i++) {
            float expected = Float.MAX_VALUE;
            for (int k = Math.max(0, i - w); k <= Math.min(x.length - 1, i + w); k++) {
                expected = Math.min(expected, x[k]);
            }
            assertThat(min[i]).as("at %d", i).isEqualTo(expected);
        }
    }
}

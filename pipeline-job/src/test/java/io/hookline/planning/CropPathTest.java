package io.hookline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.MediaSignals;
import io.hookline.profiles.CameraMotion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The virtual camera on action tracks whose truth is known. */
class CropPathTest {
    private static final CameraMotion CAMERA = new CameraMotion(0.04, 0.6, 1.2, 600);
    /** A 9:16 slice of a 16:9 frame. */
    private static final double CROP = 0.316;

    private static final double FPS = 30;

    @Test
    void followsAMovingTargetKeepingItInsideTheCropAndMovesSmoothly() {
        // Like the synthetic ball: across most of the frame and back every 7.3 s.
        DoubleUnaryOperator ball = t -> 0.5 + 0.46 * Math.sin(2 * Math.PI * t / 7.3);
        int frames = (int) (20 * FPS);
        double[] path = CropPath.plan(List.of(track(0, 20_000, ball, List.of())), 0, frames, FPS, CROP, 0.5, CAMERA);

        int inside = 0;
        for (int k = 0; k < frames; k++) {
            double x = ball.applyAsDouble(k / FPS);
            if (Math.abs(x - path[k]) <= CROP / 2 - 0.016) {
                inside++;
            }
        }
        assertThat(inside / (double) frames)
                .as("share of frames with the target inside the crop")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(maxAcceleration(path))
                .as("largest acceleration, frame widths per s²")
                .isLessThanOrEqualTo(CAMERA.maxAcceleration() + 1e-6);
        assertThat(maxSpeed(path)).isLessThanOrEqualTo(CAMERA.maxSpeed() + 1e-6);
    }

    @Test
    void holdsStillWhileTheActionJittersInsideTheDeadZone() {
        DoubleUnaryOperator jitter = t -> 0.6 + 0.02 * Math.sin(2 * Math.PI * t * 3);
        double[] path = CropPath.plan(List.of(track(0, 10_000, jitter, List.of())), 0, 300, FPS, CROP, 0.5, CAMERA);
        for (int k = 1; k < path.length; k++) {
            assertThat(path[k]).isCloseTo(path[0], within(1e-9));
        }
    }

    @Test
    void holdsTheLastPlaceWhenNothingMoves() {
        DoubleUnaryOperator stops = t -> t < 3 ? 0.25 : Double.NaN;
        double[] path = CropPath.plan(List.of(track(0, 10_000, stops, List.of())), 0, 300, FPS, CROP, 0.5, CAMERA);
        for (int k = 100; k < path.length; k++) {
            assertThat(path[k]).isCloseTo(path[99], within(1e-9));
        }
        assertThat(path[299]).isCloseTo(0.25, within(0.05));
    }

    @Test
    void cutsToTheNewPlaceAtAShotCutInsteadOfPanning() {
        DoubleUnaryOperator twoShots = t -> t < 5 ? 0.2 : 0.8;
        double[] path =
                CropPath.plan(List.of(track(0, 10_000, twoShots, List.of(5_000L))), 0, 300, FPS, CROP, 0.5, CAMERA);
        int cut = (int) (5 * FPS);
        assertThat(path[cut - 1]).isCloseTo(0.2, within(0.02));
        assertThat(path[cut]).isCloseTo(0.8, within(0.02));
    }

    @Test
    void looksAtTheFallbackWhenNothingWasMeasured() {
        double[] path = CropPath.plan(List.of(), 0, 60, FPS, CROP, 0.7, CAMERA);
        assertThat(Arrays.stream(path).boxed()).allSatisfy(x -> assertThat(x).isCloseTo(0.7, within(1e-9)));
    }

    @Test
    void neverLeavesTheFrame() {
        double[] path = CropPath.plan(List.of(track(0, 5_000, t -> 0.99, List.of())), 0, 150, FPS, CROP, 0.5, CAMERA);
        assertThat(Arrays.stream(path).boxed()).allSatisfy(x -> assertThat(x).isBetween(CROP / 2, 1 - CROP / 2));
    }

    static MediaSignals track(long startMs, long endMs, DoubleUnaryOperator x, List<Long> cuts) {
        List<Float> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        for (long t = startMs; t < endMs; t += 100) {
            double v = x.applyAsDouble((t + 50) / 1000.0);
            xs.add(Double.isNaN(v) ? -1f : (float) v);
            ys.add(0.5f);
        }
        return MediaSignals.newBuilder()
                .setHasAudio(true)
                .setMotion(0.01)
                .setMedianMotion(0.01)
                .setCutsMs(cuts)
                .setTrackStartMs(startMs)
                .setTrackHz(10)
                .setTrackX(xs)
                .setTrackY(ys)
                .build();
    }

    private static double maxSpeed(double[] path) {
        double max = 0;
        for (int k = 1; k < path.length; k++) {
            max = Math.max(max, Math.abs(path[k] - path[k - 1]) * FPS);
        }
        return max;
    }

    private static double maxAcceleration(double[] path) {
        double max = 0;
        for (int k = 2; k < path.length; k++) {
            max = Math.max(max, Math.abs(path[k] - 2 * path[k - 1] + path[k - 2]) * FPS * FPS);
        }
        return max;
    }
}

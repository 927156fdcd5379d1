package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.MediaSignals;
import io.hookline.profiles.CameraMotion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CropTrackTest {
    private static final CameraMotion CAMERA = new CameraMotion(0.04, 0.6, 1.2, 600);

    /** Action sweeping across a 1920-wide picture over 10 s, measured ten times a second from {@code startMs}. */
    private static MediaSignals sweep(long startMs) {
        List<Float> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        for (long t = startMs; t < startMs + 10_000; t += 100) {
            xs.add((float) (0.1 + 0.8 * (t - startMs) / 10_000.0));
            ys.add(0.5f);
        }
        return MediaSignals.newBuilder()
                .setHasAudio(true)
                .setMotion(0.01)
                .setMedianMotion(0.01)
                .setTrackStartMs(startMs)
                .setTrackHz(10)
                .setTrackX(xs)
                .setTrackY(ys)
                .build();
    }

    @ParameterizedTest(name = "{0} fps source")
    @ValueSource(doubles = {25, 50, 30_000 / 1001.0})
    void everyTimeInsideASourceFrameGivesThatFramesCrop(double fps) {
        FrameGeometry.CropBox box = FrameGeometry.cropBox(1920, 1080, 1080, 1920);
        // Two plays whose measured stretches overlap, starting off the frame grid.
        CropTrack track = CropTrack.plan(box, 1920, fps, List.of(sweep(1_013), sweep(6_007)), CAMERA);

        int moves = 0;
        for (long frame = 0; frame < 17 * fps; frame++) {
            long start = Math.round(frame * 1_000_000 / fps);
            long end = Math.round((frame + 1) * 1_000_000 / fps);
            int x = track.x(start);
            // An output frame at any rate samples a time in the source frame it shows, up to the timeline's
            // tolerance before its start.
            for (long t = start - OutputTimeline.TOLERANCE_US; t < end - OutputTimeline.TOLERANCE_US; t += 97) {
                assertThat(track.x(t)).as("frame %d at %d us", frame, t).isEqualTo(x);
            }
            if (frame > 0 && x != track.x(Math.round((frame - 1) * 1_000_000 / fps))) {
                moves++;
            }
        }
        assertThat(moves).as("frames where the crop moves").isGreaterThan(100);
    }
}

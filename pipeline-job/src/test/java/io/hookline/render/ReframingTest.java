package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.ClipPlan;
import io.hookline.model.MediaSignals;
import io.hookline.model.RenderedClip;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.analysis.MediaAnalyzer;
import io.hookline.render.analysis.PlaySignals;
import io.hookline.render.media.SourceReader;
import io.hookline.sample.FrameCode;
import io.hookline.sample.SyntheticVideo;
import io.hookline.storage.LocalClipStore;
import io.hookline.testing.LumaFrames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vertical rendition of a wide video whose ball crosses the whole pitch: the crop must follow the ball
 * (measured, not told where it is), keep it in the picture, and move like a camera, not jitter.
 */
class ReframingTest {
    private static final SyntheticVideo.Spec SPEC = new SyntheticVideo.Spec(1280, 720, 25, 20_000, true, List.of());

    @Test
    void theCropFollowsTheBallSmoothly(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("ball.mp4");
        SyntheticVideo.write(SPEC, video);
        MediaSignals media;
        try (SourceReader reader = SourceReader.open(video.toString(), 2)) {
            media = PlaySignals.of(MediaAnalyzer.measure(reader, 0, 20_000_000), 0, 20_000_000);
        }
        ProfileSet profiles = ProfileLoader.loadBundled();
        RenditionProfile vertical = profiles.renditions().stream()
                .filter(p -> p.video().height() > p.video().width())
                .findFirst()
                .orElseThrow();
        ClipPlan plan = ClipPlan.newBuilder(FfmpegClipRendererTest.plan(
                        "c-reframe",
                        List.of(new Segment(SegmentRole.body, 2_000L, 18_000L, 1.0)),
                        List.of(vertical.name())))
                .setMedia(List.of(media))
                .build();
        RenderedClip clip = new FfmpegClipRenderer(
                        profiles,
                        video.toString(),
                        new LocalClipStore(dir.resolve("out")),
                        RenderSettings.defaults(),
                        SegmentCache.NONE)
                .render(plan);

        List<double[]> seen = new ArrayList<>();
        int[] frames = {0};
        LumaFrames.walk(
                dir.resolve("out/m").resolve(clip.getRenditions().get(0).getPath()), (luma, stride, width, height) -> {
                    OptionalLong source = FrameCode.read(luma, stride, width, height);
                    if (source.isEmpty()) {
                        return; // the outro card: no match picture to follow
                    }
                    frames[0]++;
                    double[] ball = whiteBlob(luma, stride, width, height);
                    if (ball != null) {
                        seen.add(new double[] {source.getAsLong(), ball[0] / width});
                    }
                });

        // Where the crop's left edge was, from where the ball is in the source and in the picture, once per
        // source frame (the frame-rate change shows some source frames twice).
        double cropShare = 720 * 9 / 16.0 / 1280;
        double[] left = seen.stream()
                .filter(distinctSourceFrames())
                .mapToDouble(s -> SyntheticVideo.ball(SPEC, (long) s[0])[0] - s[1] * cropShare)
                .toArray();
        double acceleration = maxAcceleration(left, SPEC.fps());
        System.out.printf(
                "reframing: ball in the picture in %d of %d match frames; crop acceleration at most %.2f%n",
                seen.size(), frames[0], acceleration);
        assertThat(seen.size() / (double) frames[0])
                .as("share of frames with the ball in the picture")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(acceleration).as("crop acceleration, frame widths/s²").isLessThan(2.0);
    }

    private static java.util.function.Predicate<double[]> distinctSourceFrames() {
        double[] last = {-1};
        return s -> {
            boolean fresh = s[0] != last[0];
            last[0] = s[0];
            return fresh;
        };
    }

    /** The centre of the ball: the brightest blob below the picture's top graphics. */
    private static double[] whiteBlob(java.nio.ByteBuffer luma, int stride, int width, int height) {
        long sx = 0;
        long n = 0;
        for (int y = (int) (height * 0.42); y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((luma.get(y * stride + x) & 0xff) >= 225) {
                    sx += x;
                    n++;
                }
            }
        }
        return n < 20 ? null : new double[] {sx / (double) n};
    }

    /** Second differences of a 5-frame moving average, so detection noise of a pixel does not count. */
    private static double maxAcceleration(double[] x, double fps) {
        double[] s = new double[x.length];
        for (int i = 2; i < x.length - 2; i++) {
            s[i] = (x[i - 2] + x[i - 1] + x[i] + x[i + 1] + x[i + 2]) / 5;
        }
        double max = 0;
        for (int i = 4; i < x.length - 4; i++) {
            max = Math.max(max, Math.abs(s[i + 1] - 2 * s[i] + s[i - 1]) * fps * fps);
        }
        return max;
    }
}

package io.hookline.render.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.render.media.SourceReader;
import io.hookline.sample.SyntheticVideo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media measurements on synthetic video whose ball, crowd roars and cuts are known. */
class MediaAnalyzerTest {
    private static final SyntheticVideo.Spec SPEC =
            new SyntheticVideo.Spec(640, 360, 25, 12_000, true, List.of(6_000L));

    @TempDir
    static Path dir;

    static MediaMeasurements measured;

    @BeforeAll
    static void measure() throws Exception {
        Path video = dir.resolve("ball.mp4");
        SyntheticVideo.write(SPEC, video);
        try (SourceReader reader = SourceReader.open(video.toString(), 2)) {
            measured = MediaAnalyzer.measure(reader, 1_000_000, 11_000_000);
        }
    }

    @Test
    void theMotionCentreFollowsTheBallNotTheFlickeringFrameCounter() {
        int followed = 0;
        for (int k = 0; k < measured.x().length; k++) {
            long frame = Math.round((1.0 + (k + 0.5) / measured.hz()) * SPEC.fps());
            double[] ball = SyntheticVideo.ball(SPEC, frame);
            if (!Float.isNaN(measured.x()[k])
                    && Math.abs(measured.x()[k] - ball[0]) < 0.06
                    && Math.abs(measured.y()[k] - ball[1]) < 0.1) {
                followed++;
            }
        }
        assertThat(followed).as("bins whose motion centre is on the ball").isGreaterThanOrEqualTo(95);
        assertThat(measured.cutsUs()).as("a continuous shot has no cuts").isEmpty();
    }

    @Test
    void theRoarIsLouderThanTheCrowdBed() {
        // The window starts at 1 s; the roar starts at 6 s and lasts about two.
        float[] before = Arrays.copyOfRange(measured.loudness(), 5, 45);
        Arrays.sort(before);
        float bed = before[before.length / 2];
        float roar = measured.loudness()[56];
        assertThat(roar - bed).as("roar over the bed, in LU").isGreaterThan(12);
        assertThat(bed).as("bed, in LUFS").isBetween(-45f, -22f);
    }

    @Test
    void aHardChangeOfPictureIsACut(@TempDir Path tmp) throws Exception {
        Path video = tmp.resolve("cut.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), 320, 180, 0)) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFormat("mp4");
            recorder.setFrameRate(25);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.start();
            for (int i = 0; i < 100; i++) {
                recorder.record(flat(i < 50 ? 40 : 190));
            }
        }
        try (SourceReader reader = SourceReader.open(video.toString(), 1)) {
            MediaMeasurements m = MediaAnalyzer.measure(reader, 0, 4_000_000);
            assertThat(m.cutsUs()).hasSize(1);
            assertThat(m.cutsUs()[0] / 1000.0).isCloseTo(2000.0, within(41.0));
            assertThat(m.hasAudio()).isFalse();
            assertThat(m.loudness()[5]).isNaN();
        }
    }

    private static Frame flat(int luma) {
        Frame f = new Frame(320, 180, Frame.DEPTH_UBYTE, 3);
        java.nio.ByteBuffer b = (java.nio.ByteBuffer) f.image[0];
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) luma);
        }
        return f;
    }
}

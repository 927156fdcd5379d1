package io.hookline.render.analysis;

import io.hookline.render.media.FrameFilter;
import io.hookline.render.media.PcmBuffer;
import io.hookline.render.media.Picture;
import io.hookline.render.media.SourceReader;
import java.util.Arrays;

/**
 * Measures a window of the match video: how much moves and where (for ranking and for reframing), the shot
 * cuts, and how loud it is. Frames are shrunk to a small grey picture first, so this costs little next to
 * decoding.
 */
public final class MediaAnalyzer {
    /** Measurement series have this many values per second. */
    public static final int HZ = 10;

    static final int WIDTH = 128;
    static final int HEIGHT = 72;

    private MediaAnalyzer() {}

    public static MediaMeasurements measure(SourceReader reader, long startUs, long endUs) {
        MotionTracker motion = new MotionTracker(WIDTH, HEIGHT);
        PcmBuffer pcm = new PcmBuffer(
                SourceReader.PCM_RATE,
                SourceReader.PCM_CHANNELS,
                (int) ((endUs - startUs) * SourceReader.PCM_RATE / 1_000_000) + SourceReader.PCM_RATE);
        FrameFilter[] shrink = new FrameFilter[1];
        byte[][] grey = {new byte[0]};
        try {
            reader.decodeWindow(
                    startUs,
                    endUs,
                    (frame, from, to) -> {
                        if (shrink[0] == null) {
                            shrink[0] = new FrameFilter(
                                    frame.width(),
                                    frame.height(),
                                    frame.pixelFormat(),
                                    "scale=" + WIDTH + ":" + HEIGHT + ":flags=area,format=gray");
                        }
                        Picture small = shrink[0].apply(frame);
                        int stride = small.stride(0);
                        if (grey[0].length < stride * HEIGHT) {
                            grey[0] = new byte[stride * HEIGHT];
                        }
                        small.read(0, 0, grey[0], 0, stride * HEIGHT);
                        motion.add(from, grey[0], stride);
                    },
                    pcm);
        } finally {
            if (shrink[0] != null) {
                shrink[0].close();
            }
        }
        MotionTracker.Motion m = motion.measure(startUs, endUs, HZ);
        boolean audio = reader.info().hasAudio();
        float[] loudness = new float[m.energy().length];
        if (audio) {
            int count = (int) ((endUs - startUs) * KWeightedLoudness.RATE / 1_000_000);
            float[][] window = new float[pcm.channels()][count];
            pcm.copy(startUs, count, window, 0);
            float[] series = KWeightedLoudness.momentary(window, count);
            System.arraycopy(series, 0, loudness, 0, Math.min(series.length, loudness.length));
        } else {
            Arrays.fill(loudness, Float.NaN);
        }
        return new MediaMeasurements(startUs, HZ, m.energy(), m.x(), m.y(), m.cutsUs(), loudness, audio);
    }
}

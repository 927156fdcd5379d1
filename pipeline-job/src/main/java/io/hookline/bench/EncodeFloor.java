package io.hookline.bench;

import io.hookline.profiles.AudioSpec;
import io.hookline.render.RenditionRecipe;
import io.hookline.render.RenditionRecipe.Piece;
import io.hookline.render.media.AudioEncoder;
import io.hookline.render.media.EncodedStream;
import io.hookline.render.media.FrameFilter;
import io.hookline.render.media.PcmResampler;
import io.hookline.render.media.Picture;
import io.hookline.render.media.SourceReader;
import io.hookline.render.media.VideoEncoder;
import io.hookline.render.media.VideoEncoding;
import io.hookline.render.media.WindowedPcm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The floor under any way of making the renditions: what the encoders alone cost. Every distinct encoded segment
 * (by the renderer's cache key: same stretch, frame, crop path and settings) is encoded once, and every clip's
 * sound once per audio setting, from frames and samples decoded and filtered beforehand. The encoders run
 * single-threaded, their cheapest way, on this thread, so the thread's CPU time around each call is exactly
 * their cost; decoding and filtering are timed apart, to show what they add.
 */
final class EncodeFloor {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long videoNanos;
    private long audioNanos;
    private long filterNanos;
    private long totalNanos;
    private long segments;
    private long frames;

    /**
     * @param videoEncodeSeconds x264, every distinct segment once
     * @param audioEncodeSeconds AAC, every clip once per audio setting (loudness work excluded: it is not encoding)
     * @param filterSeconds crop, scale and pad of the frames those segments show
     * @param decodeSeconds decoding the source for them (and for the sound), single-threaded
     */
    record Result(
            double videoEncodeSeconds,
            double audioEncodeSeconds,
            double filterSeconds,
            double decodeSeconds,
            long segments,
            long frames) {
        /** The lower bound: the encoders alone. */
        double cpuSeconds() {
            return videoEncodeSeconds + audioEncodeSeconds;
        }
    }

    static Result measure(List<BenchClip> clips, String source) {
        EncodeFloor floor = new EncodeFloor();
        long start = floor.threads.getCurrentThreadCpuTime();
        Set<String> encoded = new HashSet<>();
        try (SourceReader reader = SourceReader.open(source, 1)) {
            for (BenchClip clip : clips) {
                floor.audio(reader, clip.recipes());
                for (RenditionRecipe recipe : clip.recipes()) {
                    for (Piece piece : recipe.pieces()) {
                        if (encoded.add(piece.key())) {
                            floor.video(reader, recipe, piece);
                        }
                    }
                }
            }
        }
        floor.totalNanos = floor.threads.getCurrentThreadCpuTime() - start;
        return new Result(
                floor.videoNanos / 1e9,
                floor.audioNanos / 1e9,
                floor.filterNanos / 1e9,
                (floor.totalNanos - floor.videoNanos - floor.audioNanos - floor.filterNanos) / 1e9,
                floor.segments,
                floor.frames);
    }

    /** The clip's sound decoded once, then encoded once per distinct audio setting. */
    private void audio(SourceReader reader, List<RenditionRecipe> recipes) {
        WindowedPcm pcm = new WindowedPcm();
        for (long[] window : RenditionRecipe.decodeWindows(recipes)) {
            reader.decodeWindow(window[0], window[1], null, pcm.add(window[0], window[1]));
        }
        Set<Object> done = new HashSet<>();
        for (RenditionRecipe recipe : recipes) {
            if (done.add(recipe.sound().key(0, 0))) {
                AudioSpec spec = recipe.profile().audio();
                float[][] sound = recipe.sound().samples(pcm);
                float[][] converted = PcmResampler.convert(
                        sound, sound[0].length, pcm.sampleRate(), spec.channels(), spec.sampleRate());
                long t = threads.getCurrentThreadCpuTime();
                EncodedStream stream = AudioEncoder.encode(
                        converted,
                        converted[0].length,
                        spec.sampleRate(),
                        spec.bitrateKbps(),
                        !recipe.profile().container().editLists());
                audioNanos += threads.getCurrentThreadCpuTime() - t;
                stream.close();
            }
        }
    }

    /** One segment: each source frame filtered once, each output frame encoded. */
    private void video(SourceReader reader, RenditionRecipe recipe, Piece piece) {
        VideoEncoding single = recipe.encoding().withThreads(1);
        FrameFilter[] filter = new FrameFilter[1];
        int[] next = {0};
        long t = threads.getCurrentThreadCpuTime();
        try (VideoEncoder encoder = new VideoEncoder(single)) {
            videoNanos += threads.getCurrentThreadCpuTime() - t;
            reader.decodeWindow(
                    piece.sourceStartUs(),
                    piece.sourceEndUs(),
                    (frame, from, to) -> {
                        Picture filtered = null;
                        while (next[0] < piece.frames() && recipe.sourceTimeUs(piece, next[0]) < to) {
                            if (filtered == null) {
                                long f = threads.getCurrentThreadCpuTime();
                                if (filter[0] == null) {
                                    filter[0] = new FrameFilter(
                                            frame.width(), frame.height(), frame.pixelFormat(), recipe.filterChain());
                                }
                                if (recipe.pans()) {
                                    filter[0].command("crop", "x", Integer.toString(recipe.cropX(from)));
                                }
                                filtered = filter[0].apply(frame);
                                filterNanos += threads.getCurrentThreadCpuTime() - f;
                            }
                            long c = threads.getCurrentThreadCpuTime();
                            encoder.encode(filtered);
                            videoNanos += threads.getCurrentThreadCpuTime() - c;
                            next[0]++;
                        }
                    },
                    new WindowedPcm().add(piece.sourceStartUs(), piece.sourceEndUs()));
            long c = threads.getCurrentThreadCpuTime();
            encoder.finish().close();
            videoNanos += threads.getCurrentThreadCpuTime() - c;
        } finally {
            if (filter[0] != null) {
                filter[0].close();
            }
        }
        if (next[0] != piece.frames()) {
            throw new IllegalStateException("the source ended inside a segment: " + next[0] + " of " + piece.frames());
        }
        segments++;
        frames += piece.frames();
    }
}

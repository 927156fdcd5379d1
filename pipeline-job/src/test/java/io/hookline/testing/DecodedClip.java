package io.hookline.testing;

import static org.bytedeco.ffmpeg.avutil.AVFrame.AV_FRAME_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV21;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;

import io.hookline.sample.FrameCode;
import io.hookline.sample.SyntheticVideo;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The test oracle: decodes a video file and tells which source frame each picture shows (from its
 * {@link FrameCode}), when it is presented, what the stream looks like, and where the sync beeps of the
 * {@link SyntheticVideo} sound are. With it a test proves, frame by frame, what a rendered clip holds and whether its
 * audio is in sync.
 */
public final class DecodedClip {
    /** The source frame number of a picture whose frame code cannot be read. */
    public static final long UNREADABLE = -1;

    /** Pixel formats whose first plane is 8-bit luma, the only thing the frame code reader needs. */
    private static final Set<Integer> LUMA_FIRST_FORMATS = Set.of(
            AV_PIX_FMT_YUV420P,
            AV_PIX_FMT_YUVJ420P,
            AV_PIX_FMT_YUV422P,
            AV_PIX_FMT_YUVJ422P,
            AV_PIX_FMT_YUV444P,
            AV_PIX_FMT_YUVJ444P,
            AV_PIX_FMT_NV12,
            AV_PIX_FMT_NV21,
            AV_PIX_FMT_GRAY8);

    /**
     * One decoded picture: when it is shown, the source frame it carries ({@link #UNREADABLE} if none), whether it
     * is a keyframe (decodable on its own), and whether the decoder found it damaged (a missing reference or broken
     * data it had to conceal).
     */
    public record VideoFrame(long ptsUs, long sourceFrame, boolean keyframe, boolean damaged) {
        public boolean readable() {
            return sourceFrame != UNREADABLE;
        }
    }

    /** One decoded block of sound (an AAC frame): when it is presented and how many samples it holds per channel. */
    public record AudioBlock(long ptsUs, int samples) {}

    /**
     * A frame that should start a sync beep (its source number is a multiple of the source fps), and how far the
     * nearest beep onset is from it; empty when no beep starts within half a second.
     */
    public record SyncMark(long sourceFrame, long ptsUs, OptionalLong beepOffsetUs) {}

    private final List<VideoFrame> frames;
    private final int width;
    private final int height;
    private final double frameRate;
    private final long durationUs;
    private final String videoCodec;
    private final String audioCodec;
    private final int sampleRate;
    private final long audioStartUs;
    private final float[][] channels;
    private final List<AudioBlock> audioBlocks;

    private DecodedClip(
            List<VideoFrame> frames,
            int width,
            int height,
            double frameRate,
            long durationUs,
            String videoCodec,
            String audioCodec,
            int sampleRate,
            long audioStartUs,
            float[][] channels,
            List<AudioBlock> audioBlocks) {
        this.frames = List.copyOf(frames);
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.durationUs = durationUs;
        this.videoCodec = videoCodec;
        this.audioCodec = audioCodec;
        this.sampleRate = sampleRate;
        this.audioStartUs = audioStartUs;
        this.channels = channels;
        this.audioBlocks = List.copyOf(audioBlocks);
    }

    /** Decodes every video frame and all audio of a file. */
    public static DecodedClip decode(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.setSampleFormat(AV_SAMPLE_FMT_FLTP);
            grabber.start();
            boolean video = grabber.hasVideo();
            if (video && !LUMA_FIRST_FORMATS.contains(grabber.getPixelFormat())) {
                throw new IOException(file + ": cannot read frame codes from pixel format " + grabber.getPixelFormat());
            }
            List<VideoFrame> frames = new ArrayList<>();
            AudioTrack audio =
                    new AudioTrack(grabber.hasAudio() ? grabber.getAudioChannels() : 0, grabber.getSampleRate());
            Frame frame;
            while ((frame = grabber.grabFrame(true, true, true, false, false)) != null) {
                if (frame.image != null) {
                    OptionalLong number = FrameCode.read(
                            (ByteBuffer) frame.image[0], frame.imageStride, frame.imageWidth, frame.imageHeight);
                    AVFrame picture = (AVFrame) frame.opaque;
                    boolean damaged =
                            picture.decode_error_flags() != 0 || (picture.flags() & AV_FRAME_FLAG_CORRUPT) != 0;
                    frames.add(new VideoFrame(frame.timestamp, number.orElse(UNREADABLE), frame.keyFrame, damaged));
                } else if (frame.samples != null) {
                    audio.append(frame.timestamp, frame.samples);
                }
            }
            return new DecodedClip(
                    frames,
                    video ? grabber.getImageWidth() : 0,
                    video ? grabber.getImageHeight() : 0,
                    video ? grabber.getFrameRate() : 0,
                    grabber.getLengthInTime(),
                    video ? grabber.getVideoCodecName() : null,
                    grabber.hasAudio() ? grabber.getAudioCodecName() : null,
                    grabber.getSampleRate(),
                    audio.startUs(),
                    audio.channels(),
                    audio.blocks());
        }
    }

    /** Every decoded picture in presentation order. */
    public List<VideoFrame> frames() {
        return frames;
    }

    /** The source frame number of every picture in presentation order ({@link #UNREADABLE} where unreadable). */
    public long[] sourceFrames() {
        return frames.stream().mapToLong(VideoFrame::sourceFrame).toArray();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The video stream's frame rate as the container declares it. */
    public double frameRate() {
        return frameRate;
    }

    /** The container's duration. */
    public long durationUs() {
        return durationUs;
    }

    /** The decoder's name for the video codec, e.g. {@code h264}; null without video. */
    public String videoCodec() {
        return videoCodec;
    }

    /** The decoder's name for the audio codec, e.g. {@code aac}; null without audio. */
    public String audioCodec() {
        return audioCodec;
    }

    public boolean hasAudio() {
        return channels.length > 0;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int audioChannels() {
        return channels.length;
    }

    /** When the first decoded sample is presented. */
    public long audioStartUs() {
        return audioStartUs;
    }

    /** Just past the last decoded sample. */
    public long audioEndUs() {
        return hasAudio() ? audioStartUs + Math.round(1e6 * channels[0].length / sampleRate) : audioStartUs;
    }

    /** Every decoded block of sound in the order the file holds them, with the timestamps it gives them. */
    public List<AudioBlock> audioBlocks() {
        return audioBlocks;
    }

    /** One channel's samples, placed by their timestamps from {@link #audioStartUs()} (gaps are silent). */
    public float[] channel(int index) {
        return channels[index].clone();
    }

    /** All channels averaged. */
    public float[] mono() {
        int length = channels.length == 0 ? 0 : channels[0].length;
        float[] mono = new float[length];
        for (float[] channel : channels) {
            for (int i = 0; i < length; i++) {
                mono[i] += channel[i] / channels.length;
            }
        }
        return mono;
    }

    /** The RMS level in dBFS over all channels between two times. */
    public double rmsDbfs(long fromUs, long toUs) {
        int length = channels.length == 0 ? 0 : channels[0].length;
        int from = (int) Math.max(0, Math.min(length, sampleAt(fromUs)));
        int to = (int) Math.max(from, Math.min(length, sampleAt(toUs)));
        double sum = 0;
        for (float[] channel : channels) {
            for (int i = from; i < to; i++) {
                sum += channel[i] * channel[i];
            }
        }
        return 10 * Math.log10(Math.max(1e-20, sum / Math.max(1, (to - from) * channels.length)));
    }

    /** The sync beeps in the audio: where each begins and how long it lasts. */
    public List<ToneDetector.Tone> beeps() {
        return new ToneDetector(sampleRate, SyntheticVideo.BEEP_HZ)
                .find(mono()).stream()
                        .map(tone -> new ToneDetector.Tone(
                                audioStartUs + tone.onsetUs(), tone.durationUs(), tone.amplitude()))
                        .toList();
    }

    /**
     * A/V sync, checked at every picture whose source number is a multiple of the source's fps: such a picture
     * should be presented exactly when a beep starts. Pictures too close to either end of the audio to hold a whole
     * beep are left out. A number held over consecutive pictures (frame-rate up-conversion) is checked at the first
     * of them; a number shown again later (a hook replayed in the body) is checked each time.
     */
    public List<SyncMark> syncMarks(int sourceFps) {
        if (!hasAudio()) {
            throw new IllegalStateException("the clip has no audio to check sync against");
        }
        List<Long> onsets = beeps().stream().map(ToneDetector.Tone::onsetUs).toList();
        long audioEndUs = audioEndUs();
        long beepUs = 1_000_000L / sourceFps;
        List<SyncMark> marks = new ArrayList<>();
        long previous = UNREADABLE;
        for (VideoFrame frame : frames) {
            long number = frame.sourceFrame();
            if (number >= 0
                    && number % sourceFps == 0
                    && number != previous
                    && frame.ptsUs() >= audioStartUs
                    && frame.ptsUs() + beepUs <= audioEndUs) {
                marks.add(new SyncMark(number, frame.ptsUs(), nearest(onsets, frame.ptsUs())));
            }
            previous = number;
        }
        return marks;
    }

    private static OptionalLong nearest(List<Long> onsets, long ptsUs) {
        OptionalLong best = OptionalLong.empty();
        for (long onset : onsets) {
            long offset = onset - ptsUs;
            if (Math.abs(offset) < 500_000 && (best.isEmpty() || Math.abs(offset) < Math.abs(best.getAsLong()))) {
                best = OptionalLong.of(offset);
            }
        }
        return best;
    }

    private long sampleAt(long us) {
        return Math.round((us - audioStartUs) * (double) sampleRate / 1e6);
    }

    /** Collects decoded audio per channel, putting each block where its timestamp says. */
    private static final class AudioTrack {
        private final int sampleRate;
        private final List<AudioBlock> blocks = new ArrayList<>();
        private float[][] channels;
        private int length;
        private long startUs = 0;

        AudioTrack(int channelCount, int sampleRate) {
            this.sampleRate = sampleRate;
            this.channels = new float[channelCount][1 << 16];
        }

        void append(long timestampUs, Buffer[] planes) {
            if (length == 0) {
                startUs = timestampUs;
            }
            long at = Math.round((timestampUs - startUs) * (double) sampleRate / 1e6);
            // Timestamps in microseconds are rounded: within a couple of samples, the block simply follows on.
            int position = Math.abs(at - length) <= 2 ? length : (int) Math.max(0, at);
            int count = planes[0].remaining();
            blocks.add(new AudioBlock(timestampUs, count));
            ensure(position + count);
            for (int c = 0; c < channels.length; c++) {
                ((FloatBuffer) planes[c]).duplicate().get(channels[c], position, count);
            }
            length = Math.max(length, position + count);
        }

        long startUs() {
            return startUs;
        }

        List<AudioBlock> blocks() {
            return blocks;
        }

        float[][] channels() {
            float[][] trimmed = new float[channels.length][];
            for (int c = 0; c < channels.length; c++) {
                trimmed[c] = Arrays.copyOf(channels[c], length);
            }
            return trimmed;
        }

        private void ensure(int size) {
            if (channels.length > 0 && channels[0].length < size) {
                int grown = Math.max(size, channels[0].length * 2);
                for (int c = 0; c < channels.length; c++) {
                    channels[c] = Arrays.copyOf(channels[c], grown);
                }
            }
        }
    }
}

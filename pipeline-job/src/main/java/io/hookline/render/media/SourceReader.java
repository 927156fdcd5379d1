package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.Pointer;

/**
 * Demuxes and decodes one source video. {@link #decodeWindow} decodes a time window exactly once: every
 * video frame goes to a {@link VideoSink} together with the interval it is shown for, and the audio is
 * resampled into a {@link PcmBuffer}. Times are source times in microseconds from the start of the video.
 */
public final class SourceReader implements AutoCloseable {
    /** The audio of every window is kept at this rate and channel count; renditions convert from it. */
    public static final int PCM_RATE = 48_000;

    public static final int PCM_CHANNELS = 2;

    private static final AVRational MICROS = Ffmpeg.rational(1, 1_000_000);
    /** Audio decoding goes a little past the window so the last video frame has its sound. */
    private static final long AUDIO_TAIL_US = 100_000;

    private final String location;
    private final AVFormatContext format;
    private final int videoIndex;
    private final int audioIndex;
    private final AVCodecContext videoDecoder;
    private final AVCodecContext audioDecoder;
    private final long startOffsetUs;
    private final SourceInfo info;

    /**
     * Receives each decoded picture once, with the source interval [startUs, endUs) it is shown for. The picture is
     * lent: it is valid until the call returns; {@link Picture#copy} keeps it longer.
     */
    @FunctionalInterface
    public interface VideoSink {
        void accept(Picture picture, long startUs, long endUs);
    }

    private SourceReader(String location, AVFormatContext format, int decoderThreads, SourceOptions options) {
        this.location = location;
        this.format = format;
        this.videoIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (videoIndex < 0) {
            throw new MediaException("no video stream in " + location);
        }
        requireMovingPictures(format, videoIndex, location);
        int audio = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, videoIndex, (AVCodec) null, 0);
        this.audioIndex = audio >= 0 ? audio : -1;
        this.videoDecoder = openDecoder(format.streams(videoIndex), decoderThreads);
        this.audioDecoder = audioIndex >= 0 ? openDecoder(format.streams(audioIndex), 1) : null;
        this.startOffsetUs = startOffset(options.firstFrameUs());
        this.info = describe(options.identity() != null ? options.identity() : identity(location));
    }

    /**
     * Opens a local file or a URL FFmpeg can read.
     *
     * @throws MediaException naming the location and the reason when it cannot be opened or holds no video
     */
    public static SourceReader open(String location, int decoderThreads) {
        return open(location, decoderThreads, SourceOptions.NONE);
    }

    /**
     * Opens a source with demuxer options, an identity for caches and, for a window of a live video, where its
     * first video frame is on the live timeline.
     *
     * @throws MediaException naming the location and the reason when it cannot be opened or holds no video
     */
    public static SourceReader open(String location, int decoderThreads, SourceOptions options) {
        Ffmpeg.init();
        if (!location.contains("://")) {
            Path path = Path.of(location);
            if (!Files.exists(path)) {
                throw new MediaException("video not found: " + location);
            }
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                throw new MediaException("video not readable: " + location);
            }
        }
        AVFormatContext format = new AVFormatContext(null);
        AVDictionary demuxerOptions = new AVDictionary(null);
        options.demuxerOptions().forEach((key, value) -> av_dict_set(demuxerOptions, key, value, 0));
        int ret = avformat_open_input(format, location, null, demuxerOptions);
        av_dict_free(demuxerOptions);
        if (ret < 0) {
            throw new MediaException("cannot open video " + location + ": " + Ffmpeg.describe(ret));
        }
        try {
            ret = avformat_find_stream_info(format, (AVDictionary) null);
            if (ret < 0) {
                throw new MediaException("cannot read video " + location + ": " + Ffmpeg.describe(ret));
            }
            return new SourceReader(location, format, decoderThreads, options);
        } catch (RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    /** Opens, describes and closes a source. */
    public static SourceInfo probe(String location) {
        try (SourceReader reader = open(location, 1)) {
            return reader.info();
        }
    }

    public SourceInfo info() {
        return info;
    }

    /**
     * Decodes the window [startUs, endUs) once. Frames shown anywhere inside the window are passed to the
     * sink in order; the audio of the window (and a little around it) is appended to {@code pcm}. With no
     * sink only the audio is decoded, with no pcm only the pictures.
     */
    public void decodeWindow(long startUs, long endUs, VideoSink sink, PcmBuffer pcm) {
        seek(startUs);
        WindowDecoder window = new WindowDecoder(startUs, endUs, sink, pcm);
        AVPacket packet = av_packet_alloc();
        try {
            while (!window.done()) {
                int ret = av_read_frame(format, packet);
                if (Ffmpeg.isEof(ret)) {
                    break;
                }
                Ffmpeg.check(ret, "reading " + location);
                try {
                    window.packet(packet);
                } finally {
                    av_packet_unref(packet);
                }
            }
            window.finish();
        } finally {
            av_packet_free(packet);
            window.close();
        }
    }

    private void seek(long startUs) {
        // Seek to the keyframe at or before the window; decoding from there reaches the first frame.
        long containerStart = format.start_time() == AV_NOPTS_VALUE() ? 0 : format.start_time();
        KeyframeSeek.seek(format, videoIndex, startOffsetUs + Math.max(0, startUs), containerStart, location);
        avcodec_flush_buffers(videoDecoder);
        if (audioDecoder != null) {
            avcodec_flush_buffers(audioDecoder);
        }
    }

    /**
     * What is subtracted from a stream time to get a source time: the container's start, or for a live window
     * its first video frame less where that frame is on the live timeline.
     */
    private long startOffset(long firstFrameUs) {
        long containerStart = format.start_time() == AV_NOPTS_VALUE() ? 0 : format.start_time();
        if (firstFrameUs == SourceOptions.FROM_CONTAINER) {
            return containerStart;
        }
        AVStream video = format.streams(videoIndex);
        long videoStart = video.start_time() == AV_NOPTS_VALUE()
                ? containerStart
                : av_rescale_q(video.start_time(), video.time_base(), MICROS);
        return videoStart - firstFrameUs;
    }

    private SourceInfo describe(String identity) {
        AVStream video = format.streams(videoIndex);
        AVCodecParameters vp = video.codecpar();
        AVRational rate = video.avg_frame_rate().num() > 0 ? video.avg_frame_rate() : video.r_frame_rate();
        double fps = rate.den() == 0 ? 25.0 : rate.num() / (double) rate.den();
        long durationUs = format.duration() != AV_NOPTS_VALUE()
                ? format.duration()
                : av_rescale_q(video.duration(), video.time_base(), MICROS);
        int channels = 0;
        int sampleRate = 0;
        if (audioIndex >= 0) {
            AVCodecParameters ap = format.streams(audioIndex).codecpar();
            channels = ap.ch_layout().nb_channels();
            sampleRate = ap.sample_rate();
        }
        return new SourceInfo(
                location,
                identity,
                durationUs / 1000,
                vp.width(),
                vp.height(),
                fps,
                avcodec_get_name(vp.codec_id()).getString(),
                channels,
                sampleRate);
    }

    /**
     * A picture renamed .mp4 opens as a one-frame video of no duration (shown as -153722867280:-54); refused
     * here, it is one clear reason on every clip instead of a nonsense length.
     */
    private static void requireMovingPictures(AVFormatContext format, int videoIndex, String location) {
        AVStream video = format.streams(videoIndex);
        String codec = avcodec_get_name(video.codecpar().codec_id()).getString();
        String container = format.iformat().name().getString();
        if (container.startsWith("image2") || container.endsWith("_pipe")) {
            throw new MediaException("not a video: " + location + " is a still picture (" + codec + ")");
        }
        if (format.duration() == AV_NOPTS_VALUE() && video.duration() == AV_NOPTS_VALUE()) {
            throw new MediaException("not a video of known length: " + location + " has no duration (FFmpeg reads it"
                    + " as " + container + ", " + codec + ")");
        }
    }

    private static String identity(String location) {
        if (location.contains("://")) {
            // A presigned URL's query changes with every signature; the object is the same.
            int query = location.indexOf('?');
            return query < 0 ? location : location.substring(0, query);
        }
        Path path = Path.of(location);
        try {
            return path.toAbsolutePath() + "@" + Files.size(path) + "@"
                    + Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return location;
        }
    }

    private static AVCodecContext openDecoder(AVStream stream, int threads) {
        AVCodecParameters par = stream.codecpar();
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        if (codec == null) {
            throw new MediaException(
                    "no decoder for " + avcodec_get_name(par.codec_id()).getString());
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        Ffmpeg.check(avcodec_parameters_to_context(ctx, par), "decoder parameters");
        ctx.pkt_timebase(stream.time_base());
        ctx.thread_count(threads);
        Ffmpeg.check(avcodec_open2(ctx, codec, (AVDictionary) null), "opening decoder");
        return ctx;
    }

    @Override
    public void close() {
        avcodec_free_context(videoDecoder);
        if (audioDecoder != null) {
            avcodec_free_context(audioDecoder);
        }
        avformat_close_input(format);
    }

    /** The state of one window's decode: the frame held back until the next one tells how long it lasts. */
    private final class WindowDecoder implements AutoCloseable {
        private final long startUs;
        private final long endUs;
        private final VideoSink sink;
        private final PcmBuffer pcm;
        private final AVFrame decoded = av_frame_alloc();
        private final AVFrame held = av_frame_alloc();
        private final Picture heldPicture = Picture.borrowed(held);
        private final AVRational videoTimeBase = format.streams(videoIndex).time_base();
        private final AVRational audioTimeBase =
                audioIndex >= 0 ? format.streams(audioIndex).time_base() : null;
        private AudioConverter converter;
        private long heldUs = Long.MIN_VALUE;
        private boolean videoDone;
        private boolean audioDone;

        WindowDecoder(long startUs, long endUs, VideoSink sink, PcmBuffer pcm) {
            this.startUs = startUs;
            this.endUs = endUs;
            this.sink = sink;
            this.pcm = pcm;
            this.videoDone = sink == null;
            this.audioDone = audioIndex < 0 || pcm == null;
        }

        boolean done() {
            return videoDone && audioDone;
        }

        void packet(AVPacket packet) {
            if (packet.stream_index() == videoIndex && !videoDone) {
                decode(videoDecoder, packet, true);
            } else if (packet.stream_index() == audioIndex && !audioDone) {
                decode(audioDecoder, packet, false);
            }
        }

        /** Drains the decoders at the end of the file and releases the last frame. */
        void finish() {
            if (!videoDone) {
                decode(videoDecoder, null, true);
            }
            if (!audioDone) {
                decode(audioDecoder, null, false);
            }
            if (!videoDone && heldUs != Long.MIN_VALUE && sink != null) {
                deliverHeld(heldUs + info.frameDurationUs());
            }
        }

        private void decode(AVCodecContext decoder, AVPacket packet, boolean video) {
            int ret = avcodec_send_packet(decoder, packet);
            if (ret < 0 && ret != AVERROR_EAGAIN() && !Ffmpeg.isEof(ret)) {
                // A damaged packet: skip it, as players do, rather than lose the whole clip.
                return;
            }
            while (true) {
                ret = avcodec_receive_frame(decoder, decoded);
                if (ret == AVERROR_EAGAIN() || Ffmpeg.isEof(ret)) {
                    return;
                }
                Ffmpeg.check(ret, "decoding " + location);
                try {
                    if (video) {
                        videoFrame();
                    } else {
                        audioFrame();
                    }
                } finally {
                    av_frame_unref(decoded);
                }
                if ((video && videoDone) || (!video && audioDone)) {
                    return;
                }
            }
        }

        private void videoFrame() {
            long pts = decoded.best_effort_timestamp();
            if (pts == AV_NOPTS_VALUE()) {
                return;
            }
            long us = av_rescale_q(pts, videoTimeBase, MICROS) - startOffsetUs;
            if (heldUs != Long.MIN_VALUE) {
                deliverHeld(us);
            }
            av_frame_unref(held);
            av_frame_move_ref(held, decoded);
            heldUs = us;
            if (us >= endUs) {
                videoDone = true;
            }
        }

        private void deliverHeld(long nextUs) {
            if (nextUs > startUs && heldUs < endUs && nextUs > heldUs) {
                sink.accept(heldPicture, heldUs, nextUs);
            }
        }

        private void audioFrame() {
            long pts = decoded.best_effort_timestamp();
            long us =
                    pts == AV_NOPTS_VALUE() ? Long.MIN_VALUE : av_rescale_q(pts, audioTimeBase, MICROS) - startOffsetUs;
            if (converter == null) {
                converter = new AudioConverter(
                        decoded.ch_layout(), decoded.format(), decoded.sample_rate(), PCM_CHANNELS, PCM_RATE);
            }
            Pointer[] planes = new Pointer[decoded.ch_layout().nb_channels()];
            for (int i = 0; i < planes.length; i++) {
                planes[i] = decoded.extended_data(i);
            }
            AudioConverter.Converted out = converter.convert(planes, decoded.nb_samples());
            pcm.append(us == Long.MIN_VALUE ? 0 : us, out.planes(), out.count());
            if (us != Long.MIN_VALUE && us >= endUs + AUDIO_TAIL_US) {
                audioDone = true;
            }
        }

        @Override
        public void close() {
            av_frame_free(decoded);
            av_frame_free(held);
            if (converter != null) {
                converter.close();
            }
        }
    }
}

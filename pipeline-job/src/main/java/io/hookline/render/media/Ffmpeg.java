package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

/** Small helpers around FFmpeg's C API: error codes to messages, and one-time library setup. */
public final class Ffmpeg {

    /** FFmpeg's AVERROR(EAGAIN): "feed me more input" from the send/receive APIs. */
    public static final int EAGAIN = -11;

    static {
        // Errors are reported through exceptions and clip notes; FFmpeg's own words go to the run's log.
        av_log_set_level(AV_LOG_ERROR);
        FfmpegLog.install();
    }

    private Ffmpeg() {}

    /** Makes sure the natives are loaded and logging is set; cheap after the first call. */
    public static void init() {
        avutil.av_version_info();
    }

    /**
     * The {@code ffmpeg} program that ships inside JavaCV's FFmpeg jar, extracted (JavaCPP caches it under
     * ~/.javacpp) with its libraries next to it; null when the jar holds none for this platform.
     */
    public static String program() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }

    /** Throws a MediaException naming what failed when {@code ret} is an FFmpeg error. */
    public static int check(int ret, String what) {
        if (ret < 0) {
            throw new MediaException(what + ": " + describe(ret));
        }
        return ret;
    }

    public static String describe(int errorCode) {
        byte[] buf = new byte[256];
        av_strerror(errorCode, buf, buf.length);
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    public static AVRational rational(int num, int den) {
        AVRational r = new AVRational();
        r.num(num);
        r.den(den);
        return r;
    }

    public static boolean isEof(int ret) {
        return ret == avutil.AVERROR_EOF;
    }
}

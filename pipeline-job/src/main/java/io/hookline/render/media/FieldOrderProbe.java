package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * Finds how a video was scanned from its first frames: the flags the decoder sets on each frame, and the pictures
 * themselves through FFmpeg's idet, which compares each frame's two fields with the frames around it. Flags lie
 * both ways (progressive pictures sent as interlaced, fields stored in a stream flagged progressive, the wrong
 * field first), so pictures that clearly say one thing win over the flags; pictures that say nothing clearly (a
 * still or black start) leave it to the flags.
 */
public final class FieldOrderProbe {
    /** Frames looked at: two seconds at 25 frames a second. */
    static final int FRAMES = 50;
    /** The pictures decide when at least this many frames say one scan, and three times as many as the other. */
    private static final int CLEAR = 10;

    private static final int MARGIN = 3;
    /** AVFrame flags, as libavutil/frame.h defines them (macros, so not among the generated constants). */
    private static final int FLAG_INTERLACED = 1 << 3;

    private static final int FLAG_TOP_FIELD_FIRST = 1 << 4;
    private static final String IDET_VERDICT = "lavfi.idet.multiple.current_frame";

    private FieldOrderProbe() {}

    /** Decodes the pictures of a stretch of video, as {@link SourceReader#decodeWindow} does. */
    @FunctionalInterface
    public interface Frames {
        void decode(long startUs, long endUs, SourceReader.VideoSink sink);
    }

    /** What was found, and what from, in words for a clip's notes. */
    public record Result(FieldOrder order, String evidence) {}

    /** Looks at the {@link #FRAMES} frames from {@code fromUs}. */
    public static Result detect(Frames frames, long fromUs, double fps) {
        Counts counts = new Counts();
        long endUs = fromUs + Math.round(FRAMES * 1_000_000.0 / fps);
        TemporalFilter[] idet = {null};
        try {
            frames.decode(fromUs, endUs, (frame, startUs, shownUntilUs) -> {
                if (counts.frames == FRAMES) {
                    return;
                }
                counts.flags(frame.frame.flags());
                if (idet[0] == null) {
                    idet[0] = new TemporalFilter(frame.width(), frame.height(), frame.pixelFormat(), "idet");
                }
                idet[0].push(frame, startUs, counts::judged);
            });
            if (idet[0] != null) {
                idet[0].flush(counts::judged);
            }
        } finally {
            if (idet[0] != null) {
                idet[0].close();
            }
        }
        return counts.result();
    }

    private static final class Counts {
        int frames;
        int flaggedInterlaced;
        int flaggedTopFirst;
        int top;
        int bottom;
        int progressive;
        int undetermined;

        void flags(int flags) {
            frames++;
            if ((flags & FLAG_INTERLACED) != 0) {
                flaggedInterlaced++;
                if ((flags & FLAG_TOP_FIELD_FIRST) != 0) {
                    flaggedTopFirst++;
                }
            }
        }

        void judged(Picture picture) {
            AVDictionaryEntry verdict = av_dict_get(picture.frame.metadata(), IDET_VERDICT, null, 0);
            switch (verdict == null ? "" : verdict.value().getString()) {
                case "tff" -> top++;
                case "bff" -> bottom++;
                case "progressive" -> progressive++;
                default -> undetermined++;
            }
        }

        Result result() {
            FieldOrder flagged = 2 * flaggedInterlaced > frames
                    ? 2 * flaggedTopFirst >= flaggedInterlaced ? FieldOrder.TOP_FIRST : FieldOrder.BOTTOM_FIRST
                    : FieldOrder.PROGRESSIVE;
            int fields = top + bottom;
            FieldOrder seen = null;
            if (fields >= CLEAR && fields >= MARGIN * progressive) {
                seen = top >= bottom ? FieldOrder.TOP_FIRST : FieldOrder.BOTTOM_FIRST;
            } else if (progressive >= CLEAR && progressive >= MARGIN * fields) {
                seen = FieldOrder.PROGRESSIVE;
            }
            String evidence = String.format(
                    Locale.ROOT,
                    "of its first %d frames the pictures look %d top field first,"
                            + " %d bottom field first, %d progressive, %d unclear; the stream's flags say %s",
                    frames,
                    top,
                    bottom,
                    progressive,
                    undetermined,
                    flagged);
            return new Result(seen != null ? seen : flagged, evidence);
        }
    }
}

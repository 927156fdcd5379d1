package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg's own messages go to the run's log, never to the terminal: a damaged broadcast capture makes
 * thousands of them while its renditions may be fine. The errors a thread meets while a {@link Tally} of it is
 * open are also counted there, so a render can say how many its stretch of the source had.
 */
public final class FfmpegLog extends LogCallback {
    private static final Logger LOG = LoggerFactory.getLogger("io.hookline.ffmpeg");
    /** Held here for as long as FFmpeg may call it. */
    private static final FfmpegLog INSTANCE = new FfmpegLog();

    private static final ThreadLocal<Tally> OPEN = new ThreadLocal<>();

    private FfmpegLog() {}

    static void install() {
        avutil.setLogCallback(INSTANCE);
    }

    /** Counts the errors FFmpeg reports on this thread until the tally is closed. */
    public static Tally tally() {
        Tally t = new Tally(OPEN.get());
        OPEN.set(t);
        return t;
    }

    @Override
    public void call(int level, BytePointer message) {
        if (level > AV_LOG_ERROR) {
            return;
        }
        String text = message.getString().strip();
        for (Tally t = OPEN.get(); t != null; t = t.outer) {
            t.add(text);
        }
        LOG.warn("ffmpeg: {}", text);
    }

    /** The errors met on one thread while it was open: how many, and the first one's text. */
    public static final class Tally implements AutoCloseable {
        private final Tally outer;
        private long errors;
        private String first;

        private Tally(Tally outer) {
            this.outer = outer;
        }

        private void add(String text) {
            errors++;
            if (first == null) {
                first = text;
            }
        }

        public long errors() {
            return errors;
        }

        /** The first error's text, or null when there was none. */
        public String first() {
            return first;
        }

        @Override
        public void close() {
            OPEN.set(outer);
        }
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * A picture this package hands out, so FFmpeg's frame type stays inside it. An owned picture ({@link #copy},
 * {@link #blank}) is freed by {@link #close}; a borrowed one (what a decoder or filter lends its caller) stays
 * its producer's, valid until the producer's next picture, and {@link #close} leaves it alone.
 */
public final class Picture implements AutoCloseable {
    final AVFrame frame;
    private final boolean owned;
    private boolean closed;

    private Picture(AVFrame frame, boolean owned) {
        this.frame = frame;
        this.owned = owned;
    }

    /** A view of a frame that stays its producer's. */
    static Picture borrowed(AVFrame frame) {
        return new Picture(frame, false);
    }

    /** A new yuv420p picture of this size, filled with one colour (limited-range Y, Cb, Cr). */
    public static Picture blank(int width, int height, int y, int cb, int cr) {
        AVFrame frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P);
        frame.width(width);
        frame.height(height);
        if (av_frame_get_buffer(frame, 0) < 0) {
            av_frame_free(frame);
            throw new MediaException("no memory for a " + width + "x" + height + " picture");
        }
        Picture picture = new Picture(frame, true);
        picture.fill(0, height, y);
        picture.fill(1, height / 2, cb);
        picture.fill(2, height / 2, cr);
        return picture;
    }

    public int width() {
        return frame.width();
    }

    public int height() {
        return frame.height();
    }

    /** FFmpeg's pixel format number (AV_PIX_FMT_*), as filter graphs are built for it. */
    public int pixelFormat() {
        return frame.format();
    }

    /** An owned picture sharing this one's pixels by reference: it stays valid after the producer moves on. */
    public Picture copy() {
        AVFrame clone = av_frame_clone(frame);
        if (clone == null) {
            throw new MediaException("no memory to keep a " + width() + "x" + height() + " picture");
        }
        return new Picture(clone, true);
    }

    /** Gives this picture pixels of its own if it shares them, so drawing on it changes no other picture. */
    public void makeWritable() {
        Ffmpeg.check(av_frame_make_writable(frame), "making a picture writable");
    }

    /** Bytes from the start of one row of a plane to the next. */
    public int stride(int plane) {
        return frame.linesize(plane);
    }

    /** Copies {@code length} bytes of a plane, from {@code offset}, into {@code into} at {@code at}. */
    public void read(int plane, long offset, byte[] into, int at, int length) {
        BytePointer data = frame.data(plane);
        data.position(offset).get(into, at, length);
    }

    /** Copies {@code length} bytes of {@code from}, at {@code at}, into a plane at {@code offset}. */
    public void write(int plane, long offset, byte[] from, int at, int length) {
        BytePointer data = frame.data(plane);
        data.position(offset).put(from, at, length);
    }

    private void fill(int plane, int rows, int value) {
        byte[] bytes = new byte[stride(plane) * rows];
        Arrays.fill(bytes, (byte) value);
        write(plane, 0, bytes, 0, bytes.length);
    }

    @Override
    public void close() {
        if (owned && !closed) {
            closed = true;
            av_frame_free(frame);
        }
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A libavfilter graph whose filters look at neighbouring frames (idet, bwdif): a frame pushed in gives zero or
 * more frames out, and the end of the input ({@link #flush}) lets out the frames still held back. After a flush
 * the graph takes no more frames.
 */
public final class TemporalFilter implements AutoCloseable {
    private final AVFilterGraph graph;
    private final AVFilterContext source = new AVFilterContext();
    private final AVFilterContext sink = new AVFilterContext();
    private final AVFrame output = av_frame_alloc();

    /** @param chain a filter chain built by code, never from feed text */
    public TemporalFilter(int width, int height, int pixelFormat, String chain) {
        graph = FilterGraphs.video(width, height, pixelFormat, chain, source, sink);
    }

    /**
     * Pushes a frame, stamped {@code ptsUs}; the caller keeps its own reference. Each frame the graph lets out
     * goes to {@code out}, lent for that call only.
     */
    public void push(Picture picture, long ptsUs, Consumer<Picture> out) {
        AVFrame ref = av_frame_clone(picture.frame);
        if (ref == null) {
            throw new MediaException("out of memory for a video filter's frame");
        }
        ref.pts(ptsUs);
        try {
            // The graph takes over the clone's buffers; only the emptied frame is freed here.
            Ffmpeg.check(av_buffersrc_add_frame_flags(source, ref, 0), "video filter input");
        } finally {
            av_frame_free(ref);
        }
        drain(out);
    }

    /** Ends the input: the frames held back come out. */
    public void flush(Consumer<Picture> out) {
        Ffmpeg.check(av_buffersrc_add_frame_flags(source, (AVFrame) null, 0), "video filter end");
        drain(out);
    }

    private void drain(Consumer<Picture> out) {
        while (true) {
            int ret = av_buffersink_get_frame(sink, output);
            if (ret == AVERROR_EAGAIN() || Ffmpeg.isEof(ret)) {
                return;
            }
            Ffmpeg.check(ret, "video filter output");
            try {
                out.accept(Picture.borrowed(output));
            } finally {
                av_frame_unref(output);
            }
        }
    }

    @Override
    public void close() {
        av_frame_free(output);
        avfilter_graph_free(graph);
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_send_command;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * One libavfilter graph that maps each source frame to exactly one output frame (crop, scale, pad, pixel
 * format, and later graphics); filters that hold frames back go through {@link TemporalFilter}. The source frame
 * is pushed by reference and kept, so the same decoded frame can feed several renditions' filters.
 */
public final class FrameFilter implements AutoCloseable {
    private final AVFilterGraph graph;
    private final AVFilterContext source = new AVFilterContext();
    private final AVFilterContext sink = new AVFilterContext();
    private final AVFrame output = av_frame_alloc();
    private final Picture outputPicture = Picture.borrowed(output);

    /**
     * @param width the source width
     * @param height the source height
     * @param pixelFormat the source's AV_PIX_FMT_* ({@link Picture#pixelFormat})
     * @param chain a filter chain built by code from profile numbers, never from feed text
     */
    public FrameFilter(int width, int height, int pixelFormat, String chain) {
        graph = FilterGraphs.video(width, height, pixelFormat, chain, source, sink);
    }

    /**
     * Changes a filter's setting for the frames that follow, e.g. the crop filter's x to move a crop window.
     */
    public void command(String filter, String setting, String value) {
        Ffmpeg.check(
                avfilter_graph_send_command(graph, filter, setting, value, (BytePointer) null, 0, 0),
                "video filter command " + filter + " " + setting + "=" + value);
    }

    /** Filters one picture. The result belongs to this filter and is valid until the next call. */
    public Picture apply(Picture picture) {
        av_frame_unref(output);
        Ffmpeg.check(
                av_buffersrc_add_frame_flags(source, picture.frame, AV_BUFFERSRC_FLAG_KEEP_REF), "video filter input");
        Ffmpeg.check(av_buffersink_get_frame(sink, output), "video filter output");
        return outputPicture;
    }

    @Override
    public void close() {
        av_frame_free(output);
        avfilter_graph_free(graph);
    }
}

package io.hookline.render.media;

import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.javacpp.BytePointer;

/** Builds a libavfilter graph for video frames: a buffer source, the chain, a buffer sink. */
final class FilterGraphs {

    private FilterGraphs() {}

    /**
     * @param chain a filter chain built by code from profile numbers, never from feed text
     * @return the configured graph, whose input is {@code source} and output {@code sink}; the caller frees it
     */
    static AVFilterGraph video(
            int width, int height, int pixelFormat, String chain, AVFilterContext source, AVFilterContext sink) {
        AVFilterGraph graph = avfilter_graph_alloc();
        // Single-threaded: renditions run side by side instead.
        graph.nb_threads(1);
        String args = "video_size=" + width + "x" + height + ":pix_fmt=" + pixelFormat
                + ":time_base=1/1000000:pixel_aspect=1/1";
        AVFilterInOut outputs = avfilter_inout_alloc();
        AVFilterInOut inputs = avfilter_inout_alloc();
        try {
            Ffmpeg.check(
                    avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph),
                    "video filter input");
            Ffmpeg.check(
                    avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
                    "video filter output");
            outputs.name(av_strdup(new BytePointer("in")))
                    .filter_ctx(source)
                    .pad_idx(0)
                    .next(null);
            inputs.name(av_strdup(new BytePointer("out")))
                    .filter_ctx(sink)
                    .pad_idx(0)
                    .next(null);
            Ffmpeg.check(avfilter_graph_parse_ptr(graph, chain, inputs, outputs, null), "video filter '" + chain + "'");
            Ffmpeg.check(avfilter_graph_config(graph, null), "video filter '" + chain + "'");
            return graph;
        } catch (RuntimeException e) {
            avfilter_graph_free(graph);
            throw e;
        } finally {
            avfilter_inout_free(inputs);
            avfilter_inout_free(outputs);
        }
    }
}

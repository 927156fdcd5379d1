package io.hookline.render;

import io.hookline.render.media.FieldOrder;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.Picture;
import io.hookline.render.media.SourceReader;
import io.hookline.render.media.TemporalFilter;
import java.util.ArrayDeque;

/**
 * Deinterlaces the decoded frames of a pass once, before any rendition's filters crop and scale them: bwdif in
 * frame mode, one picture per source frame, so each still shows its own moment and the cuts stay exact. bwdif
 * holds a frame back to see the next one, so each decode window ends with {@link #endWindow}, which lets the
 * last one out; the next window (after a seek) starts a fresh graph.
 */
final class Deinterlacer implements AutoCloseable {
    private final String chain;
    private final SourceReader.VideoSink out;
    /** The shown-for interval of each frame in the graph, in order: bwdif lets them out in the order they went in. */
    private final ArrayDeque<long[]> held = new ArrayDeque<>();

    private TemporalFilter graph;

    /** @param out where the deinterlaced frames go, each with the interval its source frame is shown for */
    Deinterlacer(FieldOrder order, SourceReader.VideoSink out) {
        this.chain = "bwdif=mode=send_frame:parity=" + order.parity() + ":deint=all";
        this.out = out;
    }

    /** Takes a decoded frame shown during [startUs, endUs); the caller keeps its reference. */
    void accept(Picture frame, long startUs, long endUs) {
        if (graph == null) {
            graph = new TemporalFilter(frame.width(), frame.height(), frame.pixelFormat(), chain);
        }
        held.add(new long[] {startUs, endUs});
        graph.push(frame, startUs, this::release);
    }

    /** Ends a decode window: the frame held back comes out. */
    void endWindow() {
        if (graph == null) {
            return;
        }
        try {
            graph.flush(this::release);
        } finally {
            graph.close();
            graph = null;
        }
        if (!held.isEmpty()) {
            int lost = held.size();
            held.clear();
            throw new MediaException("deinterlacing lost " + lost + " frame(s) at the end of a stretch");
        }
    }

    private void release(Picture frame) {
        long[] shown = held.poll();
        if (shown == null) {
            throw new MediaException("deinterlacing gave more frames than it was given");
        }
        out.accept(frame, shown[0], shown[1]);
    }

    @Override
    public void close() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
        held.clear();
    }
}

package io.hookline.render;

import io.hookline.render.media.FrameFilter;
import io.hookline.render.media.Picture;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts decoded source frames into the renditions' frames for one decode pass: one libavfilter graph per distinct
 * chain and crop path, applied at most once per source frame however many renditions use it. The four 9:16
 * renditions crop and scale alike, as do the three 720p ones, so each scaled frame is made once for them all.
 */
final class SharedFilters implements AutoCloseable {
    private final Map<String, Filter> filters = new HashMap<>();
    private long sourceFrame;

    /** The filter for a rendition's chain; renditions with equal chains and crop paths get the same one. */
    Filter forChain(String chain, boolean pans) {
        return filters.computeIfAbsent(key(chain, pans), k -> new Filter(chain));
    }

    /** Renditions with equal keys turn a source frame into the same picture before graphics. */
    static String key(String chain, boolean pans) {
        return chain + (pans ? "|pans" : "");
    }

    /** A new source frame arrives: what was filtered from the previous one is stale. */
    void nextSourceFrame() {
        sourceFrame++;
    }

    @Override
    public void close() {
        filters.values().forEach(Filter::close);
        filters.clear();
    }

    /** One chain's graph, and its output for the current source frame. */
    final class Filter {
        private final String chain;
        private FrameFilter graph;
        private long filteredFrame = -1;
        private int cropX = -1;
        private Picture output;

        private Filter(String chain) {
            this.chain = chain;
        }

        /**
         * The source frame in the rendition's frame, with the crop's left edge at {@code cropX} (or where the chain
         * puts it, for -1). Valid until the next source frame. Other renditions read it: whoever draws on it takes
         * the drawing off again.
         */
        Picture apply(Picture source, int cropX) {
            if (graph == null) {
                graph = new FrameFilter(source.width(), source.height(), source.pixelFormat(), chain);
            }
            if (filteredFrame != sourceFrame || cropX != this.cropX) {
                if (cropX >= 0 && cropX != this.cropX) {
                    graph.command("crop", "x", Integer.toString(cropX));
                    this.cropX = cropX;
                }
                output = graph.apply(source);
                filteredFrame = sourceFrame;
            }
            return output;
        }

        private void close() {
            if (graph != null) {
                graph.close();
                graph = null;
            }
        }
    }
}

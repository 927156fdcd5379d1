package io.hookline.render;

import io.hookline.render.media.FieldOrderProbe;
import io.hookline.render.media.MediaException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How each source was scanned, found once per source (by its identity, which changes with the file) however many
 * clips are cut from it: from the start of the video, so every run and every clip decides alike.
 */
final class FieldOrders {
    private static final Logger LOG = LoggerFactory.getLogger(FieldOrders.class);
    /** Sources remembered; a task serves a few matches at a time. */
    private static final int KEPT = 64;

    private static final Map<String, FieldOrderProbe.Result> FOUND = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FieldOrderProbe.Result> eldest) {
            return size() > KEPT;
        }
    };

    private FieldOrders() {}

    /**
     * @param fallbackUs where to look instead when the start cannot be decoded (a live video that dropped it)
     */
    static FieldOrderProbe.Result of(ClipSource source, long fallbackUs) {
        String identity = source.info().identity();
        synchronized (FOUND) {
            FieldOrderProbe.Result found = FOUND.get(identity);
            if (found == null) {
                found = detect(source, fallbackUs);
                FOUND.put(identity, found);
                LOG.info("{}: {} ({})", source.info().location(), found.order(), found.evidence());
            }
            return found;
        }
    }

    private static FieldOrderProbe.Result detect(ClipSource source, long fallbackUs) {
        FieldOrderProbe.Frames frames = (start, end, sink) -> source.decodeWindow(start, end, sink, null);
        double fps = source.info().fps();
        try {
            return FieldOrderProbe.detect(frames, 0, fps);
        } catch (MediaException e) {
            return FieldOrderProbe.detect(frames, fallbackUs, fps);
        }
    }
}

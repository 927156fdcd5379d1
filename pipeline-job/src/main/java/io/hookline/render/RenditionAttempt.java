package io.hookline.render;

import io.hookline.model.Rendition;
import java.util.List;

/** The outcome of one rendition in one pass: stored (with any warnings), failed, or written but not conforming. */
record RenditionAttempt(Rendition rendition, List<String> warnings, ConformanceCheck.Report report, String error) {
    static RenditionAttempt done(Rendition r, List<String> warnings) {
        return new RenditionAttempt(r, warnings, null, null);
    }

    static RenditionAttempt nonconforming(ConformanceCheck.Report report) {
        return new RenditionAttempt(null, List.of(), report, null);
    }

    static RenditionAttempt failed(String error) {
        return new RenditionAttempt(null, List.of(), null, error);
    }

    boolean done() {
        return rendition != null;
    }

    String reasons() {
        return report != null ? "does not conform: " + String.join("; ", report.problems()) : error;
    }
}

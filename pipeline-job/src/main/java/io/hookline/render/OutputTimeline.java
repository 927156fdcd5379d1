package io.hookline.render;

import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import java.util.ArrayList;
import java.util.List;

/**
 * A clip's segments laid out on one rendition's output frames. Each span starts on a source frame and
 * lasts a whole number of output frames; output frame {@code k} of a span shows the source frame on
 * screen at {@code sourceStartUs + k / fps}. Intro and outro cards, when a rendition has them, take the
 * first and last frames.
 */
record OutputTimeline(FrameRate rate, List<Span> spans, boolean trimmed, int introFrames, int outroFrames) {

    /**
     * Source times are matched with this tolerance, so container timestamp rounding cannot pick the
     * frame before a boundary.
     */
    static final long TOLERANCE_US = 500;

    /**
     * One segment: where it starts in the source, how many output frames it lasts, and how fast it plays
     * (0.5: each source moment shown for twice as long).
     */
    record Span(SegmentRole role, long sourceStartUs, int frames, long firstOutputFrame, double speed) {}

    /**
     * Lays out segments in order. Starts snap to the source frame grid; a timeline longer than
     * {@code maxDurationMs} is cut at the end.
     */
    static OutputTimeline of(List<Segment> segments, double sourceFps, FrameRate rate, long maxDurationMs) {
        return of(segments, sourceFps, rate, maxDurationMs, 0, 0);
    }

    /** The same with cards of these lengths before and after; the cards count towards the longest duration. */
    static OutputTimeline of(
            List<Segment> segments, double sourceFps, FrameRate rate, long maxDurationMs, long introMs, long outroMs) {
        List<Span> spans = new ArrayList<>();
        int intro = rate.framesIn(introMs * 1000);
        int outro = rate.framesIn(outroMs * 1000);
        long maxFrames = rate.framesIn(maxDurationMs * 1000) - outro;
        long next = intro;
        boolean trimmed = false;
        for (Segment s : segments) {
            long startUs = snap(s.getSourceStartMs() * 1000, sourceFps);
            long endUs = snap(s.getSourceEndMs() * 1000, sourceFps);
            int frames = rate.framesIn(Math.round((endUs - startUs) / s.getSpeed()));
            if (next + frames > maxFrames) {
                frames = (int) Math.max(0, maxFrames - next);
                trimmed = true;
            }
            if (frames > 0) {
                spans.add(new Span(s.getRole(), startUs, frames, next, s.getSpeed()));
                next += frames;
            }
        }
        return new OutputTimeline(rate, List.copyOf(spans), trimmed, intro, outro);
    }

    /** The source time output frame {@code k} of {@code span} shows, tolerance included. */
    long sourceTimeUs(Span span, int k) {
        return span.sourceStartUs() + Math.round(rate.frameTimeUs(k) * span.speed()) + TOLERANCE_US;
    }

    /** Just past the last source moment a span shows. */
    long sourceEndUs(Span span) {
        return span.sourceStartUs() + Math.round(rate.frameTimeUs(span.frames()) * span.speed());
    }

    /** All output frames, cards included; 0 when no segment made it in. */
    long frames() {
        if (spans.isEmpty()) {
            return 0;
        }
        Span last = spans.get(spans.size() - 1);
        return last.firstOutputFrame() + last.frames() + outroFrames;
    }

    long durationUs() {
        return rate.frameTimeUs(frames());
    }

    private static long snap(long us, double fps) {
        return Math.round(Math.round(us * fps / 1_000_000.0) * 1_000_000.0 / fps);
    }
}

package io.hookline.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stretches of source a clip needs, each decoded once: spans that overlap or nearly touch are merged
 * (decoding a short gap costs less than seeking to the next keyframe), and a compilation's plays far apart
 * become separate stretches instead of one decode of the whole match.
 */
record DecodeWindows(List<long[]> windows) {
    /** Spans closer than this are decoded as one stretch. */
    static final long MERGE_GAP_US = 2_000_000;

    static DecodeWindows of(List<OutputTimeline> timelines) {
        List<long[]> spans = new ArrayList<>();
        for (OutputTimeline t : timelines) {
            for (OutputTimeline.Span s : t.spans()) {
                spans.add(new long[] {s.sourceStartUs(), t.sourceEndUs(s)});
            }
        }
        spans.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : spans) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1] + MERGE_GAP_US) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(s.clone());
            }
        }
        return new DecodeWindows(List.copyOf(merged));
    }
}

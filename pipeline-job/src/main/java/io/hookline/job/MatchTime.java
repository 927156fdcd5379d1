package io.hookline.job;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A live match's own clock, in video time. It stands at the newest event seen and runs on with the wall clock
 * from there, because a live video keeps going while the feed is quiet. Every match keeps its own (keyed state),
 * so a match at 10 minutes neither holds back nor hurries one at 80, as a watermark shared by all would.
 */
final class MatchTime {
    /** Before any event: nothing is due. */
    static final long NOT_STARTED = Long.MIN_VALUE;

    private final ValueState<Long> anchorMs;
    private final ValueState<Long> anchorWallMs;

    MatchTime(RuntimeContext context, MatchRetention retention) {
        anchorMs = context.getState(retention.apply(new ValueStateDescriptor<>("clock-video-ms", Types.LONG)));
        anchorWallMs = context.getState(retention.apply(new ValueStateDescriptor<>("clock-wall-ms", Types.LONG)));
    }

    /** The match's video time at wall time {@code wallMs}. */
    long now(long wallMs) throws Exception {
        Long at = anchorMs.value();
        return at == null ? NOT_STARTED : at + Math.max(0, wallMs - anchorWallMs.value());
    }

    /** Moves the clock to an event at {@code videoMs} seen at {@code wallMs}, if it is ahead; returns the time. */
    long saw(long videoMs, long wallMs) throws Exception {
        long now = now(wallMs);
        if (videoMs > now) {
            anchorMs.update(videoMs);
            anchorWallMs.update(wallMs);
            return videoMs;
        }
        return now;
    }

    /** The wall time at which the clock will reach {@code videoMs}. */
    long wallAt(long videoMs, long wallMs) throws Exception {
        long now = now(wallMs);
        return now == NOT_STARTED ? wallMs : wallMs + Math.max(0, videoMs - now);
    }

    void clear() {
        anchorMs.clear();
        anchorWallMs.clear();
    }
}

package io.hookline.job;

import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.scoring.PlayGrouper;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Groups a match's scored events into plays. A play is complete once the watermark is a play gap past its
 * last event; until then a later event may still join it. A {@code MATCH_END} completes every open play at
 * once and is passed on after them, as a play of its own (see {@link MatchEnd}).
 */
final class GroupPlays extends KeyedProcessFunction<String, ScoredEvent, Play> {
    private final long gapMs;
    private final MatchRetention retention;
    private transient PlayGrouper grouper;
    private transient MapState<String, ScoredEvent> open;

    GroupPlays(long gapMs, MatchRetention retention) {
        this.gapMs = gapMs;
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        grouper = new PlayGrouper(gapMs);
        open = getRuntimeContext().getMapState(retention.apply(
                new MapStateDescriptor<>("open", Types.STRING, TypeInformation.of(ScoredEvent.class))));
    }

    @Override
    public void processElement(ScoredEvent e, Context ctx, Collector<Play> out) throws Exception {
        if (MatchEnd.is(e.getEvent())) {
            List<ScoredEvent> events = new ArrayList<>();
            open.values().forEach(events::add);
            for (List<ScoredEvent> group : grouper.groups(events)) {
                out.collect(PlayGrouper.play(group));
            }
            open.clear();
            out.collect(PlayGrouper.play(List.of(e)));
            return;
        }
        open.put(e.getEvent().getEventId(), e);
        ctx.timerService().registerEventTimeTimer(e.getEvent().getVideoTimeMs() + gapMs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Play> out) throws Exception {
        List<ScoredEvent> events = new ArrayList<>();
        open.values().forEach(events::add);
        for (List<ScoredEvent> group : grouper.groups(events)) {
            long last = group.get(group.size() - 1).getEvent().getVideoTimeMs();
            if (grouper.closed(last, timestamp)) {
                out.collect(PlayGrouper.play(group));
                for (ScoredEvent e : group) {
                    open.remove(e.getEvent().getEventId());
                }
            }
        }
    }
}

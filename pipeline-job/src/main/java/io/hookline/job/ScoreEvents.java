package io.hookline.job;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.GameState;
import io.hookline.model.MatchEvent;
import io.hookline.model.ScoredEvent;
import io.hookline.model.SourcedEvent;
import io.hookline.profiles.HighlightRules;
import io.hookline.scoring.EventScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps a match's game state and scores its events in video-time order. Events wait until the watermark
 * passes them, so a correction (same id, higher version) or a delete that arrives a little late still
 * replaces the original; two records with the same id and version are a duplicate, and the later one in
 * the feed goes to the dead letters. A {@code MATCH_END} releases everything still waiting, then itself
 * (see {@link MatchEnd}); what arrives for the match after it goes to the dead letters. A {@code MATCH_START}
 * (the match's {@link MatchDescriptor}) is kept, not scored: the events released after it carry their team's
 * name from it.
 */
final class ScoreEvents extends KeyedProcessFunction<String, SourcedEvent, ScoredEvent> {
    private static final Comparator<SourcedEvent> ORDER = Comparator
            .comparingLong((SourcedEvent e) -> e.getEvent().getVideoTimeMs())
            .thenComparingLong(SourcedEvent::getSequence);

    private final HighlightRules rules;
    private final MatchRetention retention;
    private transient EventScorer scorer;
    private transient MapState<String, SourcedEvent> pending;
    private transient MapState<String, Integer> released;
    private transient ValueState<GameState> game;
    private transient ValueState<Boolean> ended;
    private transient ValueState<MatchEvent> descriptor;
    private transient LongCounter rejected;

    ScoreEvents(HighlightRules rules, MatchRetention retention) {
        this.rules = rules;
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        scorer = new EventScorer(rules);
        pending = getRuntimeContext().getMapState(retention.apply(
                new MapStateDescriptor<>("pending", Types.STRING, TypeInformation.of(SourcedEvent.class))));
        released = getRuntimeContext().getMapState(
                retention.apply(new MapStateDescriptor<>("released", Types.STRING, Types.INT)));
        game = getRuntimeContext().getState(
                retention.apply(new ValueStateDescriptor<>("game", TypeInformation.of(GameState.class))));
        ended = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("ended", Types.BOOLEAN)));
        descriptor = getRuntimeContext().getState(
                retention.apply(new ValueStateDescriptor<>("descriptor", TypeInformation.of(MatchEvent.class))));
        rejected = getRuntimeContext().getLongCounter(Progress.EVENTS_REJECTED);
    }

    @Override
    public void processElement(SourcedEvent in, Context ctx, Collector<ScoredEvent> out) throws Exception {
        MatchEvent e = in.getEvent();
        String id = e.getEventId();
        if (ended.value() != null) {
            reject(ctx, in, "event " + id + " arrived after the match ended");
            return;
        }
        if (MatchDescriptor.is(e)) {
            descriptor.update(e);
            return;
        }
        if (MatchEnd.is(e)) {
            ended.update(true);
            release(Long.MAX_VALUE, out);
            out.collect(scorer.score(e, game.value() == null ? EventScorer.start() : game.value()));
            // Whatever comes later is rejected for arriving after the end: the ended flag is all that is needed.
            released.clear();
            game.clear();
            descriptor.clear();
            return;
        }
        Integer releasedVersion = released.get(id);
        if (releasedVersion != null) {
            reject(ctx, in, releasedVersion >= e.getVersion()
                    ? "duplicate event id " + id + " (version " + e.getVersion() + " was already used)"
                    : "correction to event " + id + " arrived after the event was used");
            return;
        }
        SourcedEvent held = pending.get(id);
        if (held == null) {
            keep(ctx, in);
            return;
        }
        int cmp = Integer.compare(e.getVersion(), held.getEvent().getVersion());
        if (cmp > 0) {
            keep(ctx, in);
        } else if (cmp == 0) {
            // Same id and version: keep the earlier record in the feed, report the later one. Keeping it
            // registers its own timer, in case the two records place the event at different times.
            SourcedEvent first = in.getSequence() < held.getSequence() ? in : held;
            SourcedEvent second = first == in ? held : in;
            keep(ctx, first);
            reject(ctx, second, "duplicate event id " + id + " (first seen at " + first.getOrigin() + ")");
        }
        // A lower version is an older revision of an event already corrected: nothing to do.
    }

    private void keep(Context ctx, SourcedEvent in) throws Exception {
        pending.put(in.getEvent().getEventId(), in);
        ctx.timerService().registerEventTimeTimer(in.getEvent().getVideoTimeMs());
    }

    private void reject(Context ctx, SourcedEvent e, String reason) {
        rejected.add(1);
        ctx.output(DeadLetters.TAG, DeadLetters.of(e.getEvent().getMatchId(), e.getOrigin(), e.getSequence(), reason,
                MatchEventJson.write(e.getEvent())));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredEvent> out) throws Exception {
        release(timestamp, out);
    }

    /** Scores and emits, in order, the waiting events up to {@code timestamp}. */
    private void release(long timestamp, Collector<ScoredEvent> out) throws Exception {
        List<SourcedEvent> due = new ArrayList<>();
        for (Map.Entry<String, SourcedEvent> entry : pending.entries()) {
            if (entry.getValue().getEvent().getVideoTimeMs() <= timestamp) {
                due.add(entry.getValue());
            }
        }
        due.sort(ORDER);
        GameState current = game.value() == null ? EventScorer.start() : game.value();
        MatchDescriptor match = descriptor.value() == null ? null : MatchDescriptor.of(descriptor.value());
        for (SourcedEvent in : due) {
            MatchEvent e = match == null ? in.getEvent() : match.name(in.getEvent());
            pending.remove(e.getEventId());
            released.put(e.getEventId(), e.getVersion());
            if (e.getDeleted()) {
                continue;
            }
            out.collect(scorer.score(e, current));
            current = EventScorer.after(e, current);
        }
        game.update(current);
    }
}

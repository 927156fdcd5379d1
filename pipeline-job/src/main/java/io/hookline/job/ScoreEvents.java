package io.hookline.job;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.GameState;
import io.hookline.model.MatchEvent;
import io.hookline.model.ScoredEvent;
import io.hookline.model.SourcedEvent;
import io.hookline.profiles.HighlightRules;
import io.hookline.scoring.EventOrder;
import io.hookline.scoring.EventScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps a match's game state and scores its events in the order of the match's facts ({@link EventOrder}).
 * Events wait before they are scored, so a correction (same id, higher version) or a delete still replaces the
 * original; two records with the same id and version are a duplicate, and the later one in the feed goes to
 * the dead letters.
 * <ul>
 *   <li>A feed file waits for its end: every event is scored at once, in order.</li>
 *   <li>A live match waits on its own clock ({@link MatchTime}): an event is scored once the match is the
 *       reorder time past it. A correction or delete that comes after its event was scored is scored again and
 *       passed on, so the play it belongs to is made again (see {@link GroupPlays}).</li>
 * </ul>
 * A {@code MATCH_END} releases everything still waiting, then itself (see {@link MatchEnd}); what arrives for
 * the match after it goes to the dead letters. A {@code MATCH_START} (the match's {@link MatchDescriptor}) is
 * passed on unscored: the events released after it carry their team's name from it, and the plays its video.
 * A second descriptor that differs replaces the first when it is later in the feed; the one not used goes to
 * the dead letters naming both places and what differs. The same descriptor again changes nothing.
 */
final class ScoreEvents extends KeyedProcessFunction<String, SourcedEvent, ScoredEvent> {
    private final HighlightRules rules;
    private final MatchRetention retention;
    private final LiveSettings live;
    private transient EventScorer scorer;
    private transient Comparator<SourcedEvent> order;
    private transient MapState<String, SourcedEvent> pending;
    private transient MapState<String, Integer> released;
    private transient MapState<String, GameState> scoredIn;
    private transient ValueState<GameState> game;
    private transient ValueState<Boolean> ended;
    private transient ValueState<MatchEvent> descriptor;
    /** The descriptor in use, with where it came from, to name both places when another differs. */
    private transient ValueState<SourcedEvent> descriptorFrom;

    private transient MatchTime clock;
    private transient LongCounter rejected;

    /** @param live the live pacing, or null for a feed file */
    ScoreEvents(HighlightRules rules, MatchRetention retention, LiveSettings live) {
        this.rules = rules;
        this.retention = retention;
        this.live = live;
    }

    @Override
    public void open(OpenContext context) {
        scorer = new EventScorer(rules);
        EventOrder facts = new EventOrder(rules);
        order = (a, b) -> facts.compare(a.getEvent(), b.getEvent());
        pending = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("pending", Types.STRING, TypeInformation.of(SourcedEvent.class))));
        released = getRuntimeContext()
                .getMapState(retention.apply(new MapStateDescriptor<>("released", Types.STRING, Types.INT)));
        // Live only: the game state each scored event was scored in, to score its correction in the same.
        scoredIn = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("scored-in", Types.STRING, TypeInformation.of(GameState.class))));
        game = getRuntimeContext()
                .getState(retention.apply(new ValueStateDescriptor<>("game", TypeInformation.of(GameState.class))));
        ended = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("ended", Types.BOOLEAN)));
        descriptor = getRuntimeContext()
                .getState(retention.apply(
                        new ValueStateDescriptor<>("descriptor", TypeInformation.of(MatchEvent.class))));
        descriptorFrom = getRuntimeContext()
                .getState(retention.apply(
                        new ValueStateDescriptor<>("descriptor-from", TypeInformation.of(SourcedEvent.class))));
        clock = new MatchTime(getRuntimeContext(), retention);
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
            if (!takesDescriptor(ctx, in)) {
                return;
            }
            descriptor.update(e);
            out.collect(scorer.score(e, EventScorer.start()));
            return;
        }
        if (MatchEnd.is(e)) {
            ended.update(true);
            release(Long.MAX_VALUE, out);
            out.collect(scorer.score(e, game.value() == null ? EventScorer.start() : game.value()));
            // Whatever comes later is rejected for arriving after the end: the ended flag is all that is needed.
            released.clear();
            scoredIn.clear();
            game.clear();
            descriptor.clear();
            descriptorFrom.clear();
            clock.clear();
            return;
        }
        Integer releasedVersion = released.get(id);
        if (releasedVersion != null) {
            if (releasedVersion >= e.getVersion()) {
                reject(ctx, in, "duplicate event id " + id + " (version " + e.getVersion() + " was already used)");
            } else if (live == null) {
                reject(ctx, in, "correction to event " + id + " arrived after the event was used");
            } else {
                rescore(e, out);
            }
            return;
        }
        SourcedEvent held = pending.get(id);
        if (held == null) {
            keep(in);
        } else {
            int cmp = Integer.compare(e.getVersion(), held.getEvent().getVersion());
            if (cmp > 0) {
                keep(in);
            } else if (cmp == 0) {
                // Same id and version: keep the earlier record in the feed, report the later one.
                SourcedEvent first = in.getSequence() < held.getSequence() ? in : held;
                SourcedEvent second = first == in ? held : in;
                keep(first);
                reject(ctx, second, "duplicate event id " + id + " (first seen at " + first.getOrigin() + ")");
            }
            // A lower version is an older revision of an event already corrected: nothing to do.
        }
        if (live == null) {
            // A feed file is scored at its end, in one pass: sorting once keeps a long feed linear.
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        } else {
            long wall = ctx.timerService().currentProcessingTime();
            clock.saw(e.getVideoTimeMs(), wall);
            releaseLive(ctx, wall, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredEvent> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            release(timestamp, out);
        } else if (ended.value() == null) {
            releaseLive(ctx, timestamp, out);
        }
    }

    /**
     * Whether a descriptor is the one the match goes on with: the first, or a differing one later in the feed.
     * Of two that differ, the one not used is a dead letter that names the other's place.
     */
    private boolean takesDescriptor(Context ctx, SourcedEvent in) throws Exception {
        SourcedEvent held = descriptorFrom.value();
        if (held == null) {
            descriptorFrom.update(in);
            return true;
        }
        String differences = MatchDescriptor.of(held.getEvent()).differences(MatchDescriptor.of(in.getEvent()));
        if (differences.isEmpty()) {
            return false;
        }
        boolean later = in.getSequence() > held.getSequence();
        SourcedEvent used = later ? in : held;
        SourcedEvent unused = later ? held : in;
        reject(
                ctx,
                unused,
                "match " + in.getEvent().getMatchId() + " has two differing descriptors, this one and "
                        + "the one at " + used.getOrigin() + " ("
                        + MatchDescriptor.of(unused.getEvent()).differences(MatchDescriptor.of(used.getEvent()))
                        + "): the later one, at " + used.getOrigin()
                        + ", is used");
        if (later) {
            descriptorFrom.update(in);
        }
        return later;
    }

    private void keep(SourcedEvent in) throws Exception {
        pending.put(in.getEvent().getEventId(), in);
    }

    private void reject(Context ctx, SourcedEvent e, String reason) {
        rejected.add(1);
        ctx.output(
                DeadLetters.TAG,
                DeadLetters.of(
                        e.getEvent().getMatchId(),
                        e.getOrigin(),
                        e.getSequence(),
                        reason,
                        MatchEventJson.write(e.getEvent())));
    }

    /** Scores what the match's clock has passed by the reorder time, and sets a timer for what is still waiting. */
    private void releaseLive(Context ctx, long wall, Collector<ScoredEvent> out) throws Exception {
        long due = clock.now(wall) - live.reorderMs();
        long next = release(due, out);
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerProcessingTimeTimer(clock.wallAt(next + live.reorderMs(), wall));
        }
    }

    /** Scores and emits, in order, the waiting events up to {@code timestamp}; returns the next one's time. */
    private long release(long timestamp, Collector<ScoredEvent> out) throws Exception {
        List<SourcedEvent> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (SourcedEvent e : pending.values()) {
            long at = e.getEvent().getVideoTimeMs();
            if (at <= timestamp) {
                due.add(e);
            } else {
                next = Math.min(next, at);
            }
        }
        due.sort(order);
        GameState current = game.value() == null ? EventScorer.start() : game.value();
        MatchDescriptor match = descriptor.value() == null ? null : MatchDescriptor.of(descriptor.value());
        for (SourcedEvent in : due) {
            MatchEvent e = match == null ? in.getEvent() : match.name(in.getEvent());
            pending.remove(e.getEventId());
            released.put(e.getEventId(), e.getVersion());
            if (e.getDeleted()) {
                continue;
            }
            if (live != null) {
                scoredIn.put(e.getEventId(), current);
            }
            out.collect(scorer.score(e, current));
            current = EventScorer.after(e, current);
        }
        game.update(current);
        return next;
    }

    /**
     * A live correction to an event already scored: scored in the game state the original was, and passed on
     * (a delete too) for its play to be made again. The game state of the match goes on from the feed's next
     * score.
     */
    private void rescore(MatchEvent corrected, Collector<ScoredEvent> out) throws Exception {
        MatchDescriptor match = descriptor.value() == null ? null : MatchDescriptor.of(descriptor.value());
        MatchEvent e = match == null ? corrected : match.name(corrected);
        GameState before = scoredIn.get(e.getEventId());
        released.put(e.getEventId(), e.getVersion());
        out.collect(scorer.score(e, before == null ? EventScorer.start() : before));
    }
}

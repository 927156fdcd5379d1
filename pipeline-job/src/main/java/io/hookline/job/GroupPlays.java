package io.hookline.job;

import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.scoring.PlayGrouper;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
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
 * Groups a match's scored events into plays, each carrying the match's video from its descriptor.
 * <ul>
 *   <li>A feed file is grouped at its end, in one pass.</li>
 *   <li>A live match closes a play as soon as the rules say it is over: a later event is more than a play gap
 *       after it, its period ended, or the match's own clock ({@link MatchTime}) is a play gap past its last
 *       event. A correction to an event of a closed play, or an event that arrives too late for its play, makes
 *       that play again under a new id that names the play it replaces.</li>
 * </ul>
 * A {@code MATCH_END} completes every open play at once and is passed on after them, as a play of its own
 * (see {@link MatchEnd}).
 */
final class GroupPlays extends KeyedProcessFunction<String, ScoredEvent, Play> {
    private final long gapMs;
    private final MatchRetention retention;
    private final LiveSettings live;
    private transient PlayGrouper grouper;
    private transient ListState<ScoredEvent> open;
    private transient ValueState<String> video;
    private transient MapState<String, Play> closed;
    private transient MapState<String, String> playOf;
    private transient ValueState<Long> closedUntil;
    private transient ValueState<Integer> sequence;
    private transient MatchTime clock;

    /** @param live the live pacing, or null for a feed file */
    GroupPlays(long gapMs, MatchRetention retention, LiveSettings live) {
        this.gapMs = gapMs;
        this.retention = retention;
        this.live = live;
    }

    @Override
    public void open(OpenContext context) {
        grouper = new PlayGrouper(gapMs);
        open = getRuntimeContext()
                .getListState(
                        retention.apply(new ListStateDescriptor<>("open", TypeInformation.of(ScoredEvent.class))));
        video = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("video", Types.STRING)));
        closed = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("closed", Types.STRING, TypeInformation.of(Play.class))));
        playOf = getRuntimeContext()
                .getMapState(retention.apply(new MapStateDescriptor<>("play-of", Types.STRING, Types.STRING)));
        closedUntil =
                getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("closed-until", Types.LONG)));
        sequence = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("sequence", Types.INT)));
        clock = new MatchTime(getRuntimeContext(), retention);
    }

    @Override
    public void processElement(ScoredEvent e, Context ctx, Collector<Play> out) throws Exception {
        if (MatchDescriptor.is(e.getEvent())) {
            video.update(e.getEvent().getAttributes().get(MatchDescriptor.VIDEO));
            return;
        }
        if (MatchEnd.is(e.getEvent())) {
            closeAll(out);
            out.collect(numbered(PlayGrouper.play(List.of(e))));
            open.clear();
            closed.clear();
            playOf.clear();
            closedUntil.clear();
            sequence.clear();
            clock.clear();
            return;
        }
        if (live == null) {
            open.add(e);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        long wall = ctx.timerService().currentProcessingTime();
        clock.saw(time(e), wall);
        String closedPlay = playOf.get(e.getEvent().getEventId());
        if (closedPlay != null) {
            revise(closed.get(closedPlay), e, out);
            return;
        }
        List<ScoredEvent> events = events();
        if (!events.isEmpty() && time(e) - time(events.get(events.size() - 1)) > gapMs) {
            closeAll(out);
            events.clear();
        }
        if (!events.isEmpty() && time(e) < time(events.get(0)) - gapMs || beforeClosedPlayEnds(e)) {
            late(e, out);
            return;
        }
        open.add(e);
        events.add(e);
        if (EventType.PERIOD_END.name().equals(e.getEvent().getType())) {
            closeAll(out);
            return;
        }
        long last = events.stream().mapToLong(GroupPlays::time).max().orElseThrow();
        long closesAt = grouper.closesAt(last) + LiveSettings.CLOSE_SLACK_MS;
        ctx.timerService().registerProcessingTimeTimer(clock.wallAt(closesAt, wall));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Play> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            closeAll(out);
            return;
        }
        List<ScoredEvent> events = events();
        if (!events.isEmpty()) {
            long last = events.stream().mapToLong(GroupPlays::time).max().orElseThrow();
            if (grouper.closed(last + LiveSettings.CLOSE_SLACK_MS, clock.now(timestamp))) {
                closeAll(out);
            }
        }
    }

    /** Emits the plays of every open event, in order, and remembers them while live. */
    private void closeAll(Collector<Play> out) throws Exception {
        for (List<ScoredEvent> group : grouper.groups(events())) {
            emit(PlayGrouper.play(group), out);
        }
        open.clear();
    }

    private void emit(Play play, Collector<Play> out) throws Exception {
        Play withVideo = numbered(Play.newBuilder(play).setVideo(video.value()).build());
        if (live != null) {
            closed.put(play.getPlayId(), withVideo);
            if (!play.getEvents().isEmpty() && (closedUntil.value() == null || play.getEndMs() > closedUntil.value())) {
                closedUntil.update(play.getEndMs());
            }
            for (ScoredEvent e : play.getEvents()) {
                playOf.put(e.getEvent().getEventId(), play.getPlayId());
            }
        }
        out.collect(withVideo);
    }

    /** A live match's next play number: the planner takes a match's plays in this order. */
    private Play numbered(Play play) throws Exception {
        if (live == null) {
            return play;
        }
        int next = sequence.value() == null ? 1 : sequence.value() + 1;
        sequence.update(next);
        return Play.newBuilder(play).setSequence(next).build();
    }

    /** A correction to a closed play's event: the play again, under a new id that names the old. */
    private void revise(Play old, ScoredEvent e, Collector<Play> out) throws Exception {
        closed.remove(old.getPlayId());
        for (ScoredEvent gone : old.getEvents()) {
            playOf.remove(gone.getEvent().getEventId());
        }
        List<ScoredEvent> events = PlayGrouper.revise(old.getEvents(), e);
        String id = PlayGrouper.revisionId(old.getPlayId());
        Play revised = events.isEmpty() ? emptied(old, id) : PlayGrouper.play(events, id);
        emit(Play.newBuilder(revised).setReplaces(old.getPlayId()).build(), out);
    }

    /** An event older than the open play: it joins the closed play it is within a gap of, or is a play alone. */
    private void late(ScoredEvent e, Collector<Play> out) throws Exception {
        if (e.getEvent().getDeleted()) {
            return;
        }
        for (Play play : closed.values()) {
            if (time(e) >= play.getStartMs() - gapMs && time(e) <= play.getEndMs() + gapMs) {
                revise(play, e, out);
                return;
            }
        }
        emit(PlayGrouper.play(List.of(e)), out);
    }

    /** Whether an event falls before the end of a play already closed: it arrived too late to join it. */
    private boolean beforeClosedPlayEnds(ScoredEvent e) throws Exception {
        Long until = closedUntil.value();
        return until != null && time(e) < until;
    }

    /** A play whose every event was deleted: nothing to show, but its clip must be withdrawn. */
    private static Play emptied(Play old, String id) {
        return Play.newBuilder(old)
                .setPlayId(id)
                .setEvents(List.of())
                .setScore(0)
                .setExplanation("deleted")
                .build();
    }

    private List<ScoredEvent> events() throws Exception {
        List<ScoredEvent> events = new ArrayList<>();
        open.get().forEach(events::add);
        return events;
    }

    private static long time(ScoredEvent e) {
        return e.getEvent().getVideoTimeMs();
    }
}

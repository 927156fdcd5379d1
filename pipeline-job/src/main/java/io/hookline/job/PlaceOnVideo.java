package io.hookline.job;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.ingest.video.LiveVideo;
import io.hookline.ingest.video.Placement;
import io.hookline.model.MatchEvent;
import io.hookline.model.SourcedEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Places the events of a live feed timed by the wall clock ({@code wallClockMs}, no {@code videoTimeMs}) on
 * their match's HLS video through its EXT-X-PROGRAM-DATE-TIME tags. An event arrives before the segment that
 * records its moment is listed, so it waits, and the match's later events wait behind it to keep the feed's
 * order, for at most the video wait; then, or when its moment falls where no video was recorded, it goes to
 * the dead letters with the reason and the match goes on. Events that carry a video time pass through. Once
 * its {@code MATCH_END} has passed, the match's playlist is no longer followed: a job serving matches for days
 * holds only the playlists of matches still on.
 */
final class PlaceOnVideo extends KeyedProcessFunction<String, SourcedEvent, SourcedEvent> {
    /** A playlist is read again at most this often, however many events ask. */
    static final Duration POLL = Duration.ofMillis(250);

    private final VideoSource video;
    private final Duration wait;
    private final MatchRetention retention;
    private transient ValueState<String> matchVideo;
    private transient ListState<SourcedEvent> waiting;
    /** When the first waiting event started to wait (processing time, ms). */
    private transient ValueState<Long> waitingSince;

    private transient Map<String, Followed> followed;

    PlaceOnVideo(VideoSource video, Duration wait, MatchRetention retention) {
        this.video = video;
        this.wait = wait;
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        matchVideo = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("video", Types.STRING)));
        waiting = getRuntimeContext()
                .getListState(
                        retention.apply(new ListStateDescriptor<>("waiting", TypeInformation.of(SourcedEvent.class))));
        waitingSince =
                getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("waiting-since", Types.LONG)));
        followed = new HashMap<>();
    }

    @Override
    public void processElement(SourcedEvent e, Context ctx, Collector<SourcedEvent> out) throws Exception {
        if (MatchDescriptor.is(e.getEvent())) {
            String named = MatchDescriptor.of(e.getEvent()).video();
            if (named != null) {
                matchVideo.update(named);
            }
        }
        long now = ctx.timerService().currentProcessingTime();
        if (waiting.get().iterator().hasNext()) {
            waiting.add(e);
            return;
        }
        if (!place(e, now, ctx, out)) {
            waiting.add(e);
            waitingSince.update(now);
            ctx.timerService().registerProcessingTimeTimer(now + POLL.toMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SourcedEvent> out) throws Exception {
        List<SourcedEvent> left = new ArrayList<>();
        waiting.get().forEach(left::add);
        long now = ctx.timerService().currentProcessingTime();
        int placed = 0;
        while (placed < left.size() && place(left.get(placed), now, ctx, out)) {
            placed++;
            waitingSince.update(now);
        }
        waiting.update(left.subList(placed, left.size()));
        if (placed < left.size()) {
            ctx.timerService().registerProcessingTimeTimer(now + POLL.toMillis());
        } else {
            waitingSince.clear();
        }
    }

    /**
     * Emits the event on the video, or sends it to the dead letters; false when it has to wait: its moment is
     * not recorded yet and its wait is not over.
     */
    private boolean place(SourcedEvent e, long now, Context ctx, Collector<SourcedEvent> out) throws Exception {
        boolean done = placeOrDeadLetter(e, now, ctx, out);
        if (done && MatchEnd.is(e.getEvent())) {
            stopFollowing();
        }
        return done;
    }

    private boolean placeOrDeadLetter(SourcedEvent e, long now, Context ctx, Collector<SourcedEvent> out)
            throws Exception {
        MatchEvent event = e.getEvent();
        if (event.getVideoTimeMs() != null) {
            out.collect(e);
            return true;
        }
        Instant moment = Instant.ofEpochMilli(event.getWallClockMs());
        Placement placement = placementOf(moment, now);
        if (placement instanceof Placement.At at) {
            out.collect(new SourcedEvent(
                    MatchEvent.newBuilder(event).setVideoTimeMs(at.videoMs()).build(), e.getOrigin(), e.getSequence()));
            return true;
        }
        String reason;
        if (placement instanceof Placement.Never never) {
            reason = never.reason();
        } else {
            Long since = waitingSince.value();
            if (since == null || now - since < wait.toMillis()) {
                return false;
            }
            Instant until = ((Placement.NotYet) placement).recordedUntil();
            reason = "the video has not recorded " + moment + " after waiting " + wait.toSeconds() + " s ("
                    + (until == null
                            ? "its playlist has no EXT-X-PROGRAM-DATE-TIME yet"
                            : "it is recorded up to " + until)
                    + ")";
        }
        ctx.output(
                DeadLetters.TAG,
                DeadLetters.of(
                        event.getMatchId(),
                        e.getOrigin(),
                        e.getSequence(),
                        "event " + event.getEventId() + ": wallClock " + moment + " cannot be placed on the video: "
                                + reason,
                        MatchEventJson.write(event)));
        return true;
    }

    private Placement placementOf(Instant moment, long now) throws IOException {
        VideoSource source = video.forMatch(matchVideo.value());
        if (!source.given()) {
            return new Placement.Never(VideoSource.NONE);
        }
        if (!LiveVideo.isLive(source.location())) {
            return new Placement.Never("the match's video " + source.location() + " is not an HLS playlist, whose"
                    + " EXT-X-PROGRAM-DATE-TIME tags would say when it was recorded");
        }
        Followed f = followed.computeIfAbsent(source.location(), l -> new Followed(source.openLive()));
        if (now - f.readAt >= POLL.toMillis()) {
            try {
                f.video.refresh();
            } catch (IOException ex) {
                // A live playlist that fails one reading is read again on the next tick, within the wait.
                return new Placement.NotYet(null);
            }
            f.readAt = now;
        }
        return f.video.place(moment);
    }

    /** Closes the current match's playlist, if this task follows it; another match naming it opens it again. */
    private void stopFollowing() throws IOException {
        String location = video.forMatch(matchVideo.value()).location();
        Followed f = location == null ? null : followed.remove(location);
        if (f != null) {
            f.video.close();
        }
    }

    /** How many playlists this task follows now. */
    int followedPlaylists() {
        return followed.size();
    }

    @Override
    public void close() throws Exception {
        if (followed != null) {
            for (Followed f : followed.values()) {
                f.video.close();
            }
        }
    }

    /** A playlist this task follows, and when it last read it. */
    private static final class Followed {
        final LiveVideo video;
        long readAt = Long.MIN_VALUE / 2;

        Followed(LiveVideo video) {
            this.video = video;
        }
    }
}

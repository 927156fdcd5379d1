package io.hookline.testing;

import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.model.ScoredEvent;
import io.hookline.model.SourcedEvent;

/** Builders for the events tests feed in; everything not given is the smallest valid value. */
public final class Events {
    private static final String MATCH = "m1";

    private Events() {}

    /** A valid event of match {@link #MATCH}, in period 1, without score. */
    public static MatchEvent.Builder event(String eventId, String type, long videoTimeMs) {
        return MatchEvent.newBuilder()
                .setMatchId(MATCH)
                .setEventId(eventId)
                .setType(type)
                .setPeriod(1)
                .setVideoTimeMs(videoTimeMs);
    }

    /** An event that leaves the score at home-away. */
    public static MatchEvent.Builder goal(String eventId, long videoTimeMs, int home, int away) {
        return event(eventId, "GOAL", videoTimeMs).setScore(new Score(home, away));
    }

    /** An event already scored, as the grouper and the planner get it. */
    public static ScoredEvent scored(String eventId, String type, long videoTimeMs, double score) {
        return ScoredEvent.newBuilder()
                .setEvent(event(eventId, type, videoTimeMs).build())
                .setScore(score)
                .setExplanation(type + " " + score)
                .setScoreBefore(new Score(0, 0))
                .build();
    }

    /** An event as it left validation, read from line {@code sequence} of feed.jsonl. */
    public static SourcedEvent sourced(MatchEvent event, long sequence) {
        return new SourcedEvent(event, origin(sequence), sequence);
    }

    public static SourcedEvent sourced(MatchEvent.Builder event, long sequence) {
        return sourced(event.build(), sequence);
    }

    /** A feed record the reader decoded. */
    public static FeedRecord read(MatchEvent event, long sequence) {
        return FeedRecord.newBuilder()
                .setOrigin(origin(sequence))
                .setSequence(sequence)
                .setMatchId(event.getMatchId())
                .setEvent(event)
                .build();
    }

    public static String origin(long line) {
        return "feed.jsonl:" + line;
    }
}

package io.hookline.job;

import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.vocabulary.EventType;

/**
 * The end of a live match. A stream never ends, so the end-of-input timers that close a file's match never
 * fire; a {@code MATCH_END} event does it instead. Each stage passes the marker on after everything it held
 * for the match (Flink keeps the order of one key's records between two operators), so when it reaches the
 * planner every play of the match is in:
 * <ul>
 *   <li>ScoreEvents releases the events it holds back for late corrections, then the marker;</li>
 *   <li>GroupPlays closes every open play, then passes the marker on as a play of its own;</li>
 *   <li>PlanClips plans the match on the marker (and ignores it as a play).</li>
 * </ul>
 */
final class MatchEnd {

    private MatchEnd() {}

    static boolean is(MatchEvent event) {
        return EventType.MATCH_END.name().equals(event.getType());
    }

    static boolean is(Play play) {
        return play.getEvents().size() == 1 && is(play.getEvents().get(0).getEvent());
    }
}

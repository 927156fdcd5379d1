package io.hookline.scoring;

import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlayGrouperTest {
    private static final long GAP = 4_000;
    private final PlayGrouper grouper = new PlayGrouper(GAP);

    @ParameterizedTest(name = "{0} ms apart: {1} play(s)")
    @CsvSource({"0, 1", "1, 1", "3999, 1", "4000, 1", "4001, 2", "60000, 2"})
    void eventsUpToAPlayGapApartAreOnePlay(long apart, int plays) {
        List<List<ScoredEvent>> groups =
                grouper.groups(List.of(scored("e1", "SHOT", 10_000, 0.5), scored("e2", "GOAL", 10_000 + apart, 1.0)));

        assertThat(groups).hasSize(plays);
    }

    @Test
    void theGapIsMeasuredFromTheNeighbourNotFromTheFirstEvent() {
        // Each step is within the gap, the whole run is far longer than it.
        List<List<ScoredEvent>> groups = grouper.groups(List.of(
                scored("e1", "KEY_PASS", 0, 0.25),
                scored("e2", "KEY_PASS", 3_000, 0.25),
                scored("e3", "KEY_PASS", 6_000, 0.25),
                scored("e4", "SHOT", 9_000, 0.5),
                scored("e5", "GOAL", 14_000, 1.0)));

        assertThat(groups)
                .extracting(PlayGrouperTest::ids)
                .containsExactly(List.of("e1", "e2", "e3", "e4"), List.of("e5"));
    }

    @ParameterizedTest(name = "last event at 10000, watermark {0}: closed {1}")
    @CsvSource({"10000, false", "13999, false", "14000, true", "14001, true", "9223372036854775807, true"})
    void aPlayClosesOnceTheWatermarkIsAPlayGapPastItsLastEvent(long watermark, boolean closed) {
        assertThat(grouper.closed(10_000, watermark)).isEqualTo(closed);
    }

    @Test
    void playPeaksOnItsBestEventAndAddsAFifthOfTheRest() {
        Play play = PlayGrouper.play(List.of(
                scored("e1", "KEY_PASS", 60_000, 0.25),
                scored("e2", "SHOT", 61_000, 0.5),
                scored("e3", "GOAL", 62_000, 1.25),
                scored("e4", "FOUL", 64_000, 0.1)));

        assertThat(play.getPeakEventId()).isEqualTo("e3");
        assertThat(play.getPeakMs()).isEqualTo(62_000);
        assertThat(play.getStartMs()).isEqualTo(60_000);
        assertThat(play.getEndMs()).isEqualTo(64_000);
        // 1.25 + 0.2 x (0.25 + 0.5 + 0.1)
        assertThat(play.getScore()).isCloseTo(1.42, within(1e-9));
        assertThat(play.getExplanation()).isEqualTo("GOAL 1.25 + build-up 0.17");
        assertThat(play.getPlayId()).isEqualTo("p-e1");
        assertThat(play.getMatchId()).isEqualTo("m1");
        assertThat(play.getEvents()).extracting(e -> e.getEvent().getEventId()).containsExactly("e1", "e2", "e3", "e4");
    }

    @Test
    void aDenseFeedsBuildUpAddsAtMostHalfThePeak() {
        List<ScoredEvent> passes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            passes.add(scored("p" + i, "KEY_PASS", 60_000 + i * 10L, 0.25));
        }
        passes.add(scored("goal", "GOAL", 66_000, 1.0));

        Play play = PlayGrouper.play(passes);

        // 0.2 x 500 x 0.25 would be 25: capped at half the goal's 1.0.
        assertThat(play.getScore()).isCloseTo(1.5, within(1e-9));
        assertThat(play.getExplanation()).isEqualTo("GOAL 1.0 + build-up 0.50");
    }

    @Test
    void aPlayOfOneEventIsJustThatEvent() {
        Play play = PlayGrouper.play(List.of(scored("e9", "GOAL", 5_000, 1.0)));

        assertThat(play.getScore()).isEqualTo(1.0);
        assertThat(play.getExplanation()).isEqualTo("GOAL 1.0");
        assertThat(play.getPlayId()).isEqualTo("p-e9");
        assertThat(play.getStartMs()).isEqualTo(5_000);
        assertThat(play.getEndMs()).isEqualTo(5_000);
    }

    @Test
    void buildUpThatAddsNothingIsNotMentioned() {
        Play play = PlayGrouper.play(List.of(scored("e1", "PERIOD_START", 0, 0.0), scored("e2", "GOAL", 1_000, 1.0)));

        assertThat(play.getExplanation()).isEqualTo("GOAL 1.0");
        assertThat(play.getScore()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void inputOrderChangesNothing(long seed) {
        List<ScoredEvent> events = match();
        List<Play> expected = plays(events);
        List<ScoredEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(plays(shuffled)).isEqualTo(expected);
        assertThat(expected).extracting(Play::getPlayId).containsExactly("p-a1", "p-b1", "p-c1");
        // Equal scores: the later event is the peak, whatever order they came in.
        assertThat(expected).extracting(Play::getPeakEventId).containsExactly("a3", "b2", "c1");
    }

    @Test
    void eventsAtTheSameTimeAreOrderedByEventId() {
        List<List<ScoredEvent>> groups = grouper.groups(List.of(
                scored("z", "SHOT", 1_000, 0.5),
                scored("b", "GOAL", 1_000, 1.0),
                scored("a", "KEY_PASS", 1_000, 0.25)));

        assertThat(groups).extracting(PlayGrouperTest::ids).containsExactly(List.of("a", "b", "z"));
        assertThat(PlayGrouper.play(groups.get(0)).getPlayId()).isEqualTo("p-a");
    }

    @Test
    void noEventsNoPlays() {
        assertThat(grouper.groups(List.of())).isEmpty();
    }

    /** Three plays; the first and second have two events with the same score. */
    private static List<ScoredEvent> match() {
        return List.of(
                scored("a1", "KEY_PASS", 1_000, 0.25),
                scored("a2", "SHOT", 2_000, 1.0),
                scored("a3", "GOAL", 3_500, 1.0),
                scored("b1", "SHOT", 20_000, 0.5),
                scored("b2", "SAVE", 20_000, 0.5),
                scored("c1", "FOUL", 40_000, 0.1));
    }

    private List<Play> plays(List<ScoredEvent> events) {
        return grouper.groups(events).stream().map(PlayGrouper::play).toList();
    }

    private static List<String> ids(List<ScoredEvent> group) {
        return group.stream().map(e -> e.getEvent().getEventId()).toList();
    }
}

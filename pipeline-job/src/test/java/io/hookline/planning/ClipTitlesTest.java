package io.hookline.planning;

import static io.hookline.testing.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClipTitlesTest {

    @ParameterizedTest(name = "{1}")
    @MethodSource("titles")
    void titleNamesTheTypeTheFirstPlayerAndTheScore(MatchEvent peak, String title) {
        assertThat(ClipTitles.of(peak)).isEqualTo(title);
    }

    static Stream<Arguments> titles() {
        return Stream.of(
                Arguments.of(
                        event("e1", "GOAL", 0)
                                .setPlayers(List.of("Léa Martin", "Ana Silva"))
                                .setScore(new Score(2, 1))
                                .build(),
                        "Goal — Léa Martin (2-1)"),
                Arguments.of(event("e1", "THREE_POINTER", 0).build(), "Three pointer"),
                Arguments.of(
                        event("e1", "OWN_GOAL", 0).setScore(new Score(0, 1)).build(), "Own goal (0-1)"),
                Arguments.of(
                        event("e1", "DUNK", 0)
                                .setPlayers(List.of("محمد \"Mo\" ⚽"))
                                .build(),
                        "Dunk — محمد \"Mo\" ⚽"));
    }
}

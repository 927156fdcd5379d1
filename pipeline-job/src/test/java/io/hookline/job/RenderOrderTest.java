package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderOrderTest {
    private static final double GOAL = 1.9;
    private static final double SHOT = 0.6;

    @Test
    void clipsArrivingTogetherGoBestFirst() {
        assertThat(RenderOrder.key(GOAL, 1_000)).isLessThan(RenderOrder.key(SHOT, 1_000));
    }

    @Test
    void aBetterClipArrivingSoonAfterOvertakesAWorseOne() {
        assertThat(RenderOrder.key(GOAL, 12_000)).isLessThan(RenderOrder.key(SHOT, 0));
    }

    @Test
    void aClipThatHasWaitedLongerThanTheHeadStartsDifferIsNotOvertaken() {
        // 1.3 points of score are worth 13 s: a goal arriving 14 s after a shot waits its turn.
        assertThat(RenderOrder.key(GOAL, 14_000)).isGreaterThan(RenderOrder.key(SHOT, 0));
    }

    @Test
    void aNegativeScoreBuysNoHeadStartAndCostsNone() {
        assertThat(RenderOrder.key(-0.5, 5_000)).isEqualTo(5_000.0);
    }
}

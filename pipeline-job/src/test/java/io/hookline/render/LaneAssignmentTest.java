package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.render.LaneAssignment.Work;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneAssignmentTest {

    @Test
    void oneLaneTakesEverything() {
        assertThat(LaneAssignment.assign(List.of(new Work("a", 5), new Work("b", 7)), 1))
                .containsExactly(0, 0);
    }

    @Test
    void renditionsSharingAFilterStayTogetherWhenTheLanesBalance() {
        // Two 9:16 renditions against two 16:9 ones of the same weight: one group per lane.
        int[] lanes = LaneAssignment.assign(
                List.of(new Work("vertical", 4), new Work("wide", 5), new Work("vertical", 4), new Work("wide", 3)), 2);
        assertThat(lanes[0]).isEqualTo(lanes[2]);
        assertThat(lanes[1]).isEqualTo(lanes[3]).isNotEqualTo(lanes[0]);
    }

    @Test
    void aGroupTooHeavyForOneLaneIsSplit() {
        // Four 9:16 renditions and one small 16:9: keeping the group whole would leave one lane nearly idle.
        List<Work> work = List.of(
                new Work("vertical", 10),
                new Work("vertical", 10),
                new Work("vertical", 10),
                new Work("vertical", 10),
                new Work("wide", 4));
        int[] lanes = LaneAssignment.assign(work, 2);
        long[] load = new long[2];
        for (int i = 0; i < work.size(); i++) {
            load[lanes[i]] += work.get(i).cost();
        }
        assertThat(Math.max(load[0], load[1])).isEqualTo(24);
    }

    @Test
    void workWithNothingToEncodeStaysWithItsGroup() {
        // A twin whose segments another rendition encodes costs nothing, and reads the same filtered frames.
        int[] lanes = LaneAssignment.assign(
                List.of(new Work("vertical", 8), new Work("vertical", 0), new Work("wide", 8)), 2);
        assertThat(lanes[1]).isEqualTo(lanes[0]);
        assertThat(lanes[2]).isNotEqualTo(lanes[0]);
    }

    @Test
    void moreLanesThanWorkLeavesLanesEmpty() {
        assertThat(LaneAssignment.assign(List.of(new Work("a", 3)), 4)).containsExactly(0);
        assertThat(LaneAssignment.assign(List.of(), 2)).isEmpty();
    }
}

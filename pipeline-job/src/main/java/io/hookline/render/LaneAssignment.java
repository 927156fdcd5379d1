package io.hookline.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which render lane each rendition of a pass goes to. Renditions that share a filter stay together where the
 * balance allows, since the lane that holds them scales each frame once for all of them; the heaviest lane is
 * then lightened by moving single renditions, because the pass lasts as long as its slowest lane.
 */
final class LaneAssignment {

    /** A rendition's share of the work: its filter (chain and crop path) and its encoding cost. */
    record Work(String filter, long cost) {}

    private LaneAssignment() {}

    /** The lane, 0 to {@code lanes - 1}, of each piece of work, in the order given. */
    static int[] assign(List<Work> work, int lanes) {
        int[] lane = new int[work.size()];
        if (lanes <= 1) {
            return lane;
        }
        long[] load = new long[lanes];
        // Whole filter groups first, heaviest first, each onto the lightest lane.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < work.size(); i++) {
            groups.computeIfAbsent(work.get(i).filter(), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        ordered.sort(
                Comparator.comparingLong((List<Integer> g) -> cost(work, g)).reversed());
        for (List<Integer> group : ordered) {
            int target = lightest(load);
            for (int i : group) {
                lane[i] = target;
            }
            load[target] += cost(work, group);
        }
        // Then single moves from the heaviest lane to the lightest while they shorten the heaviest.
        for (int round = 0; round < work.size(); round++) {
            int heavy = heaviest(load);
            int light = lightest(load);
            long gap = load[heavy] - load[light];
            int best = -1;
            for (int i = 0; i < work.size(); i++) {
                long c = work.get(i).cost();
                if (lane[i] == heavy
                        && c > 0
                        && c < gap
                        && (best < 0
                                || Math.abs(gap - 2 * c)
                                        < Math.abs(gap - 2 * work.get(best).cost()))) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            lane[best] = light;
            load[heavy] -= work.get(best).cost();
            load[light] += work.get(best).cost();
        }
        return lane;
    }

    private static long cost(List<Work> work, List<Integer> group) {
        return group.stream().mapToLong(i -> work.get(i).cost()).sum();
    }

    private static int lightest(long[] load) {
        int best = 0;
        for (int i = 1; i < load.length; i++) {
            if (load[i] < load[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int heaviest(long[] load) {
        int best = 0;
        for (int i = 1; i < load.length; i++) {
            if (load[i] > load[best]) {
                best = i;
            }
        }
        return best;
    }
}

package io.hookline.job;

import io.hookline.model.ClipPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * A match's clip plans exactly as the job makes them: the job's own stages up to planning (validation, scoring,
 * play grouping, media analysis, the planner) run on the MiniCluster, and the plans are collected, best first.
 * The plans carry what the renderer needs beyond the manifest, such as the measured action a crop follows.
 */
public final class MatchPlans {

    private MatchPlans() {}

    public static List<ClipPlan> plan(Configuration conf) throws Exception {
        JobSetup setup = JobSetup.prepare(conf);
        if (setup.videoProblem() != null) {
            throw new IllegalStateException(setup.videoProblem());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(setup.flinkConfig());
        List<ClipPlan> plans = new ArrayList<>();
        try (CloseableIterator<ClipPlan> collected = setup.job().plans(env).executeAndCollect("hookline plan")) {
            collected.forEachRemaining(plans::add);
        }
        plans.sort(Comparator.comparingInt(ClipPlan::getRank));
        return plans;
    }
}

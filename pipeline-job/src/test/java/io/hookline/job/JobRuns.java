package io.hookline.job;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the job on the test's MiniCluster at parallelism 2, as {@code ./hookline run} would. */
final class JobRuns {
    private JobRuns() {}

    static void run(Path events, Path video, Path profiles, Path out) throws Exception {
        run(conf(events, video, profiles, out), false);
    }

    /** As {@code ./hookline plan}: the job up to its ranked plan, written as plan.json; nothing is rendered. */
    static void plan(Path events, Path video, Path profiles, Path out) throws Exception {
        run(conf(events, video, profiles, out), true);
    }

    /** The options of a run; without {@link JobOptions#PROFILES} the job uses the profiles built into Hookline. */
    static Configuration conf(Path events, Path video, Path profiles, Path out) {
        Configuration conf = new Configuration();
        conf.set(JobOptions.EVENTS, events.toString());
        conf.set(JobOptions.VIDEO, video.toString());
        conf.set(JobOptions.OUT, out.toString());
        if (profiles != null) {
            conf.set(JobOptions.PROFILES, profiles.toString());
        }
        conf.set(JobOptions.ENCODER_THREADS, 1);
        return conf;
    }

    static void run(Configuration conf, boolean planOnly) throws Exception {
        JobSetup setup = JobSetup.prepare(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(setup.flinkConfig());
        env.setParallelism(2);
        if (planOnly) {
            setup.job().buildPlanOnly(env);
        } else {
            setup.job().build(env);
        }
        env.execute("hookline " + Path.of(conf.get(JobOptions.EVENTS)).getFileName());
    }
}

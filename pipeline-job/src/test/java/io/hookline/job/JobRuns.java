package io.hookline.job;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the job on the test's MiniCluster at parallelism 2, as {@code ./hookline run} would. */
final class JobRuns {
    private JobRuns() {}

    static void run(Path events, Path video, Path profiles, Path out) throws Exception {
        Configuration conf = new Configuration();
        conf.set(JobOptions.EVENTS, events.toString());
        conf.set(JobOptions.VIDEO, video.toString());
        conf.set(JobOptions.OUT, out.toString());
        conf.set(JobOptions.PROFILES, profiles.toString());
        conf.set(JobOptions.ENCODER_THREADS, 1);
        JobSetup setup = JobSetup.prepare(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(setup.flinkConfig());
        env.setParallelism(2);
        setup.job().build(env);
        env.execute("hookline " + events.getFileName());
    }
}

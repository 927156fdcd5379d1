package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The cluster job's arguments are read through the same declarations as the command line's flags. */
class JobOptionsTest {
    @Test
    void flagsNameTheirOptionsAndKeysPassThrough() {
        Configuration conf = JobOptions.fromArgs(new String[] {
            "--events",
            "e.avro",
            "--video",
            "v.mp4",
            "--draft",
            "--renditions",
            "whatsapp,tiktok",
            "--checkpoint-interval",
            "30 s",
            "--parallelism",
            "3",
            "--hookline.render.lanes",
            "4",
            "--pipeline.max-parallelism",
            "128"
        });
        assertThat(conf.get(JobOptions.EVENTS)).isEqualTo("e.avro");
        assertThat(conf.get(JobOptions.VIDEO)).isEqualTo("v.mp4");
        assertThat(conf.get(JobOptions.DRAFT)).isTrue();
        assertThat(conf.get(JobOptions.RENDITIONS)).containsExactly("whatsapp", "tiktok");
        assertThat(conf.get(JobOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(conf.get(JobOptions.PARALLELISM)).isEqualTo(3);
        assertThat(conf.get(JobOptions.RENDER_LANES)).isEqualTo(4);
        assertThat(conf.toMap()).containsEntry("pipeline.max-parallelism", "128");
    }

    @Test
    void valuesOutOfRangeAreRefusedByTheNameGiven() {
        assertThatThrownBy(() -> JobOptions.fromArgs(new String[] {"--render-concurrency", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--render-concurrency must be at least 1 (got 0)");
        assertThatThrownBy(() ->
                        JobOptions.fromArgs(new String[] {"--hookline.live.render-queue", "-1", "--parallelism", "0"}))
                .hasMessage(
                        "--parallelism must be at least 1 (got 0); hookline.live.render-queue must be at least 1 (got -1)");
    }

    @Test
    void everyFlagBelongsToOneOption() {
        List<String> flags =
                JobOptions.all().stream().flatMap(o -> o.flagName().stream()).toList();
        assertThat(flags).doesNotHaveDuplicates().contains("events", "video", "out", "bootstrap", "parallelism");
    }
}

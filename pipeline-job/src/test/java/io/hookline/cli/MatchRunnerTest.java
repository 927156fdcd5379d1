package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobExecutionException;
import org.junit.jupiter.api.Test;

class MatchRunnerTest {

    @Test
    void aFailedJobIsReportedByItsInnermostCauseNotByFlinksWrappers() {
        FileSystemException full =
                new FileSystemException("/data/out/m/clips/c1/youtube.mp4", null, "No space left on device");
        Exception failed = new ExecutionException(new JobExecutionException(
                new JobID(),
                "Job execution failed.",
                new RuntimeException(
                        "org.apache.flink.runtime.JobException: Recovery is suppressed",
                        new IllegalStateException("writing a rendition", full))));

        assertThat(MatchRunner.rootCause(failed))
                .isEqualTo("FileSystemException: /data/out/m/clips/c1/youtube.mp4: No space left on device");
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsKind() {
        assertThat(MatchRunner.rootCause(new ExecutionException(new OutOfMemoryError())))
                .isEqualTo("OutOfMemoryError");
    }
}

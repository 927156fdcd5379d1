package io.hookline.publish.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.MatchClips;
import io.hookline.publish.emulated.CrashRun;
import io.hookline.publish.emulated.CrashRun.Step;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.PostKey;
import io.hookline.publish.emulator.XEmulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code publish} to X killed at every step of the protocol (the chunked upload's INIT, a first and a later
 * APPEND, FINALIZE, STATUS, the look for an earlier post, the post itself), before the platform saw the
 * request and after it answered; the re-run leaves exactly one post per clip and no secret anywhere.
 */
class XCrashTest {
    private static final String TOKEN = "x-Cr4sh-T0ken-5521";

    @TempDir
    Path dir;

    static Stream<Step> steps() {
        return Stream.of(
                        "POST upload INIT/1",
                        "POST upload APPEND/1",
                        "POST upload APPEND/3",
                        "POST upload FINALIZE/1",
                        "GET upload STATUS/1",
                        "GET me/1",
                        "GET tweets/1",
                        "POST tweets/1")
                .flatMap(s -> Stream.of(false, true)
                        .map(after -> new Step(
                                s.substring(0, s.indexOf('/')),
                                Integer.parseInt(s.substring(s.indexOf('/') + 1)),
                                after)));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("steps")
    void aRunKilledAtAnyStepIsResumedToExactlyOnePostPerClip(Step step) throws Exception {
        Path matchDir = RealClips.match(dir.resolve("out"), "match-1", "x", 2);
        Path profiles = EmulatedProfiles.write(dir.resolve("profiles"));
        try (XEmulator x =
                new XEmulator(Clock.systemUTC(), TOKEN, EmulatedProfiles.X_ACCOUNT).processingDelay(Duration.ZERO)) {
            x.start();

            CrashRun.Result result = new CrashRun(dir, TOKEN)
                    .killAndRerun(
                            matchDir, profiles, x, "x", EmulatedProfiles.X, step, List.of("--x-segment-kb", "16"));

            assertThat(result.rerunExit()).as(result.rerunOutput()).isZero();
            Map<PostKey, Integer> expected = MatchClips.read(matchDir).clips().stream()
                    .map(c -> new PostKey(
                            EmulatedProfiles.X_ACCOUNT,
                            c.rendition("x").orElseThrow().sha256()))
                    .collect(Collectors.toMap(k -> k, k -> 1));
            assertThat(x.posts().counts()).isEqualTo(expected);
            assertThat(result.status()).contains("2 record(s): 2 POSTED");
            assertThat(result.allOutput()).doesNotContain(TOKEN);
        }
        CrashRun.assertNoFileHolds(dir, TOKEN);
    }
}

package io.hookline.publish.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.ManifestClip;
import io.hookline.publish.MatchClips;
import io.hookline.publish.emulated.CrashRun;
import io.hookline.publish.emulated.CrashRun.Step;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.PostKey;
import io.hookline.publish.emulator.TelegramEmulator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code publish} to Telegram killed at its one protocol step, sendVideo, of the first and the second clip:
 * before Telegram saw the upload, the re-run sends each clip exactly once. After Telegram posted but before
 * its answer arrived, the re-run sends that clip again: the Bot API takes no idempotency key and cannot list
 * a channel's messages, so nothing can tell the two cases apart (docs/publishing.md). Nothing is missing in
 * either case, and no secret appears anywhere.
 */
class TelegramCrashTest {
    private static final String TOKEN = "987654:tg-Cr4sh-T0ken";

    @TempDir
    Path dir;

    static Stream<Step> steps() {
        return Stream.of(1, 2).flatMap(n -> Stream.of(false, true).map(after -> new Step("POST sendVideo", n, after)));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("steps")
    void aRunKilledAtSendVideoIsResumedWithNoClipMissing(Step step) throws Exception {
        Path matchDir = RealClips.match(dir.resolve("out"), "match-1", "telegram", 2);
        Path profiles = EmulatedProfiles.write(dir.resolve("profiles"));
        try (TelegramEmulator telegram = new TelegramEmulator(Clock.systemUTC(), TOKEN,
                Set.of(EmulatedProfiles.TELEGRAM_CHAT))) {
            telegram.start();

            CrashRun.Result result = new CrashRun(dir, TOKEN).killAndRerun(matchDir, profiles, telegram, "telegram",
                    EmulatedProfiles.TELEGRAM, step, List.of());

            assertThat(result.rerunExit()).as(result.rerunOutput()).isZero();
            List<ManifestClip> clips = MatchClips.read(matchDir).clips();
            Map<PostKey, Integer> expected = new HashMap<>();
            for (ManifestClip clip : clips) {
                expected.put(new PostKey(EmulatedProfiles.TELEGRAM_CHAT, clip.rendition("telegram").orElseThrow()
                        .sha256()), 1);
            }
            if (step.afterPlatform()) {
                String killed = clips.get(step.occurrence() - 1).rendition("telegram").orElseThrow().sha256();
                expected.put(new PostKey(EmulatedProfiles.TELEGRAM_CHAT, killed), 2);
            }
            assertThat(telegram.posts().counts()).isEqualTo(expected);
            assertThat(result.status()).contains("2 record(s): 2 POSTED");
            assertThat(result.allOutput()).doesNotContain(TOKEN);
        }
        CrashRun.assertNoFileHolds(dir, TOKEN);
    }
}

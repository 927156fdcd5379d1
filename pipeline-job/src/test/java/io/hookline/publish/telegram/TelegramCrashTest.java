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
 * {@code publish} to Telegram killed at its one protocol step, sendVideo, of the first and the second clip,
 * before Telegram saw the upload and after it posted. The Bot API takes no idempotency key and cannot list a
 * channel's messages, so the re-run cannot tell the two apart: it sends that clip nothing and leaves it
 * UNCERTAIN for a person, and posts every other clip once. The person confirms the post found on the channel,
 * or has it sent again when there is none; a third run then leaves each clip posted exactly once. No secret
 * appears anywhere.
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
    void aRunKilledAtSendVideoNeverPostsAClipTwiceAndLeavesTheUnansweredOneToAPerson(Step step) throws Exception {
        Path matchDir = RealClips.match(dir.resolve("out"), "match-1", "telegram", 2);
        Path profiles = EmulatedProfiles.write(dir.resolve("profiles"));
        try (TelegramEmulator telegram =
                new TelegramEmulator(Clock.systemUTC(), TOKEN, Set.of(EmulatedProfiles.TELEGRAM_CHAT))) {
            telegram.start();
            CrashRun crash = new CrashRun(dir, TOKEN);

            CrashRun.Result result = crash.killAndRerun(
                    matchDir, profiles, telegram, "telegram", EmulatedProfiles.TELEGRAM, step, List.of());

            List<ManifestClip> clips = MatchClips.read(matchDir).clips();
            ManifestClip killed = clips.get(step.occurrence() - 1);
            Map<PostKey, Integer> expected = new HashMap<>();
            for (ManifestClip clip : clips) {
                if (clip != killed || step.afterPlatform()) {
                    expected.put(post(clip), 1);
                }
            }
            assertThat(telegram.posts().counts()).as(result.rerunOutput()).isEqualTo(expected);
            assertThat(result.rerunExit()).as("a record waits for a person").isNotZero();
            assertThat(result.status())
                    .contains("2 record(s): 1 POSTED, 1 UNCERTAIN")
                    .contains("publish resend " + killed.clipId());

            String settled = step.afterPlatform()
                    ? CrashRun.decide(matchDir, "confirm", killed.clipId(), "https://t.me/hookline_clips/1")
                    : CrashRun.decide(matchDir, "resend", killed.clipId());
            String third =
                    crash.publishAgain(matchDir, profiles, telegram, "telegram", EmulatedProfiles.TELEGRAM, List.of());

            for (ManifestClip clip : clips) {
                expected.put(post(clip), 1);
            }
            assertThat(telegram.posts().counts()).as(third).isEqualTo(expected);
            assertThat(third).contains("2 record(s): 2 POSTED");
            assertThat(result.allOutput() + settled + third).doesNotContain(TOKEN);
        }
        CrashRun.assertNoFileHolds(dir, TOKEN);
    }

    private static PostKey post(ManifestClip clip) {
        return new PostKey(
                EmulatedProfiles.TELEGRAM_CHAT,
                clip.rendition("telegram").orElseThrow().sha256());
    }
}

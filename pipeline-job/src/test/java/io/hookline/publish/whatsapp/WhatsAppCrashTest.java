package io.hookline.publish.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.ManifestClip;
import io.hookline.publish.MatchClips;
import io.hookline.publish.emulated.CrashRun;
import io.hookline.publish.emulated.CrashRun.Step;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.PostKey;
import io.hookline.publish.emulator.WhatsAppEmulator;
import java.nio.file.Files;
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
 * {@code publish} to WhatsApp killed at every protocol step: the media upload, the template to the first and
 * to the second opted-in number, before WhatsApp saw the request and after it answered. A lost upload is
 * simply made again. A message is a post: the Cloud API takes no idempotency key and cannot list sent
 * messages, so the re-run sends no message whose answer it never recorded; it leaves that clip UNCERTAIN for
 * a person, after the numbers that surely got it, and sends the other clip to everyone once. The person
 * confirms the message found on the phone (the fan-out goes on after it) or has it sent again; a third run
 * then leaves each number with each clip exactly once. No secret appears anywhere.
 */
class WhatsAppCrashTest {
    private static final String TOKEN = "wa-Cr4sh-T0ken-3390";
    private static final String ALICE = "15550000001";
    private static final String BOB = "15550000002";

    @TempDir
    Path dir;

    static Stream<Step> steps() {
        return Stream.of("POST media/1", "POST messages/1", "POST messages/2")
                .flatMap(s -> Stream.of(false, true)
                        .map(after -> new Step(
                                s.substring(0, s.indexOf('/')),
                                Integer.parseInt(s.substring(s.indexOf('/') + 1)),
                                after)));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("steps")
    void aRunKilledAtAnyStepNeverSendsANumberAClipTwice(Step step) throws Exception {
        Path matchDir = RealClips.match(dir.resolve("out"), "match-1", "whatsapp", 2);
        Path profiles = EmulatedProfiles.write(dir.resolve("profiles"));
        Path optedIn = Files.writeString(dir.resolve("opted-in.txt"), "+" + BOB + "\n+" + ALICE + "\n");
        List<String> extra = List.of("--whatsapp-recipients", optedIn.toString());
        try (WhatsAppEmulator whatsapp =
                new WhatsAppEmulator(Clock.systemUTC(), TOKEN, Set.of(ALICE, BOB), Set.of("new_clip"))) {
            whatsapp.start();
            CrashRun crash = new CrashRun(dir, TOKEN);

            CrashRun.Result result = crash.killAndRerun(
                    matchDir, profiles, whatsapp, "whatsapp", EmulatedProfiles.WHATSAPP, step, extra);

            List<ManifestClip> clips = MatchClips.read(matchDir).clips();
            Map<PostKey, Integer> everyone = new HashMap<>();
            for (ManifestClip clip : clips) {
                everyone.put(new PostKey(ALICE, sha256(clip)), 1);
                everyone.put(new PostKey(BOB, sha256(clip)), 1);
            }
            if (step.name().equals("POST media")) {
                assertThat(result.rerunExit()).as(result.rerunOutput()).isZero();
                assertThat(whatsapp.posts().counts()).isEqualTo(everyone);
                assertThat(result.status()).contains("2 record(s): 2 POSTED");
                assertThat(result.allOutput()).doesNotContain(TOKEN);
            } else {
                settleAndPublishAgain(step, crash, result, matchDir, profiles, whatsapp, extra, everyone);
            }
        }
        CrashRun.assertNoFileHolds(dir, TOKEN);
    }

    /** A message killed in flight: that clip waits for a person, who settles it; a third run completes it. */
    private void settleAndPublishAgain(
            Step step,
            CrashRun crash,
            CrashRun.Result result,
            Path matchDir,
            Path profiles,
            WhatsAppEmulator whatsapp,
            List<String> extra,
            Map<PostKey, Integer> everyone)
            throws Exception {
        List<ManifestClip> clips = MatchClips.read(matchDir).clips();
        // The first clip's messages: Alice's, then Bob's (the opt-in list in number order).
        String first = sha256(clips.get(0));
        Map<PostKey, Integer> expected = new HashMap<>(everyone);
        if (step.occurrence() == 1) {
            expected.remove(new PostKey(BOB, first));
        }
        if (!step.afterPlatform()) {
            expected.remove(new PostKey(step.occurrence() == 1 ? ALICE : BOB, first));
        }
        assertThat(whatsapp.posts().counts()).as(result.rerunOutput()).isEqualTo(expected);
        assertThat(result.rerunExit()).as("a record waits for a person").isNotZero();
        assertThat(result.status()).contains("2 record(s): 1 POSTED, 1 UNCERTAIN");

        String clipId = clips.get(0).clipId();
        String settled = step.afterPlatform()
                ? CrashRun.decide(matchDir, "confirm", clipId)
                : CrashRun.decide(matchDir, "resend", clipId);
        String third = crash.publishAgain(matchDir, profiles, whatsapp, "whatsapp", EmulatedProfiles.WHATSAPP, extra);

        assertThat(whatsapp.posts().counts()).as(third).isEqualTo(everyone);
        assertThat(third).contains("2 record(s): 2 POSTED");
        assertThat(result.allOutput() + settled + third).doesNotContain(TOKEN);
    }

    private static String sha256(ManifestClip clip) {
        return clip.rendition("whatsapp").orElseThrow().sha256();
    }
}

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
 * to the second opted-in number, before WhatsApp saw the request and after it answered. The re-run goes on
 * after the last number the ledger recorded, so each number gets each clip once, none missing; only a
 * message whose answer was lost after WhatsApp accepted it goes again to that one number (the Cloud API
 * takes no idempotency key and cannot list sent messages). No secret appears anywhere.
 */
class WhatsAppCrashTest {
    private static final String TOKEN = "wa-Cr4sh-T0ken-3390";
    private static final String ALICE = "15550000001";
    private static final String BOB = "15550000002";

    @TempDir
    Path dir;

    static Stream<Step> steps() {
        return Stream.of("POST media/1", "POST messages/1", "POST messages/2")
                .flatMap(s -> Stream.of(false, true).map(after -> new Step(s.substring(0, s.indexOf('/')),
                        Integer.parseInt(s.substring(s.indexOf('/') + 1)), after)));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("steps")
    void aRunKilledAtAnyStepIsResumedSoEachNumberGetsEachClip(Step step) throws Exception {
        Path matchDir = RealClips.match(dir.resolve("out"), "match-1", "whatsapp", 2);
        Path profiles = EmulatedProfiles.write(dir.resolve("profiles"));
        Path optedIn = Files.writeString(dir.resolve("opted-in.txt"), "+" + BOB + "\n+" + ALICE + "\n");
        try (WhatsAppEmulator whatsapp = new WhatsAppEmulator(Clock.systemUTC(), TOKEN, Set.of(ALICE, BOB),
                Set.of("new_clip"))) {
            whatsapp.start();

            CrashRun.Result result = new CrashRun(dir, TOKEN).killAndRerun(matchDir, profiles, whatsapp, "whatsapp",
                    EmulatedProfiles.WHATSAPP, step, List.of("--whatsapp-recipients", optedIn.toString()));

            assertThat(result.rerunExit()).as(result.rerunOutput()).isZero();
            List<ManifestClip> clips = MatchClips.read(matchDir).clips();
            Map<PostKey, Integer> expected = new HashMap<>();
            for (ManifestClip clip : clips) {
                String sha256 = clip.rendition("whatsapp").orElseThrow().sha256();
                expected.put(new PostKey(ALICE, sha256), 1);
                expected.put(new PostKey(BOB, sha256), 1);
            }
            if (step.afterPlatform() && step.name().equals("POST messages")) {
                String first = clips.get(0).rendition("whatsapp").orElseThrow().sha256();
                expected.put(new PostKey(step.occurrence() == 1 ? ALICE : BOB, first), 2);
            }
            assertThat(whatsapp.posts().counts()).isEqualTo(expected);
            assertThat(result.status()).contains("2 record(s): 2 POSTED");
            assertThat(result.allOutput()).doesNotContain(TOKEN);
        }
        CrashRun.assertNoFileHolds(dir, TOKEN);
    }
}

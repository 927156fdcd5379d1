package io.hookline.publish.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.Destination;
import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Platform;
import io.hookline.profiles.PlatformLimits;
import io.hookline.publish.ManifestClip;
import io.hookline.publish.MatchClips;
import io.hookline.publish.Outcome;
import io.hookline.publish.Publishers;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.LedgerRun;
import io.hookline.publish.emulated.Limits;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.Fault;
import io.hookline.publish.emulator.PostRecord;
import io.hookline.publish.emulator.TelegramEmulator;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Telegram publisher with the engine and its ledger against the Bot API emulator, on real MP4 clips. */
class TelegramPublisherTest {
    private static final String TOKEN = "123456:tg-T0ken-never-print";

    @TempDir
    Path dir;

    TelegramEmulator telegram;
    LedgerRun run;
    DestinationSet set;
    MatchClips match;

    @BeforeEach
    void start() throws Exception {
        telegram = new TelegramEmulator(Clock.systemUTC(), TOKEN, Set.of(EmulatedProfiles.TELEGRAM_CHAT));
        telegram.start();
        set = EmulatedProfiles.load(EmulatedProfiles.write(dir.resolve("profiles")));
        match = MatchClips.read(RealClips.match(dir.resolve("out"), "match-1", "telegram", 3));
        run = new LedgerRun(dir.resolve("out"), TOKEN);
    }

    @AfterEach
    void stop() {
        run.close();
        telegram.close();
    }

    private Publishers publishers(PlatformLimits limits, Optional<URI> local) {
        return new Publishers()
                .with(
                        Platform.TELEGRAM,
                        new TelegramPublisher(run.http(), telegram.baseUrl(), local, limits, Duration.ofSeconds(30)));
    }

    private Destination destination(String name) {
        return set.destination(name);
    }

    @Test
    void sendsEachRealClipOnceWithItsCaptionAndARerunSendsNothing() throws Exception {
        PlatformLimits limits = set.limits(Platform.TELEGRAM);
        run.publish(publishers(limits, Optional.empty()), match, destination(EmulatedProfiles.TELEGRAM));
        run.publish(publishers(limits, Optional.empty()), match, destination(EmulatedProfiles.TELEGRAM));

        assertThat(run.outcomes).hasSize(3).extracting(Outcome::result).containsOnly(Outcome.Result.POSTED);
        assertThat(run.outcomes.get(0).detail()).isEqualTo("https://t.me/hookline_clips/1");
        assertThat(telegram.posts().size()).isEqualTo(3);
        for (ManifestClip clip : match.clips()) {
            assertThat(telegram.posts()
                            .count(
                                    EmulatedProfiles.TELEGRAM_CHAT,
                                    clip.rendition("telegram").orElseThrow().sha256()))
                    .isEqualTo(1);
        }
        PostRecord first = telegram.posts().all().get(0);
        assertThat(first.metadata())
                .containsEntry("caption", "GOAL — Player 1\nScore 1-0\n#goal")
                .containsEntry("uploaded", "true");
    }

    @Test
    void a429AndA503AreRetriedButASendVideoThatBrokeOffLeavesItsClipUncertainUntilAPersonHasItResent()
            throws Exception {
        // The first clip's sendVideo: 429, then 503, then the connection drops half-way through the upload.
        telegram.faults()
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(2, Fault.SERVER_ERROR)
                .at(3, Fault.DROPPED_CONNECTION);
        Publishers publishers = publishers(set.limits(Platform.TELEGRAM), Optional.empty());

        run.publish(publishers, match, destination(EmulatedProfiles.TELEGRAM));

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.UNCERTAIN, Outcome.Result.POSTED, Outcome.Result.POSTED);
        assertThat(run.outcomes.get(0).detail())
                .contains("may have gone through", "sendVideo to http://", "broke off", "./hookline publish resend");
        assertThat(telegram.faults().requests())
                .as("the broken sendVideo was not sent again")
                .isEqualTo(5);
        assertThat(telegram.posts().counts().values()).hasSize(2).containsOnly(1);
        assertThat(run.waits).as("the 429's Retry-After was honoured").contains(Duration.ofSeconds(1));
        assertThat(run.outcomes.toString() + run.ledger.byMatch("match-1")).doesNotContain(TOKEN);

        // A person finds no post on the channel and has it sent again.
        PublishRecord uncertain = run.ledger.byState(PublishState.UNCERTAIN).get(0);
        run.ledger.resend(uncertain.key(), uncertain.version(), "editor");
        run.publish(publishers, match, destination(EmulatedProfiles.TELEGRAM));

        assertThat(telegram.posts().counts().values()).hasSize(3).containsOnly(1);
        assertThat(run.ledger.byMatch("match-1"))
                .extracting(PublishRecord::state)
                .containsOnly(PublishState.POSTED);
    }

    @Test
    void aSendVideoAnswered503UntilTheRetriesRunOutIsSentAgainByTheNextRunNotLeftForAPerson() throws Exception {
        // 4 answers a step, 4 steps: every try of the first clip's sendVideo gets a 503, so it never posted.
        for (int request = 1; request <= 16; request++) {
            telegram.faults().at(request, Fault.SERVER_ERROR);
        }
        Publishers publishers = publishers(set.limits(Platform.TELEGRAM), Optional.empty());

        run.publish(publishers, match, destination(EmulatedProfiles.TELEGRAM));

        assertThat(run.outcomes.get(0).result()).isEqualTo(Outcome.Result.INTERRUPTED);
        PublishRecord first = run.ledger.byMatch("match-1").get(0);
        assertThat(first.state())
                .as("not PUBLISHING, which a later run would take for uncertain")
                .isEqualTo(PublishState.PROCESSING);

        run.publish(publishers, match, destination(EmulatedProfiles.TELEGRAM));

        assertThat(telegram.posts().counts().values()).hasSize(3).containsOnly(1);
        assertThat(run.ledger.byMatch("match-1"))
                .extracting(PublishRecord::state)
                .containsOnly(PublishState.POSTED);
    }

    @Test
    void aClipOverTheBotApiCapFailsWithTheReasonUnlessASelfHostedServerTakesIt() throws Exception {
        long firstClipBytes =
                match.clips().get(0).rendition("telegram").orElseThrow().bytes();
        PlatformLimits limits = Limits.sizeCap(set.limits(Platform.TELEGRAM), firstClipBytes);
        try (TelegramEmulator local =
                new TelegramEmulator(Clock.systemUTC(), TOKEN, Set.of(EmulatedProfiles.TELEGRAM_CHAT))) {
            local.uploadLimit(TelegramEmulator.LOCAL_SERVER_UPLOAD_LIMIT).start();

            run.publish(
                    publishers(limits, Optional.of(local.baseUrl())), match, destination(EmulatedProfiles.TELEGRAM));
            run.publish(
                    publishers(limits, Optional.of(local.baseUrl())),
                    match,
                    destination(EmulatedProfiles.TELEGRAM_LOCAL));

            assertThat(local.posts().size())
                    .as("the self-hosted server took every clip")
                    .isEqualTo(3);
        }
        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(
                        Outcome.Result.POSTED,
                        Outcome.Result.FAILED,
                        Outcome.Result.FAILED,
                        Outcome.Result.POSTED,
                        Outcome.Result.POSTED,
                        Outcome.Result.POSTED);
        PublishRecord second = run.ledger.get(run.outcomes.get(1).key()).orElseThrow();
        assertThat(second.state()).isEqualTo(PublishState.FAILED);
        assertThat(second.reason())
                .isEqualTo("telegram.mp4 is "
                        + match.clips()
                                .get(1)
                                .rendition("telegram")
                                .orElseThrow()
                                .bytes()
                        + " bytes; Telegram's Bot API takes at most " + firstClipBytes + " bytes");
        assertThat(telegram.posts().size()).isEqualTo(1);
    }

    @Test
    void aSelfHostedDestinationWithoutAServerAddressIsRefusedWithTheOptionToGive() throws Exception {
        run.publish(
                publishers(set.limits(Platform.TELEGRAM), Optional.empty()),
                match,
                destination(EmulatedProfiles.TELEGRAM_LOCAL));

        assertThat(run.outcomes).extracting(Outcome::result).containsOnly(Outcome.Result.FAILED);
        assertThat(run.outcomes.get(0).detail()).contains("--api-url telegram-local=URL");
        assertThat(telegram.posts().size()).isZero();
    }
}

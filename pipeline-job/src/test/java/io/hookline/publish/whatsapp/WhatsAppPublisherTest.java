package io.hookline.publish.whatsapp;

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
import io.hookline.publish.emulator.WhatsAppEmulator;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WhatsApp publisher with the engine and its ledger against the Cloud API emulator, on real MP4 clips. */
class WhatsAppPublisherTest {
    private static final String TOKEN = "wa-T0ken-8812-never-print";
    private static final String ALICE = "15550000001";
    private static final String BOB = "15550000002";

    @TempDir
    Path dir;

    WhatsAppEmulator whatsapp;
    LedgerRun run;
    DestinationSet set;
    Destination destination;
    MatchClips match;

    @BeforeEach
    void start() throws Exception {
        whatsapp = new WhatsAppEmulator(Clock.systemUTC(), TOKEN, Set.of(ALICE, BOB), Set.of("new_clip"));
        whatsapp.start();
        set = EmulatedProfiles.load(EmulatedProfiles.write(dir.resolve("profiles")));
        destination = set.destination(EmulatedProfiles.WHATSAPP);
        match = MatchClips.read(RealClips.match(dir.resolve("out"), "match-1", "whatsapp", 2));
        run = new LedgerRun(dir.resolve("out"), TOKEN);
    }

    @AfterEach
    void stop() {
        run.close();
        whatsapp.close();
    }

    private Publishers publishers(PlatformLimits limits, Recipients recipients) {
        return new Publishers()
                .with(
                        Platform.WHATSAPP,
                        new WhatsAppPublisher(
                                run.http(),
                                whatsapp.baseUrl(),
                                recipients,
                                "new_clip",
                                "en",
                                limits,
                                Duration.ofSeconds(30)));
    }

    @Test
    void sendsEachRealClipOnceToEveryOptedInNumberAndARerunSendsNothing() throws Exception {
        Path list = Files.writeString(dir.resolve("opted-in.txt"), "# alerts\n+1 555 000 0002\n\n+1-555-000-0001\n");
        Recipients recipients = Recipients.read(list);
        run.publish(publishers(set.limits(Platform.WHATSAPP), recipients), match, destination);
        run.publish(publishers(set.limits(Platform.WHATSAPP), recipients), match, destination);

        assertThat(recipients.numbers()).containsExactly(ALICE, BOB);
        assertThat(run.outcomes).hasSize(2).extracting(Outcome::result).containsOnly(Outcome.Result.POSTED);
        assertThat(whatsapp.posts().size()).isEqualTo(4);
        for (ManifestClip clip : match.clips()) {
            String sha256 = clip.rendition("whatsapp").orElseThrow().sha256();
            assertThat(whatsapp.posts().count(ALICE, sha256)).isEqualTo(1);
            assertThat(whatsapp.posts().count(BOB, sha256)).isEqualTo(1);
        }
        PostRecord first = whatsapp.posts().all().get(0);
        assertThat(first.account()).isEqualTo(ALICE);
        assertThat(first.metadata())
                .containsEntry("text", "GOAL — Player 1")
                .containsEntry("template", "new_clip")
                .containsEntry("from", EmulatedProfiles.WHATSAPP_PHONE_ID);
        assertThat(run.ledger.byMatch("match-1"))
                .extracting(PublishRecord::state)
                .containsOnly(PublishState.POSTED);
    }

    @Test
    void a429A503AndAConnectionDroppedMidUploadStillSendEachClipOnceToEachNumber() throws Exception {
        // The media upload: 429, then dropped half-way, then through; the first message: 503, then through.
        whatsapp.faults()
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(2, Fault.DROPPED_CONNECTION)
                .at(4, Fault.SERVER_ERROR);

        run.publish(publishers(set.limits(Platform.WHATSAPP), new Recipients(List.of(ALICE, BOB))), match, destination);

        assertThat(run.outcomes).extracting(Outcome::result).containsOnly(Outcome.Result.POSTED);
        assertThat(whatsapp.posts().counts().values()).hasSize(4).containsOnly(1);
        assertThat(run.waits).as("the 429's Retry-After was honoured").contains(Duration.ofSeconds(1));
        assertThat(run.outcomes.toString() + run.ledger.byMatch("match-1")).doesNotContain(TOKEN);
    }

    @Test
    void aMessageWhoseCallBrokeOffIsNotSentAgainAndConfirmingItGoesOnWithTheNextNumber() throws Exception {
        // Request 1 uploads the first clip, 2 is its message to Alice, which drops half-way.
        whatsapp.faults().at(2, Fault.DROPPED_CONNECTION);
        Publishers publishers = publishers(set.limits(Platform.WHATSAPP), new Recipients(List.of(ALICE, BOB)));

        run.publish(publishers, match, destination);

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.UNCERTAIN, Outcome.Result.POSTED);
        PublishRecord uncertain = run.ledger.byState(PublishState.UNCERTAIN).get(0);
        assertThat(uncertain.reason()).contains("@" + ALICE, "may have gone through");
        assertThat(whatsapp.posts().all()).extracting(PostRecord::account).containsExactly(ALICE, BOB);

        // A person learns that Alice did get it: the next run sends to Bob only.
        run.ledger.confirm(uncertain.key(), uncertain.version(), "editor", "");
        run.publish(publishers, match, destination);

        assertThat(whatsapp.posts().all()).extracting(PostRecord::account).containsExactly(ALICE, BOB, BOB);
        assertThat(run.ledger.byMatch("match-1"))
                .extracting(PublishRecord::state)
                .containsOnly(PublishState.POSTED);
    }

    @Test
    void aClipOverTheCapFailsWithTheReasonAndIsNotUploaded() throws Exception {
        long firstClipBytes =
                match.clips().get(0).rendition("whatsapp").orElseThrow().bytes();
        PlatformLimits capped = Limits.sizeCap(set.limits(Platform.WHATSAPP), firstClipBytes);

        run.publish(publishers(capped, new Recipients(List.of(ALICE))), match, destination);

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.POSTED, Outcome.Result.FAILED);
        PublishRecord second = run.ledger.byMatch("match-1").get(1);
        assertThat(second.state()).isEqualTo(PublishState.FAILED);
        assertThat(second.reason())
                .isEqualTo("whatsapp.mp4 is "
                        + match.clips()
                                .get(1)
                                .rendition("whatsapp")
                                .orElseThrow()
                                .bytes()
                        + " bytes; WhatsApp takes at most " + firstClipBytes + " bytes");
        assertThat(whatsapp.faults().requests())
                .as("one upload and one message, for the first clip")
                .isEqualTo(2);
    }

    @Test
    void aQuickTimeFileIsRefusedAsTheWrongFormatBeforeItIsUploaded() throws Exception {
        RealClips.rewrite(match.dir(), 2, bytes -> {
            byte[] quickTime = bytes.clone();
            System.arraycopy("qt  ".getBytes(StandardCharsets.ISO_8859_1), 0, quickTime, 8, 4); // the ftyp brand
            return quickTime;
        });
        MatchClips changed = MatchClips.read(match.dir());

        run.publish(publishers(set.limits(Platform.WHATSAPP), new Recipients(List.of(ALICE))), changed, destination);

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.POSTED, Outcome.Result.FAILED);
        assertThat(run.ledger.byMatch("match-1").get(1).reason())
                .startsWith("whatsapp.mp4 is a 'qt  ' file;" + " WhatsApp takes 3g2a, 3gp4");
        assertThat(whatsapp.faults().requests())
                .as("one upload and one message, for the first clip")
                .isEqualTo(2);
    }

    @Test
    void aNumberWhatsAppRefusesFailsTheRecordNamingItsPlaceAfterTheNumbersBeforeItGotTheClip() throws Exception {
        String stranger = "15550000009";

        run.publish(
                publishers(set.limits(Platform.WHATSAPP), new Recipients(List.of(ALICE, stranger))),
                match,
                destination);

        assertThat(run.outcomes).extracting(Outcome::result).containsOnly(Outcome.Result.FAILED);
        assertThat(run.ledger.byMatch("match-1").get(0).reason())
                .isEqualTo("WhatsApp refused the template to the"
                        + " number ending 0009 (2 of 2) (HTTP 400, code 131030): Recipient phone number not in allowed list"
                        + " (not opted in): " + stranger);
        assertThat(whatsapp.posts().all()).extracting(PostRecord::account).containsExactly(ALICE, ALICE);
    }

    @Test
    void withoutAnOptInListNothingIsUploaded() throws Exception {
        run.publish(publishers(set.limits(Platform.WHATSAPP), Recipients.none()), match, destination);

        assertThat(run.outcomes).extracting(Outcome::detail).first().asString().contains("--whatsapp-recipients FILE");
        assertThat(whatsapp.faults().requests()).isZero();
    }
}

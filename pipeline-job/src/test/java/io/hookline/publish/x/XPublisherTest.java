package io.hookline.publish.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.Destination;
import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Platform;
import io.hookline.profiles.PlatformLimits;
import io.hookline.publish.ManifestClip;
import io.hookline.publish.ManifestRendition;
import io.hookline.publish.MatchClips;
import io.hookline.publish.Outcome;
import io.hookline.publish.Publishers;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.LedgerRun;
import io.hookline.publish.emulated.Limits;
import io.hookline.publish.emulated.RealClips;
import io.hookline.publish.emulator.Fault;
import io.hookline.publish.emulator.PostRecord;
import io.hookline.publish.emulator.XEmulator;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The X publisher with the engine and its ledger against the X emulator, on real MP4 clips. */
class XPublisherTest {
    private static final String TOKEN = "x-T0ken-4417-never-print";
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path dir;

    XEmulator x;
    LedgerRun run;
    DestinationSet set;
    Destination destination;
    MatchClips match;

    @BeforeEach
    void start() throws Exception {
        x = new XEmulator(Clock.systemUTC(), TOKEN, EmulatedProfiles.X_ACCOUNT).processingDelay(Duration.ZERO);
        x.start();
        set = EmulatedProfiles.load(EmulatedProfiles.write(dir.resolve("profiles")));
        destination = set.destination(EmulatedProfiles.X);
        match = MatchClips.read(RealClips.match(dir.resolve("out"), "match-1", "x", 3));
        run = new LedgerRun(dir.resolve("out"), TOKEN);
    }

    @AfterEach
    void stop() {
        run.close();
        x.close();
    }

    private Publishers publishers(PlatformLimits limits) {
        return new Publishers()
                .with(Platform.X, new XPublisher(run.http(), x.baseUrl(), SEGMENT, limits, Duration.ofSeconds(30)));
    }

    @Test
    void postsEachRealClipOnceInSegmentsWithItsTextAndARerunPostsNothing() throws Exception {
        run.publish(publishers(set.limits(Platform.X)), match, destination);
        run.publish(publishers(set.limits(Platform.X)), match, destination);

        assertThat(run.outcomes).hasSize(3).extracting(Outcome::result).containsOnly(Outcome.Result.POSTED);
        assertThat(run.outcomes.get(0).detail()).startsWith("https://x.com/hookline_emulator/status/");
        assertThat(x.posts().size()).isEqualTo(3);
        for (ManifestClip clip : match.clips()) {
            ManifestRendition rendition = clip.rendition("x").orElseThrow();
            assertThat(rendition.bytes()).as("several segments per clip").isGreaterThan(2L * SEGMENT);
            assertThat(x.posts().count(EmulatedProfiles.X_ACCOUNT, rendition.sha256()))
                    .isEqualTo(1);
        }
        PostRecord first = x.posts().all().get(0);
        assertThat(first.metadata()).containsEntry("text", "GOAL — Player 1\n#goal");
        assertThat(run.ledger.byMatch("match-1"))
                .extracting(PublishRecord::state)
                .containsOnly(PublishState.POSTED);
    }

    @Test
    void a429A503ADroppedConnectionMidUploadAndA503OnThePostStillPostEachClipOnce() throws Exception {
        long segments = (match.clips().get(0).rendition("x").orElseThrow().bytes() + SEGMENT - 1) / SEGMENT;
        // Clip 1's requests, each fault taking a number: INIT 429, INIT, APPEND 0 503, APPEND 0, APPEND 1
        // dropped, APPEND 1, the other APPENDs, FINALIZE, STATUS, users/me, tweets, then the post: 503.
        long post = 6 + (segments - 2) + 5;
        x.faults()
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(3, Fault.SERVER_ERROR)
                .at(5, Fault.DROPPED_CONNECTION)
                .at(post, Fault.SERVER_ERROR);

        run.publish(publishers(set.limits(Platform.X)), match, destination);

        assertThat(run.outcomes).extracting(Outcome::result).containsOnly(Outcome.Result.POSTED);
        assertThat(x.posts().counts().values()).hasSize(3).containsOnly(1);
        assertThat(run.waits).as("the 429's Retry-After was honoured").contains(Duration.ofSeconds(1));
        assertThat(run.outcomes.toString()).doesNotContain(TOKEN);
    }

    @Test
    void clipsOverTheSizeCapFailTheirRecordsWithTheReasonAndAreNotSent() throws Exception {
        long secondClipBytes = match.clips().get(1).rendition("x").orElseThrow().bytes();

        run.publish(publishers(Limits.sizeCap(set.limits(Platform.X), secondClipBytes)), match, destination);

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.POSTED, Outcome.Result.POSTED, Outcome.Result.FAILED);
        PublishRecord third = run.ledger.byMatch("match-1").get(2);
        assertThat(third.state()).isEqualTo(PublishState.FAILED);
        assertThat(third.reason())
                .isEqualTo("x.mp4 is "
                        + match.clips().get(2).rendition("x").orElseThrow().bytes() + " bytes; X takes at most "
                        + secondClipBytes + " bytes");
        assertThat(x.posts().size()).isEqualTo(2);
    }

    @Test
    void aPostTextOverXsLimitIsRefusedBeforeItsUploadOpens() throws Exception {
        // "GOAL — " (7), the name (299), then "\n#goal" (6): 312.
        RealClips.retitle(
                match.dir(), 1, "Goal — " + "Very Long Name ".repeat(20).strip() + " (1-0)");

        run.publish(publishers(set.limits(Platform.X)), MatchClips.read(match.dir()), destination);

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.FAILED, Outcome.Result.POSTED, Outcome.Result.POSTED);
        assertThat(run.outcomes.get(0).detail())
                .isEqualTo("the post's text is 312 characters (a link counts 23);"
                        + " X takes 280: shorten the destination's title or caption");
        assertThat(x.posts().size()).isEqualTo(2);
    }

    @Test
    void aClipLongerThanTheDurationLimitIsRefusedBeforeItsUploadOpens() throws Exception {
        run.publish(publishers(Limits.maxDuration(set.limits(Platform.X), 1_300)), match, destination);

        assertThat(run.outcomes)
                .extracting(Outcome::result)
                .containsExactly(Outcome.Result.POSTED, Outcome.Result.FAILED, Outcome.Result.FAILED);
        assertThat(run.ledger.byMatch("match-1").get(1).reason())
                .isEqualTo("x.mp4 lasts 1400 ms; X takes 500 to 1300 ms");
        long segments = (match.clips().get(0).rendition("x").orElseThrow().bytes() + SEGMENT - 1) / SEGMENT;
        // INIT, the APPENDs, FINALIZE, STATUS, users/me, tweets and the post, all for the first clip.
        assertThat(x.faults().requests()).as("no request for the refused clips").isEqualTo(segments + 6);
    }
}

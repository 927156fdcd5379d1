package io.hookline.publish.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.Destination;
import io.hookline.profiles.Platform;
import io.hookline.profiles.Privacy;
import io.hookline.publish.Outcome;
import io.hookline.publish.PlatformFixtures;
import io.hookline.publish.PlatformFixtures.Shape;
import io.hookline.publish.PublishRig;
import io.hookline.publish.emulator.Fault;
import io.hookline.publish.emulator.PostRecord;
import io.hookline.publish.emulator.TikTokEmulator;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TikTok publisher through the engine against the TikTok emulator, with real clip files. */
class TikTokPublisherTest {
    private static final String TOKEN = "tt-Token-4471-never-shown";
    private static final String CREATOR = "hookline-test";
    /** Small chunks, so a clip of a few tens of KB goes in several, in order. */
    private static final long CHUNK = 16 * 1024;

    @TempDir
    Path out;

    TikTokEmulator tiktok;
    PublishRig rig;

    @BeforeEach
    void start() throws Exception {
        tiktok = new TikTokEmulator(Clock.systemUTC(), TOKEN, CREATOR)
                .minChunkSize(CHUNK)
                .processingDelay(Duration.ofMillis(100));
        tiktok.start();
        rig = new PublishRig(out, TOKEN);
    }

    @AfterEach
    void stop() {
        rig.close();
        tiktok.close();
    }

    private TikTokPublisher publisher() {
        return new TikTokPublisher(
                PublishRig.http(),
                new TikTokSettings(tiktok.baseUrl(), CHUNK, CHUNK, Duration.ofSeconds(10), Duration.ofMillis(20)));
    }

    private static Destination destination(Privacy privacy) {
        return PlatformFixtures.destination("tiktok-main", Platform.TIKTOK, CREATOR, "tiktok-clean", privacy, false);
    }

    @Test
    void postsEachClipOnceInChunksWithItsCaptionPrivacyAndBytes() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "tiktok-clean", Shape.VERTICAL, 2);
        assertThat(Files.size(match.resolve("clips/clip001/tiktok-clean.mp4")))
                .as("several chunks")
                .isGreaterThan(3 * CHUNK);

        List<Outcome> outcomes = rig.publish(match, destination(Privacy.PRIVATE), publisher());
        rig.publish(match, destination(Privacy.PRIVATE), publisher());

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED, Outcome.Result.POSTED);
        assertThat(tiktok.posts().size()).isEqualTo(2);
        for (int rank = 1; rank <= 2; rank++) {
            Path file = match.resolve(String.format("clips/clip%03d/tiktok-clean.mp4", rank));
            assertThat(tiktok.posts().count(CREATOR, PlatformFixtures.sha256(file)))
                    .isEqualTo(1);
        }
        PostRecord first = tiktok.posts().all().get(0);
        assertThat(first.metadata())
                .containsEntry("title", "GOAL — Player 1\nScore 1-0\n#goal")
                .containsEntry("privacy_level", "SELF_ONLY");
        assertThat(rig.records("match-1")).extracting(PublishRecord::state).containsOnly(PublishState.POSTED);
        assertThat(rig.records("match-1").toString() + outcomes).doesNotContain(TOKEN);
    }

    @Test
    void a429A503AndAConnectionDroppedMidChunkStillMakeOnePostResumedFromTheStatus() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "tiktok-clean", Shape.VERTICAL, 1);
        Path file = match.resolve("clips/clip001/tiktok-clean.mp4");
        // 1 creator info (429, again as 2), 3 init, 4 chunk 1, 5 chunk 2 drops halfway; 6 the status, 7 chunk 2
        // again (503); 8 the status, 9 chunk 2.
        tiktok.faults()
                .retryAfter(Duration.ZERO)
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(5, Fault.DROPPED_CONNECTION)
                .at(7, Fault.SERVER_ERROR);

        List<Outcome> outcomes = rig.publish(match, destination(Privacy.PRIVATE), publisher());

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED);
        assertThat(tiktok.posts().size()).isEqualTo(1);
        assertThat(tiktok.posts().count(CREATOR, PlatformFixtures.sha256(file))).isEqualTo(1);
        assertThat(tiktok.posts().all().get(0).mediaBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void aPublicPostFromAnUnauditedAppFailsItsRecordWithTheReasonBeforeAnyUpload() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "tiktok-clean", Shape.VERTICAL, 1);

        List<Outcome> outcomes = rig.publish(match, destination(Privacy.PUBLIC), publisher());

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.FAILED);
        PublishRecord failed = rig.records("match-1").get(0);
        assertThat(failed.state()).isEqualTo(PublishState.FAILED);
        assertThat(failed.reason())
                .isEqualTo("the TikTok account of tiktok-main offers [SELF_ONLY], not"
                        + " PUBLIC_TO_EVERYONE (an unaudited app posts SELF_ONLY only: make the destination private)");
        assertThat(tiktok.faults().requests())
                .as("only the creator info was asked")
                .isEqualTo(1);
        assertThat(tiktok.posts().size()).isZero();
    }

    @Test
    void aClipShorterThanThreeSecondsIsRefusedWithoutCallingTikTok() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "tiktok-clean", new Shape(180, 320, 2_000), 1);

        rig.publish(match, destination(Privacy.PRIVATE), publisher());

        assertThat(rig.records("match-1").get(0).reason())
                .matches(
                        "clip001/tiktok-clean@tiktok-main: TikTok takes videos of 3 s or more, the file lasts 2\\.0\\d* s");
        assertThat(tiktok.faults().requests()).isZero();
    }
}

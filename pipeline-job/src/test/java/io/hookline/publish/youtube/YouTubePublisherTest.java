package io.hookline.publish.youtube;

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
import io.hookline.publish.emulator.YouTubeEmulator;
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

/** The YouTube publisher through the engine against the YouTube emulator, with real clip files. */
class YouTubePublisherTest {
    private static final String TOKEN = "yt-Token-9921-never-shown";
    private static final String CHANNEL = "UC-test-channel";

    @TempDir
    Path out;

    YouTubeEmulator youtube;
    PublishRig rig;

    @BeforeEach
    void start() throws Exception {
        youtube = new YouTubeEmulator(Clock.systemUTC(), TOKEN, CHANNEL);
        youtube.start();
        rig = new PublishRig(out, TOKEN);
    }

    @AfterEach
    void stop() {
        rig.close();
        youtube.close();
    }

    private YouTubePublisher publisher() {
        return new YouTubePublisher(
                PublishRig.http(),
                new YouTubeSettings(
                        youtube.baseUrl(), YouTubeSettings.GRANULE, Duration.ofSeconds(10), Duration.ofMillis(20)));
    }

    private static Destination shorts() {
        return PlatformFixtures.destination(
                "yt-shorts", Platform.YOUTUBE, CHANNEL, "youtube-shorts", Privacy.PUBLIC, true);
    }

    @Test
    void postsEachShortOnceWithItsTitleDescriptionPrivacyAndBytes() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "youtube-shorts", Shape.VERTICAL, 2);

        List<Outcome> outcomes = rig.publish(match, shorts(), publisher());
        rig.publish(match, shorts(), publisher());

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED, Outcome.Result.POSTED);
        assertThat(youtube.posts().size()).isEqualTo(2);
        for (int rank = 1; rank <= 2; rank++) {
            Path file = match.resolve(String.format("clips/clip%03d/youtube-shorts.mp4", rank));
            assertThat(youtube.posts().count(CHANNEL, sha256(file)))
                    .as("posts of clip " + rank)
                    .isEqualTo(1);
        }
        PostRecord first = youtube.posts().all().get(0);
        assertThat(first.mediaSha256()).isEqualTo(sha256(match.resolve("clips/clip001/youtube-shorts.mp4")));
        assertThat(first.metadata())
                .containsEntry("title", "GOAL — Player 1")
                .containsEntry("description", "Score 1-0\n#goal")
                .containsEntry("privacyStatus", "public");
        assertThat(rig.records("match-1")).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(PublishState.POSTED);
            assertThat(r.postUrl()).isEqualTo("https://www.youtube.com/shorts/" + r.postId());
        });
        assertThat(rig.records("match-1").toString() + outcomes).doesNotContain(TOKEN);
    }

    @Test
    void a429A503AndAConnectionDroppedMidChunkStillMakeOneVideoResumedWhereTheSessionStopped() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "youtube-landscape", new Shape(960, 540, 5_000), 1);
        Path file = match.resolve("clips/clip001/youtube-landscape.mp4");
        assertThat(Files.size(file)).as("a file of more than one chunk").isGreaterThan((long) YouTubeSettings.GRANULE);
        // 1 opens the session (429, then 2 opens it); 3 is the first chunk; 4, the second chunk, drops halfway;
        // 5 asks the session, 6 sends the second chunk again and gets a 503; 7 asks again, 8 sends it.
        youtube.faults()
                .retryAfter(Duration.ZERO)
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(4, Fault.DROPPED_CONNECTION)
                .at(6, Fault.SERVER_ERROR);
        Destination main = PlatformFixtures.destination(
                "yt-main", Platform.YOUTUBE, CHANNEL, "youtube-landscape", Privacy.UNLISTED, false);

        List<Outcome> outcomes = rig.publish(match, main, publisher());

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED);
        assertThat(youtube.posts().count(CHANNEL, sha256(file))).isEqualTo(1);
        assertThat(youtube.posts().size()).isEqualTo(1);
        assertThat(youtube.posts().all().get(0).metadata()).containsEntry("privacyStatus", "unlisted");
        assertThat(youtube.posts().all().get(0).mediaBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void aLandscapeClipForAShortsDestinationFailsItsRecordWithTheReasonAndUploadsNothing() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "youtube-shorts", Shape.LANDSCAPE, 1);

        List<Outcome> outcomes = rig.publish(match, shorts(), publisher());

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.FAILED);
        PublishRecord failed = rig.records("match-1").get(0);
        assertThat(failed.state()).isEqualTo(PublishState.FAILED);
        assertThat(failed.reason())
                .isEqualTo("clip001/youtube-shorts@yt-shorts: a Short must be vertical or square,"
                        + " the file is 320x180");
        assertThat(youtube.faults().requests()).isZero();
    }

    private static String sha256(Path file) throws Exception {
        return PlatformFixtures.sha256(file);
    }
}

package io.hookline.publish.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hookline.profiles.Destination;
import io.hookline.profiles.Platform;
import io.hookline.profiles.Privacy;
import io.hookline.publish.Outcome;
import io.hookline.publish.PlatformFixtures;
import io.hookline.publish.PlatformFixtures.Shape;
import io.hookline.publish.PublishRig;
import io.hookline.publish.emulator.Fault;
import io.hookline.publish.emulator.InstagramEmulator;
import io.hookline.publish.emulator.PostRecord;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Instagram publisher through the engine against the Instagram emulator, with real clip files. */
class InstagramPublisherTest {
    private static final String TOKEN = "ig-Token-5310-never-shown";
    private static final String ACCOUNT = "17841400000000001";
    private static final int PART = 16 * 1024;

    @TempDir
    Path out;

    InstagramEmulator instagram;
    PublishRig rig;

    @BeforeEach
    void start() throws Exception {
        instagram = new InstagramEmulator(Clock.systemUTC(), TOKEN).processingDelay(Duration.ofMillis(100));
        instagram.start();
        rig = new PublishRig(out, TOKEN);
    }

    @AfterEach
    void stop() {
        rig.close();
        instagram.close();
    }

    private InstagramPublisher publisher(URI mediaUrl) {
        return new InstagramPublisher(
                PublishRig.http(),
                new InstagramSettings(
                        URI.create(instagram.baseUrl() + "/v21.0"),
                        mediaUrl,
                        PART,
                        Duration.ofSeconds(10),
                        Duration.ofMillis(20)));
    }

    private static Destination destination(String rendition) {
        return PlatformFixtures.destination("ig-main", Platform.INSTAGRAM, ACCOUNT, rendition, Privacy.PUBLIC, false);
    }

    @Test
    void postsEachReelOnceByResumableUploadWithItsCaptionAndBytes() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "instagram-reels", Shape.VERTICAL, 2);
        assertThat(Files.size(match.resolve("clips/clip001/instagram-reels.mp4")))
                .as("several parts")
                .isGreaterThan(3L * PART);

        List<Outcome> outcomes = rig.publish(match, destination("instagram-reels"), publisher(null));
        rig.publish(match, destination("instagram-reels"), publisher(null));

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED, Outcome.Result.POSTED);
        assertThat(instagram.posts().size()).isEqualTo(2);
        for (int rank = 1; rank <= 2; rank++) {
            Path file = match.resolve(String.format("clips/clip%03d/instagram-reels.mp4", rank));
            assertThat(instagram.posts().count(ACCOUNT, PlatformFixtures.sha256(file)))
                    .isEqualTo(1);
        }
        PostRecord first = instagram.posts().all().get(0);
        assertThat(first.metadata())
                .containsEntry("media_type", "REELS")
                .containsEntry("caption", "GOAL — Player 1\nScore 1-0\n#goal");
        assertThat(rig.records("match-1")).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(PublishState.POSTED);
            assertThat(r.postId())
                    .isEqualTo(instagram.posts().byId().get(r.postId()).postId());
        });
        assertThat(rig.records("match-1").toString() + outcomes).doesNotContain(TOKEN);
    }

    @Test
    void postsAStoryFromAVideoUrlThePlatformFetches() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "instagram-stories", Shape.VERTICAL, 1);
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/media/", exchange -> {
            Path file = out.resolve(exchange.getRequestURI().getPath().substring("/media/".length()));
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        files.start();
        try {
            URI media = URI.create("http://127.0.0.1:" + files.getAddress().getPort() + "/media");

            List<Outcome> outcomes = rig.publish(match, destination("instagram-stories"), publisher(media));

            assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED);
            Path file = match.resolve("clips/clip001/instagram-stories.mp4");
            assertThat(instagram.posts().count(ACCOUNT, PlatformFixtures.sha256(file)))
                    .isEqualTo(1);
            assertThat(instagram.posts().all().get(0).metadata()).containsEntry("media_type", "STORIES");
        } finally {
            files.stop(0);
        }
    }

    @Test
    void a429A503AndAConnectionDroppedMidUploadStillMakeOnePost() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "instagram-reels", Shape.VERTICAL, 1);
        Path file = match.resolve("clips/clip001/instagram-reels.mp4");
        // 1 creates the container (429, again as 2); 3 is the first part, 4 the second drops halfway and is sent
        // again from its offset as 5, which gets a 503 and goes again as 6; the last try to publish gets a 503.
        instagram
                .faults()
                .retryAfter(Duration.ZERO)
                .at(1, Fault.TOO_MANY_REQUESTS)
                .at(4, Fault.DROPPED_CONNECTION)
                .at(5, Fault.SERVER_ERROR);
        List<Outcome> first = rig.publish(match, destination("instagram-reels"), publisher(null));
        assertThat(first).extracting(Outcome::result).containsExactly(Outcome.Result.POSTED);

        assertThat(instagram.posts().size()).isEqualTo(1);
        assertThat(instagram.posts().count(ACCOUNT, PlatformFixtures.sha256(file)))
                .isEqualTo(1);
        assertThat(instagram.posts().all().get(0).mediaBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void aReelUnderThreeSecondsFailsItsRecordWithTheReasonAndMakesNoContainer() throws Exception {
        Path match = PlatformFixtures.match(out, "match-1", "instagram-reels", new Shape(180, 320, 2_000), 1);

        List<Outcome> outcomes = rig.publish(match, destination("instagram-reels"), publisher(null));

        assertThat(outcomes).extracting(Outcome::result).containsExactly(Outcome.Result.FAILED);
        PublishRecord failed = rig.records("match-1").get(0);
        assertThat(failed.state()).isEqualTo(PublishState.FAILED);
        assertThat(failed.reason())
                .matches(
                        "clip001/instagram-reels@ig-main: a Reel lasts 3 s to 15 min, the file" + " lasts 2\\.0\\d* s");
        assertThat(instagram.faults().requests()).isZero();
    }
}

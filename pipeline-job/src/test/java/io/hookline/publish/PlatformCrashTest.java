package io.hookline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.emulated.CrashRun;
import io.hookline.publish.emulated.EmulatedProfiles;
import io.hookline.publish.emulated.KillingProxy;
import io.hookline.publish.emulator.EmulatorServer;
import io.hookline.publish.emulator.InstagramEmulator;
import io.hookline.publish.emulator.TikTokEmulator;
import io.hookline.publish.emulator.YouTubeEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./hookline publish} of two clips to YouTube, Instagram or TikTok (their emulators), killed with
 * SIGKILL at every request its first clip makes, once before the platform sees it and once after the
 * platform acted on it but before the publisher heard back; then run again. Each clip is posted exactly once,
 * none is missing, and the token appears in nothing the runs printed or wrote.
 */
class PlatformCrashTest {
    private static final String TOKEN = "crash-Token-8830-never-shown";
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int CLIPS = 2;

    @TempDir
    Path dir;

    /** A platform's destination, and the requests one clip makes to it, in order, as regular expressions. */
    enum Target {
        YOUTUBE(
                "youtube-shorts",
                "UC-crash-test",
                """
                  yt:
                    platform: youtube
                    account: UC-crash-test
                    rendition: youtube-shorts
                    shorts: true
                """,
                "",
                List.of("POST /upload/youtube/v3/videos", "PUT /upload/youtube/v3/videos", "GET /youtube/v3/videos")),
        INSTAGRAM(
                "instagram-reels",
                "17841400000000001",
                """
                  ig:
                    platform: instagram
                    account: "17841400000000001"
                    rendition: instagram-reels
                """,
                "/v21.0",
                List.of(
                        "POST /v21.0/17841400000000001/media",
                        "POST /ig-api-upload/v21\\.0/\\d+",
                        "GET /v21.0/\\d+",
                        "GET /v21.0/\\d+",
                        "POST /v21.0/17841400000000001/media_publish")),
        TIKTOK(
                "tiktok-clean",
                "hookline-crash",
                """
                  tt:
                    platform: tiktok
                    account: hookline-crash
                    rendition: tiktok-clean
                """,
                "",
                List.of(
                        "POST /v2/post/publish/creator_info/query/",
                        "POST /v2/post/publish/video/init/",
                        "PUT /upload/",
                        "POST /v2/post/publish/status/fetch/",
                        "POST /v2/post/publish/status/fetch/"));

        final String rendition;
        final String account;
        final String yaml;
        final String apiPath;
        final List<String> requests;

        Target(String rendition, String account, String yaml, String apiPath, List<String> requests) {
            this.rendition = rendition;
            this.account = account;
            this.yaml = yaml
                    + String.join(
                            "\n",
                            "    credentials:",
                            "      env: " + PlatformFixtures.SECRET_ENV,
                            "    title: \"{ACTION} — {player}\"",
                            "    caption: \"Score {score}\"",
                            "    takes:",
                            "      kinds: [play]",
                            "    quota:",
                            "      postsPer24h: 10",
                            "      spacingSeconds: 0",
                            "    privacy: " + (rendition.startsWith("tiktok") ? "private" : "public"),
                            "    approval: false",
                            "");
            this.apiPath = apiPath;
            this.requests = requests;
        }

        EmulatorServer emulator() {
            return switch (this) {
                case YOUTUBE -> new YouTubeEmulator(CLOCK, TOKEN, account);
                case INSTAGRAM -> new InstagramEmulator(CLOCK, TOKEN).processingDelay(Duration.ZERO);
                case TIKTOK -> new TikTokEmulator(CLOCK, TOKEN, account).processingDelay(Duration.ZERO);
            };
        }
    }

    static Stream<Arguments> everyStep() {
        return Stream.of(Target.values())
                .flatMap(target -> Stream.iterate(1, n -> n <= target.requests.size(), n -> n + 1)
                        .flatMap(n -> Stream.of(false, true).map(after -> Arguments.of(target, n, after))));
    }

    @ParameterizedTest(name = "{0}: killed at request {1}, after the platform answered: {2}")
    @MethodSource("everyStep")
    void aRunKilledAtAnyStepThenRunAgainPostsEachClipExactlyOnce(Target target, int request, boolean after)
            throws Exception {
        Path matchDir = PlatformFixtures.match(
                dir.resolve("out"), "match-1", target.rendition, PlatformFixtures.Shape.VERTICAL, CLIPS);
        Path profiles = EmulatedProfiles.withOnly(dir.resolve("profiles"), target.yaml);
        Map<String, String> env = Map.of(PlatformFixtures.SECRET_ENV, TOKEN);
        try (EmulatorServer emulator = target.emulator().start();
                KillingProxy harness = new KillingProxy(emulator.baseUrl())) {
            String api = target.name().toLowerCase() + "=" + harness.url() + target.apiPath;
            harness.holdAt(request, after);

            Process killed = CrashRun.publish(matchDir, profiles, dir.resolve("killed.log"), env, "--api-url", api);
            boolean held = false;
            while (!held && killed.isAlive()) {
                held = harness.awaitHeld(1);
            }
            assertThat(held)
                    .as(
                            "request %d was held; the run printed:%n%s",
                            request, Files.readString(dir.resolve("killed.log")))
                    .isTrue();
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(harness.requests().get(request - 1)).matches(target.requests.get(request - 1));
            harness.release();

            Process rerun = CrashRun.publish(matchDir, profiles, dir.resolve("rerun.log"), env, "--api-url", api);
            assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue())
                    .as(Files.readString(dir.resolve("rerun.log")))
                    .isZero();

            for (int rank = 1; rank <= CLIPS; rank++) {
                Path file = matchDir.resolve(String.format("clips/clip%03d/%s.mp4", rank, target.rendition));
                assertThat(emulator.posts().count(target.account, PlatformFixtures.sha256(file)))
                        .as("posts of clip %d", rank)
                        .isEqualTo(1);
            }
            assertThat(emulator.posts().size()).isEqualTo(CLIPS);
        }
        assertThat(CrashRun.status(matchDir)).contains(CLIPS + " record(s): " + CLIPS + " POSTED");
        CrashRun.assertNoFileHolds(dir, TOKEN);
    }
}

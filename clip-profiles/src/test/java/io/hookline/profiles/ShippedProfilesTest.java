package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedProfilesTest {

    // Surefire runs in the module directory, which holds the editors' copy of the set.
    private static final Path MODULE_DIR = Path.of(".");

    private static ProfileSet shipped;

    @BeforeAll
    static void load() throws ProfileException {
        shipped = ProfileLoader.load(MODULE_DIR);
    }

    @Test
    void concreteRenditionsComeInFileNameOrder() {
        // base.yaml holds only abstract bases, which are not rendered.
        assertThat(shipped.renditionNames())
                .containsExactly(
                        "instagram-reels",
                        "instagram-feed",
                        "instagram-stories",
                        "whatsapp",
                        "telegram",
                        "tiktok",
                        "x",
                        "youtube-landscape",
                        "youtube-shorts");
        assertThat(shipped.templateNames()).containsExactly("standard", "vertical");
        assertThat(shipped.version()).matches("[0-9a-f]{12}");
    }

    @Test
    void everyRenditionDrawsAKnownTemplate() {
        assertThat(shipped.renditions())
                .allSatisfy(r -> assertThat(shipped.templateNames()).contains(r.graphics()));
    }

    @Test
    void youtubeLandscape() {
        RenditionProfile youtube = shipped.rendition("youtube-landscape");

        assertThat(youtube.file()).isEqualTo("profiles/youtube.yaml");
        assertThat(youtube.video())
                .isEqualTo(new VideoSpec(
                        1920,
                        1080,
                        50,
                        Fit.CROP,
                        Reframe.FOLLOW_ACTION,
                        "h264",
                        "high",
                        "4.2",
                        0.5,
                        "veryfast",
                        21,
                        12000));
        // Closed GOP of half the frame rate.
        assertThat(youtube.video().gopFrames()).isEqualTo(25);
        assertThat(youtube.audio()).isEqualTo(new AudioSpec(48000, 2, 160, -14, -1));
        assertThat(youtube.container()).isEqualTo(new Container("mp4", true, true));
        assertThat(youtube.safeZone()).isEqualTo(new SafeZone(0.05, 0.05, 0.05, 0.05));
        assertThat(youtube.graphics()).isEqualTo("standard");
        assertThat(youtube.hasSizeCap()).isFalse();
    }

    @Test
    void youtubeShortsStayUnderAMinuteForContentId() {
        RenditionProfile shorts = shipped.rendition("youtube-shorts");

        assertThat(shorts.video().width()).isEqualTo(1080);
        assertThat(shorts.video().height()).isEqualTo(1920);
        assertThat(shorts.video().gopSeconds()).isEqualTo(0.5);
        assertThat(shorts.maxDurationMs()).isEqualTo(60_000);
        assertThat(shorts.graphics()).isEqualTo("vertical");
    }

    @Test
    void instagramReelsHaveNoEditListsAndKeepClearOfTheirButtons() {
        RenditionProfile reels = shipped.rendition("instagram-reels");

        assertThat(reels.video())
                .isEqualTo(new VideoSpec(
                        1080,
                        1920,
                        30,
                        Fit.CROP,
                        Reframe.FOLLOW_ACTION,
                        "h264",
                        "high",
                        "4.1",
                        1,
                        "veryfast",
                        22,
                        8000));
        assertThat(reels.container()).isEqualTo(new Container("mp4", true, false));
        assertThat(reels.safeZone()).isEqualTo(new SafeZone(0.14, 0.35, 0.06, 0.06));
        assertThat(reels.minDurationMs()).isEqualTo(3_000);
        assertThat(reels.maxDurationMs()).isEqualTo(90_000);
        assertThat(reels.sizeCapBytes()).isEqualTo(300_000_000L);
    }

    @Test
    void instagramFeedIsFourByFiveAndStoriesAreOneMinuteCards() {
        RenditionProfile feed = shipped.rendition("instagram-feed");
        RenditionProfile stories = shipped.rendition("instagram-stories");

        assertThat(feed.video().width()).isEqualTo(1080);
        assertThat(feed.video().height()).isEqualTo(1350);
        assertThat(feed.video().level()).isEqualTo("4.0");
        assertThat(feed.container().editLists()).isFalse();
        assertThat(feed.safeZone()).isEqualTo(new SafeZone(0.05, 0.05, 0.05, 0.05));
        assertThat(stories.video().height()).isEqualTo(1920);
        assertThat(stories.container().editLists()).isFalse();
        assertThat(stories.safeZone())
                .isEqualTo(shipped.rendition("instagram-reels").safeZone());
        assertThat(stories.maxDurationMs()).isEqualTo(60_000);
    }

    @Test
    void tiktokSafeZoneIsItsPixelsOnA1080x1920Frame() {
        RenditionProfile tiktok = shipped.rendition("tiktok");

        assertThat(tiktok.safeZone().area(1080, 1920)).isEqualTo(new SafeZone.Area(0, 250, 910, 1250));
        // Half size (a draft) keeps the same zone.
        assertThat(tiktok.safeZone().area(540, 960)).isEqualTo(new SafeZone.Area(0, 125, 455, 625));
        assertThat(tiktok.audio().loudnessLufs()).isEqualTo(-16);
        assertThat(tiktok.maxDurationMs()).isEqualTo(600_000);
        assertThat(tiktok.sizeCapBytes()).isEqualTo(4_000_000_000L);
    }

    @Test
    void xIs720pUnder140Seconds() {
        RenditionProfile x = shipped.rendition("x");

        assertThat(x.video().width()).isEqualTo(1280);
        assertThat(x.video().height()).isEqualTo(720);
        assertThat(x.video().profile()).isEqualTo("high");
        assertThat(x.video().fps()).isLessThanOrEqualTo(60);
        assertThat(x.minDurationMs()).isEqualTo(500);
        assertThat(x.maxDurationMs()).isEqualTo(140_000);
        assertThat(x.sizeCapBytes()).isEqualTo(512_000_000L);
    }

    @Test
    void messagingRenditionsFitTheirCaps() {
        RenditionProfile whatsapp = shipped.rendition("whatsapp");

        assertThat(whatsapp.video())
                .isEqualTo(new VideoSpec(
                        1280, 720, 25, Fit.PAD, Reframe.CENTER, "h264", "main", "3.1", 2, "veryfast", 23, 1500));
        assertThat(whatsapp.audio()).isEqualTo(new AudioSpec(48000, 2, 96, -14, -1));
        assertThat(whatsapp.maxDurationMs()).isEqualTo(180_000);
        assertThat(whatsapp.sizeCapBytes()).isEqualTo(16_000_000L);
        assertThat(shipped.rendition("telegram").sizeCapBytes()).isEqualTo(50_000_000L);
    }

    @Test
    void everyRenditionNormalisesLoudnessUnderAOneDecibelCeiling() {
        assertThat(shipped.renditions()).allSatisfy(r -> {
            assertThat(r.audio().loudnessLufs()).isBetween(-16.0, -14.0);
            assertThat(r.audio().truePeakDbtp()).isEqualTo(-1);
        });
    }

    @Test
    void standardTemplateShowsScoreLowerThirdBrandingAndOutro() throws IOException {
        GraphicsTemplate standard = shipped.template("standard");

        assertThat(standard.scoreBug())
                .isEqualTo(new GraphicsTemplate.ScoreBug(
                        Anchor.TOP_LEFT,
                        0.045,
                        new GraphicsTemplate.TextStyle(
                                "DejaVu Sans", Color.parse("#ffffff"), Color.parse("#0b1f3add"))));
        assertThat(standard.lowerThird().text().placeholders())
                .containsExactly(Placeholder.ACTION_CAPITALS, Placeholder.PLAYER);
        assertThat(standard.lowerThird().durationMs()).isEqualTo(4_000);
        assertThat(standard.branding().image().bytes())
                .isEqualTo(Files.readAllBytes(MODULE_DIR.resolve("graphics/hookline-wordmark.png")));
        // A clip opens on its hook: no intro card, and no caption under the lower third.
        assertThat(standard.intro()).isNull();
        assertThat(standard.caption()).isNull();
        assertThat(standard.outro().durationMs()).isEqualTo(1_500);
    }

    @Test
    void verticalTemplateIsStandardWithSmallerShares() {
        GraphicsTemplate standard = shipped.template("standard");
        GraphicsTemplate vertical = shipped.template("vertical");

        assertThat(vertical.scoreBug().height()).isEqualTo(0.025);
        assertThat(vertical.scoreBug().style()).isEqualTo(standard.scoreBug().style());
        assertThat(vertical.lowerThird().text()).isEqualTo(standard.lowerThird().text());
        assertThat(vertical.branding().image()).isEqualTo(standard.branding().image());
        assertThat(vertical.intro()).isNull();
    }

    @Test
    void everyEventTypeHasARule() {
        assertThat(shipped.rules().events()).containsOnlyKeys(EventType.values());
    }

    @Test
    void onlyTheSpectacularTypesMakeClips() {
        Set<EventType> clipTypes = shipped.rules().events().entrySet().stream()
                .filter(e -> e.getValue().clip())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));

        assertThat(clipTypes)
                .containsExactlyInAnyOrder(
                        EventType.GOAL,
                        EventType.OWN_GOAL,
                        EventType.DUNK,
                        EventType.THREE_POINTER,
                        EventType.BLOCK,
                        EventType.SAVE,
                        EventType.SHOT,
                        EventType.STEAL,
                        EventType.LAYUP,
                        EventType.BASKET,
                        EventType.CARD);
    }

    @Test
    void weightsRankGoalsAboveShotsAboveFouls() {
        HighlightRules rules = shipped.rules();

        assertThat(rules.rule(EventType.GOAL).weight())
                .isGreaterThan(rules.rule(EventType.SHOT).weight());
        assertThat(rules.rule(EventType.DUNK).weight())
                .isGreaterThan(rules.rule(EventType.SHOT).weight());
        assertThat(rules.rule(EventType.SHOT).weight())
                .isGreaterThan(rules.rule(EventType.FOUL).weight());
    }

    @Test
    void secondsBecomeMilliseconds() {
        HighlightRules rules = shipped.rules();

        assertThat(rules.name()).isEqualTo("default");
        assertThat(rules.hookMs()).isEqualTo(1_500);
        assertThat(rules.playGapMs()).isEqualTo(4_000);
        assertThat(rules.maxPlayMs()).isEqualTo(30_000);
        assertThat(rules.rule(EventType.GOAL)).isEqualTo(new EventRule(true, 1.0, 6_000, 4_000));
        // A type that makes no clip needs no rolls.
        assertThat(rules.rule(EventType.FOUL)).isEqualTo(new EventRule(false, 0.15, 0, 0));
    }

    @Test
    void bundledCopyIsTheModuleDirectorysSet() throws ProfileException {
        assertThat(ProfileLoader.loadBundled()).isEqualTo(shipped);
    }

    @Test
    void bundledCopyLoadsFromInsideAJar(@TempDir Path tmp) throws IOException, ProfileException {
        Path jar = tmp.resolve("profiles.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // No directory entries, as some jar tools write them: the loader must not need them.
            for (String name : ProfileFiles.SHIPPED) {
                out.putNextEntry(new JarEntry(ProfileLoader.BUNDLE + "/" + name));
                Files.copy(MODULE_DIR.resolve(name), out);
            }
        }
        URL rules = URI.create("jar:" + jar.toUri() + "!/" + ProfileLoader.BUNDLE + "/rules/highlights.yaml")
                .toURL();

        assertThat(ProfileLoader.loadFrom(rules)).isEqualTo(shipped);
    }
}

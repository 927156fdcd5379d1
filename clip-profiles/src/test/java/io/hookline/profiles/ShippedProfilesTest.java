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
    void renditionsComeInFileNameOrder() {
        assertThat(shipped.renditionNames()).containsExactly("whatsapp", "vertical-9x16", "youtube-landscape");
        assertThat(shipped.version()).matches("[0-9a-f]{12}");
    }

    @Test
    void youtubeLandscape() {
        RenditionProfile youtube = shipped.rendition("youtube-landscape");

        assertThat(youtube.file()).isEqualTo("profiles/youtube.yaml");
        assertThat(youtube.video()).isEqualTo(
                new VideoSpec(1920, 1080, 50, Fit.CROP, "h264", "high", "4.2", 0.5, "veryfast", 21, 12000));
        // Closed GOP of half the frame rate.
        assertThat(youtube.video().gopFrames()).isEqualTo(25);
        assertThat(youtube.audio()).isEqualTo(new AudioSpec(48000, 2, 160));
        assertThat(youtube.hasSizeCap()).isFalse();
    }

    @Test
    void verticalKeepsToTheStricterLimits() {
        RenditionProfile vertical = shipped.rendition("vertical-9x16");

        assertThat(vertical.video()).isEqualTo(
                new VideoSpec(1080, 1920, 30, Fit.CROP, "h264", "high", "4.1", 1, "veryfast", 22, 8000));
        assertThat(vertical.minDurationMs()).isEqualTo(3_000);
        assertThat(vertical.maxDurationMs()).isEqualTo(60_000);
        assertThat(vertical.sizeCapBytes()).isEqualTo(300_000_000L);
    }

    @Test
    void whatsappFitsItsSixteenMegabytes() {
        RenditionProfile whatsapp = shipped.rendition("whatsapp");

        assertThat(whatsapp.video()).isEqualTo(
                new VideoSpec(1280, 720, 25, Fit.PAD, "h264", "main", "3.1", 2, "veryfast", 23, 2500));
        assertThat(whatsapp.audio()).isEqualTo(new AudioSpec(48000, 2, 96));
        assertThat(whatsapp.maxDurationMs()).isEqualTo(180_000);
        assertThat(whatsapp.sizeCapBytes()).isEqualTo(16_000_000L);
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

        assertThat(clipTypes).containsExactlyInAnyOrder(EventType.GOAL, EventType.OWN_GOAL, EventType.DUNK,
                EventType.THREE_POINTER, EventType.BLOCK, EventType.SAVE, EventType.SHOT, EventType.STEAL,
                EventType.LAYUP, EventType.BASKET, EventType.CARD);
    }

    @Test
    void weightsRankGoalsAboveShotsAboveFouls() {
        HighlightRules rules = shipped.rules();

        assertThat(rules.rule(EventType.GOAL).weight()).isGreaterThan(rules.rule(EventType.SHOT).weight());
        assertThat(rules.rule(EventType.DUNK).weight()).isGreaterThan(rules.rule(EventType.SHOT).weight());
        assertThat(rules.rule(EventType.SHOT).weight()).isGreaterThan(rules.rule(EventType.FOUL).weight());
    }

    @Test
    void secondsBecomeMilliseconds() {
        HighlightRules rules = shipped.rules();

        assertThat(rules.name()).isEqualTo("default");
        assertThat(rules.hookMs()).isEqualTo(1_500);
        assertThat(rules.playGapMs()).isEqualTo(4_000);
        assertThat(rules.maxPlayMs()).isEqualTo(30_000);
        assertThat(rules.rule(EventType.GOAL)).isEqualTo(new EventRule(true, 1.0, 8_000, 5_000));
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
        URL rules = URI.create("jar:" + jar.toUri() + "!/" + ProfileLoader.BUNDLE + "/rules/highlights.yaml").toURL();

        assertThat(ProfileLoader.loadFrom(rules)).isEqualTo(shipped);
    }
}

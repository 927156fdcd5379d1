package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.Destination.ClipKind;
import io.hookline.profiles.Destination.Credentials;
import io.hookline.profiles.Destination.Quota;
import io.hookline.profiles.Destination.Takes;
import io.hookline.profiles.PlatformLimits.QuotaScope;
import io.hookline.profiles.Setting.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedDestinationsTest {

    // Surefire runs in the module directory, which holds the editors' copy of the set.
    private static final Path MODULE_DIR = Path.of(".");

    private static DestinationSet shipped;

    @BeforeAll
    static void load() throws ProfileException {
        shipped = ProfileLoader.loadDestinations(MODULE_DIR);
    }

    @Test
    void destinationsComeInFileNameOrder() {
        assertThat(shipped.names())
                .containsExactly(
                        "instagram-main",
                        "telegram-channel",
                        "whatsapp-alerts",
                        "x-main",
                        "youtube-main",
                        "youtube-main-shorts");
        assertThat(shipped.platforms())
                .map(PlatformLimits::platform)
                .containsExactly(
                        Platform.INSTAGRAM,
                        Platform.TELEGRAM,
                        Platform.WHATSAPP,
                        Platform.TIKTOK,
                        Platform.X,
                        Platform.YOUTUBE);
    }

    @Test
    void everyDestinationPostsAConcreteRendition() {
        assertThat(shipped.destinations())
                .allSatisfy(d -> assertThat(shipped.profiles().renditionNames()).contains(d.rendition()));
    }

    @Test
    void youtubeMain() {
        Destination youtube = shipped.destination("youtube-main");

        assertThat(youtube.file()).isEqualTo("destinations/youtube.yaml");
        assertThat(youtube.platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(youtube.credentials())
                .isEqualTo(new Credentials(Credentials.Source.ENV, "HOOKLINE_YOUTUBE_MAIN_TOKEN"));
        assertThat(shipped.rendition(youtube).name()).isEqualTo("youtube-landscape");
        assertThat(youtube.title().placeholders())
                .containsExactly(
                        Placeholder.ACTION_CAPITALS,
                        Placeholder.PLAYER,
                        Placeholder.HOME,
                        Placeholder.SCORE,
                        Placeholder.AWAY);
        assertThat(youtube.hashtags()).containsExactly("highlights", "sports");
        assertThat(youtube.link()).isEmpty();
        assertThat(youtube.takes()).isEqualTo(new Takes(List.of(ClipKind.PLAY, ClipKind.COMPILATION), 1, 10));
        assertThat(youtube.quota()).isEqualTo(new Quota(40, 300_000));
        assertThat(youtube.privacy()).isEqualTo(Privacy.PUBLIC);
        assertThat(youtube.approval()).isTrue();
        assertThat(youtube.shorts()).isFalse();
    }

    @Test
    void theYoutubeDestinationsShareTheProjectsUploadQuota() {
        PlatformLimits youtube = shipped.limits(Platform.YOUTUBE);

        assertThat(youtube.postsPer24h()).isEqualTo(100);
        assertThat(youtube.quotaPer()).isEqualTo(QuotaScope.PROJECT);
        assertThat(shipped.destinations().stream()
                        .filter(d -> d.platform() == Platform.YOUTUBE)
                        .mapToInt(d -> d.quota().postsPer24h())
                        .sum())
                .isLessThanOrEqualTo(100);
        assertThat(shipped.destination("youtube-main-shorts").shorts()).isTrue();
    }

    @Test
    void messagingDestinationsFitTheirSizeCaps() {
        assertThat(shipped.limits(Platform.WHATSAPP).sizeCapBytes()).isEqualTo(16_000_000);
        assertThat(shipped.rendition(shipped.destination("whatsapp-alerts")).sizeCapBytes())
                .isEqualTo(16_000_000);
        assertThat(shipped.limits(Platform.TELEGRAM).sizeCapBytes()).isEqualTo(50_000_000);
        assertThat(shipped.limits(Platform.TELEGRAM).selfHostedSizeCapBytes()).isEqualTo(2_000_000_000L);
        assertThat(shipped.destination("whatsapp-alerts").privacy()).isEqualTo(Privacy.PRIVATE);
    }

    @Test
    void tiktokTakesNoBrandingWhichEveryShippedRenditionDraws() {
        // Why no TikTok destination is shipped: see destinations/tiktok.yaml.
        assertThat(shipped.limits(Platform.TIKTOK).branding()).isFalse();
        assertThat(shipped.limits(Platform.INSTAGRAM).privacy()).containsExactly(Privacy.PUBLIC);
        assertThat(shipped.profiles().renditions())
                .allSatisfy(
                        r -> assertThat(PlatformRules.brands(shipped.profiles().template(r.graphics())))
                                .isNotEmpty());
    }

    @Test
    void aPlatformNoFileDescribesHasNoLimits() {
        assertThat(shipped.limits(Platform.WEBHOOK)).isEqualTo(PlatformLimits.none(Platform.WEBHOOK));
    }

    @Test
    void destinationsLeaveTheVersionAndTheProfilesAsTheyAre(@TempDir Path dir) throws IOException, ProfileException {
        ProfileFiles.copyShipped(dir);
        assertThat(dir.resolve("destinations")).isDirectory();
        DestinationSet with = ProfileLoader.loadDestinations(dir);
        ProfileSet rendered = ProfileLoader.load(dir);

        try (Stream<Path> files = Files.list(dir.resolve("destinations"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        ProfileSet without = ProfileLoader.load(dir);

        assertThat(with.profiles()).isEqualTo(rendered).isEqualTo(without);
        assertThat(with.profiles().version()).isEqualTo(without.version());
        assertThat(ProfileLoader.loadDestinations(dir).destinations()).isEmpty();
        assertThat(ProfileLoader.loadBundled().version()).isEqualTo(without.version());
    }

    @Test
    void aChangedDestinationLeavesTheVersion(@TempDir Path dir) throws IOException, ProfileException {
        ProfileFiles.copyShipped(dir);
        String before = ProfileLoader.loadDestinations(dir).profiles().version();
        Path x = dir.resolve("destinations/x.yaml");
        Files.writeString(x, Files.readString(x).replace("postsPer24h: 30", "postsPer24h: 20"));

        assertThat(ProfileLoader.loadDestinations(dir)
                        .destination("x-main")
                        .quota()
                        .postsPer24h())
                .isEqualTo(20);
        assertThat(ProfileLoader.loadDestinations(dir).profiles().version()).isEqualTo(before);
    }

    @Test
    void bundledCopyIsTheModuleDirectorysSet() throws ProfileException {
        assertThat(ProfileLoader.loadBundledDestinations()).isEqualTo(shipped);
    }

    @Test
    void explainShowsADestinationsEffectiveSettings() throws ProfileException {
        Explanation explanation = ProfileLoader.explain(MODULE_DIR).stream()
                .filter(e -> e.name().equals("telegram-channel"))
                .findFirst()
                .orElseThrow();
        Map<String, Setting> settings =
                explanation.settings().stream().collect(Collectors.toMap(Setting::path, s -> s));

        assertThat(explanation.kind()).isEqualTo(Explanation.Kind.DESTINATION);
        assertThat(explanation.file()).isEqualTo("destinations/messaging.yaml");
        assertThat(explanation.bases()).isEmpty();
        assertThat(settings.get("rendition").value()).isEqualTo("telegram");
        assertThat(settings.get("rendition").origin()).isEqualTo(Origin.WRITTEN);
        assertThat(settings.get("credentials.file").value()).isEqualTo("/var/run/secrets/hookline/telegram-bot");
        assertThat(settings.get("takes.kinds").value()).isEqualTo("[play, compilation]");
        assertThat(settings.get("takes.kinds").list()).isTrue();
        assertThat(settings.get("takes.topPerMatch").value()).isEqualTo("0");
        assertThat(settings.get("takes.topPerMatch").origin()).isEqualTo(Origin.DEFAULT);
        assertThat(settings.get("localBotApi").value()).isEqualTo("false");
        assertThat(settings.get("link").origin()).isEqualTo(Origin.UNSET);
    }
}

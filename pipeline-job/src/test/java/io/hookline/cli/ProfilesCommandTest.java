package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./hookline profiles validate} and {@code explain}, run in-process with their output captured. */
class ProfilesCommandTest {

    // Surefire runs in the module directory; the editors' copy of the set is next to it.
    private static final Path CHECKOUT_PROFILES = Path.of("../clip-profiles");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void smallSet() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        try (InputStream rules = ProfileLoader.class.getResourceAsStream("/hookline-profiles/rules/highlights.yaml")) {
            Files.copy(rules, dir.resolve("rules/highlights.yaml"));
        }
        write("profiles/base.yaml", """
                renditions:
                  base:
                    abstract: true
                    description: shared
                    graphics: plain
                    video: {width: 640, height: 360, fps: 25, fit: crop, codec: h264, profile: main, level: "3.0",
                            gopSeconds: 1, preset: ultrafast, crf: 30, maxBitrateKbps: 1000}
                    audio: {sampleRate: 48000, channels: 2, bitrateKbps: 64, loudnessLufs: -14, truePeakDbtp: -1}
                    container: {format: mp4, moovFirst: true, editLists: false}
                    safeZone: {top: 10%}
                    duration: {minSeconds: 1, maxSeconds: 60}
                """);
        write("profiles/small.yaml", """
                renditions:
                  small:
                    extends: base
                    description: a small rendition
                    video:
                      fps: 30
                """);
        write("graphics/plain.yaml", """
                templates:
                  plain:
                    caption:
                      enabled: false
                """);
    }

    @Test
    void validateSaysOkWithTheCounts() {
        assertThat(run("profiles", "validate", dir.toString())).isEqualTo(0);

        assertThat(out.toString()).matches("OK: 1 renditions, 1 templates, 0 destinations, version [0-9a-f]{12}\\R");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validatePassesTheShippedSet() {
        assertThat(run("profiles", "validate", CHECKOUT_PROFILES.toString())).isEqualTo(0);

        assertThat(out.toString()).startsWith("OK: 9 renditions, 2 templates, 6 destinations, version ");
    }

    @Test
    void validateRefusesABrandedRenditionForTiktok() throws IOException {
        copyCheckout();
        Path tiktok = dir.resolve("destinations/tiktok.yaml");
        Files.writeString(tiktok, Files.readString(tiktok) + """
                destinations:
                  tiktok-main:
                    platform: tiktok
                    account: hookline-sports
                    credentials: {file: /var/run/secrets/hookline/tiktok-main}
                    rendition: tiktok
                    title: "{ACTION} — {player}"
                    takes: {kinds: [play]}
                    quota: {postsPer24h: 15, spacingSeconds: 900}
                    privacy: private
                    approval: true
                """);
        int line = (int) Files.readString(tiktok)
                        .lines()
                        .takeWhile(l -> !l.equals("    rendition: tiktok"))
                        .count()
                + 1;

        assertThat(run("profiles", "validate", dir.toString())).isEqualTo(2);

        assertThat(out.toString().lines())
                .containsExactly(tiktok + ":" + line + ":16: rendition: tiktok takes no "
                        + "video with a superimposed logo, brand name or watermark (platforms.tiktok.branding in "
                        + "destinations/tiktok.yaml), but rendition 'tiktok' (profiles/tiktok.yaml) draws graphics template "
                        + "'vertical' (graphics/standard.yaml), which shows branding (graphics/hookline-wordmark.png) and an "
                        + "outro card image (graphics/hookline-wordmark.png); post a rendition whose template switches them "
                        + "off (enabled: false)");
        assertThat(err.toString()).isEqualTo("1 problem in " + dir + System.lineSeparator());
    }

    @Test
    void validateNeverShowsASecretWrittenIntoADestination() throws IOException {
        copyCheckout();
        Path x = dir.resolve("destinations/x.yaml");
        Files.writeString(
                x,
                Files.readString(x)
                        .replace(
                                "      env: HOOKLINE_X_MAIN_TOKEN\n",
                                "      env: HOOKLINE_X_MAIN_TOKEN\n      token: AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid\n"));

        assertThat(run("profiles", "validate", dir.toString())).isEqualTo(2);

        assertThat(out.toString())
                .contains("x.yaml:", "'token' looks like a secret")
                .doesNotContain("AAAAAAAA");
    }

    @Test
    void validateWithoutADirectoryChecksTheBuiltInSetOutsideACheckout() {
        assertThat(System.getProperty("hookline.home")).isNull();

        assertThat(run("profiles", "validate")).isEqualTo(0);

        assertThat(out.toString()).startsWith("OK: 9 renditions, 2 templates, 6 destinations, version ");
    }

    @Test
    void validateListsEveryProblemAndExitsWithTwo() throws IOException {
        write("profiles/small.yaml", """
                renditions:
                  small:
                    extends: bsae
                    description: a small rendition
                  other:
                    extends: base
                    description: another
                    safeZone: {bottom: 14}
                """);

        assertThat(run("profiles", "validate", dir.toString())).isEqualTo(2);

        String file = dir.resolve("profiles/small.yaml").toString();
        assertThat(out.toString().lines())
                .containsExactly(
                        file + ":3:14: extends: unknown rendition 'bsae'; did you mean 'base'?",
                        file
                                + ":8:24: bottom: expected a share of the frame such as 14% or pixels such as 250px, got '14'");
        assertThat(err.toString()).isEqualTo("2 problems in " + dir + System.lineSeparator());
    }

    @Test
    void explainShowsEffectiveValuesWithTheirSource() {
        assertThat(run("profiles", "explain", "small", "--profiles", dir.toString()))
                .isEqualTo(0);

        assertThat(out.toString()).isEqualTo("""
                # small: rendition in profiles/small.yaml, extends base
                description: a small rendition  # profiles/small.yaml:4
                extends: base                   # profiles/small.yaml:3
                abstract: false                 # default
                graphics: plain                 # profiles/base.yaml:5
                video:
                  width: 640                    # profiles/base.yaml:6
                  height: 360                   # profiles/base.yaml:6
                  fps: 30                       # profiles/small.yaml:6
                  fit: crop                     # profiles/base.yaml:6
                  reframe: follow-action        # default
                  codec: h264                   # profiles/base.yaml:6
                  profile: main                 # profiles/base.yaml:6
                  level: 3.0                    # profiles/base.yaml:6
                  gopSeconds: 1                 # profiles/base.yaml:7
                  preset: ultrafast             # profiles/base.yaml:7
                  crf: 30                       # profiles/base.yaml:7
                  maxBitrateKbps: 1000          # profiles/base.yaml:7
                audio:
                  sampleRate: 48000             # profiles/base.yaml:8
                  channels: 2                   # profiles/base.yaml:8
                  bitrateKbps: 64               # profiles/base.yaml:8
                  loudnessLufs: -14             # profiles/base.yaml:8
                  truePeakDbtp: -1              # profiles/base.yaml:8
                  maxGainDb: 20                 # default
                container:
                  format: mp4                   # profiles/base.yaml:9
                  moovFirst: true               # profiles/base.yaml:9
                  editLists: false              # profiles/base.yaml:9
                safeZone:
                  top: 10%                      # profiles/base.yaml:10
                  bottom: 0%                    # default
                  left: 0%                      # default
                  right: 0%                     # default
                duration:
                  minSeconds: 1                 # profiles/base.yaml:11
                  maxSeconds: 60                # profiles/base.yaml:11
                sizeCapMB: 0                    # default
                """);
    }

    @Test
    void explainShowsTemplatesAndAbstractBases() {
        assertThat(run("profiles", "explain", "plain", "--profiles", dir.toString()))
                .isEqualTo(0);
        assertThat(out.toString()).isEqualTo("""
                # plain: graphics template in graphics/plain.yaml
                caption:
                  enabled: false  # graphics/plain.yaml:4
                """);

        out.getBuffer().setLength(0);
        assertThat(run("profiles", "explain", "base", "--profiles", dir.toString()))
                .isEqualTo(0);
        assertThat(out.toString())
                .startsWith("# base: abstract rendition (a base, not rendered) in profiles/base.yaml\n");
    }

    @Test
    void explainOfAShippedRenditionNamesTheBaseThatSetEachValue() {
        assertThat(run("profiles", "explain", "tiktok", "--profiles", CHECKOUT_PROFILES.toString()))
                .isEqualTo(0);

        assertThat(out.toString())
                .startsWith("# tiktok: rendition in profiles/tiktok.yaml, extends vertical <- base\n")
                .containsPattern("\n  width: 1080 +# profiles/base\\.yaml:\\d+\n")
                .containsPattern("\n  loudnessLufs: -16 +# profiles/tiktok\\.yaml:\\d+\n")
                .containsPattern("\n  top: 250px +# profiles/tiktok\\.yaml:\\d+\n");
    }

    @Test
    void explainQuotesWhatYamlWouldReadDifferently() {
        assertThat(run("profiles", "explain", "standard", "--profiles", CHECKOUT_PROFILES.toString()))
                .isEqualTo(0);

        assertThat(out.toString())
                .containsPattern("\n  text: \"\\{ACTION} — \\{player}\" +# graphics/standard\\.yaml:\\d+\n")
                .containsPattern("\n  textColor: \"#ffffff\" +# graphics/standard\\.yaml:\\d+\n")
                .containsPattern("\n  height: 4\\.5% +# graphics/standard\\.yaml:\\d+\n");
    }

    @Test
    void explainShowsADestinationsEffectiveSettings() throws IOException {
        write("destinations/chat.yaml", """
                platforms:
                  telegram:
                    privacy: [public, private]
                    sizeCapMB: 50
                destinations:
                  chat:
                    platform: telegram
                    account: "@club"
                    credentials:
                      env: CLUB_BOT_TOKEN
                    rendition: small
                    title: "{ACTION} — {player}"
                    hashtags: [goal, "#club"]
                    takes:
                      kinds: [play]
                    quota: {postsPer24h: 20, spacingSeconds: 60}
                    privacy: public
                    approval: false
                """);
        write("profiles/small.yaml", """
                renditions:
                  small:
                    extends: base
                    description: a small rendition
                    sizeCapMB: 50
                """);

        assertThat(run("profiles", "explain", "chat", "--profiles", dir.toString()))
                .isEqualTo(0);

        assertThat(out.toString()).isEqualTo("""
                # chat: publishing destination in destinations/chat.yaml
                platform: telegram            # destinations/chat.yaml:7
                account: "@club"              # destinations/chat.yaml:8
                credentials:
                  env: CLUB_BOT_TOKEN         # destinations/chat.yaml:10
                rendition: small              # destinations/chat.yaml:11
                title: "{ACTION} — {player}"  # destinations/chat.yaml:12
                hashtags: [goal, "#club"]     # destinations/chat.yaml:13
                takes:
                  kinds: [play]               # destinations/chat.yaml:15
                  minScore: 0                 # default
                  topPerMatch: 0              # default
                quota:
                  postsPer24h: 20             # destinations/chat.yaml:16
                  spacingSeconds: 60          # destinations/chat.yaml:16
                privacy: public               # destinations/chat.yaml:17
                approval: false               # destinations/chat.yaml:18
                localBotApi: false            # default
                shorts: false                 # default
                """);

        out.getBuffer().setLength(0);
        assertThat(run("profiles", "explain", "telegram", "--profiles", dir.toString()))
                .isEqualTo(0);
        assertThat(out.toString())
                .startsWith("# telegram: platform limits in destinations/chat.yaml\n" + "privacy: [public, private]");
    }

    @Test
    void explainOfAnUnknownNameSuggestsTheOneMeant() {
        assertThat(run("profiles", "explain", "smal", "--profiles", dir.toString()))
                .isEqualTo(2);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .startsWith("error: no rendition, template, platform or destination named 'smal'; "
                        + "did you mean 'small'? "
                        + "Known: base, small, plain");
    }

    @Test
    void explainOfAnInvalidSetListsItsProblems() throws IOException {
        write("graphics/plain.yaml", "templates: {}\n");

        assertThat(run("profiles", "explain", "small", "--profiles", dir.toString()))
                .isEqualTo(2);

        assertThat(err.toString())
                .contains("have problems", "plain.yaml:1:12: templates: expected at least one template");
    }

    @Test
    void theCommandsAreListedInTheHelp() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("profiles");

        out.getBuffer().setLength(0);
        assertThat(run("profiles")).isEqualTo(0);
        assertThat(out.toString()).contains("validate", "explain");
    }

    @Test
    void pushValidatesThenUploadsTheSetAsANewVersionOfALocalStore(@TempDir Path stores) throws IOException {
        Path store = stores.resolve("live");
        assertThat(run("profiles", "push", dir.toString(), store.toString())).isEqualTo(0);

        String version = Files.readString(store.resolve("current")).strip();
        assertThat(out.toString())
                .isEqualTo("pushed profile version " + version + " to " + store
                        + "; a live job reading it takes it at its next look" + System.lineSeparator());
        assertThat(store.resolve("versions").resolve(version).resolve("profiles/small.yaml"))
                .hasSameTextualContentAs(dir.resolve("profiles/small.yaml"));
    }

    @Test
    void pushRefusesAnInvalidSetWithItsProblemsAndLeavesTheStoreAsItWas(@TempDir Path stores) throws IOException {
        Path store = stores.resolve("live");
        assertThat(run("profiles", "push", dir.toString(), store.toString())).isEqualTo(0);
        String before = Files.readString(store.resolve("current"));
        write("profiles/small.yaml", """
                renditions:
                  small:
                    extends: base
                    description: a small rendition
                    video:
                      fps: fast
                """);
        out.getBuffer().setLength(0);

        assertThat(run("profiles", "push", dir.toString(), store.toString())).isEqualTo(2);

        assertThat(out.toString()).contains(dir.resolve("profiles/small.yaml") + ":6:");
        assertThat(err.toString()).endsWith("1 problem in " + dir + "; nothing was pushed" + System.lineSeparator());
        assertThat(Files.readString(store.resolve("current"))).isEqualTo(before);
        try (Stream<Path> versions = Files.list(store.resolve("versions"))) {
            assertThat(versions).hasSize(1);
        }
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Copies this checkout's clip profiles into dir, over the small set. */
    private void copyCheckout() throws IOException {
        for (String folder : new String[] {"rules", "profiles", "graphics", "destinations"}) {
            try (Stream<Path> files = Files.list(CHECKOUT_PROFILES.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.createDirectories(dir.resolve(folder));
                    Files.copy(
                            file, dir.resolve(folder).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.delete(dir.resolve("profiles/small.yaml"));
        Files.delete(dir.resolve("graphics/plain.yaml"));
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), content);
    }
}

package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(out.toString()).matches("OK: 1 renditions, 1 templates, version [0-9a-f]{12}\\R");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validatePassesTheShippedSet() {
        assertThat(run("profiles", "validate", CHECKOUT_PROFILES.toString())).isEqualTo(0);

        assertThat(out.toString()).startsWith("OK: 9 renditions, 2 templates, version ");
    }

    @Test
    void validateWithoutADirectoryChecksTheBuiltInSetOutsideACheckout() {
        assertThat(System.getProperty("hookline.home")).isNull();

        assertThat(run("profiles", "validate")).isEqualTo(0);

        assertThat(out.toString()).startsWith("OK: 9 renditions, 2 templates, version ");
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
        assertThat(out.toString().lines()).containsExactly(
                file + ":3:14: extends: unknown rendition 'bsae'; did you mean 'base'?",
                file + ":8:24: bottom: expected a share of the frame such as 14% or pixels such as 250px, got '14'");
        assertThat(err.toString()).isEqualTo("2 problems in " + dir + System.lineSeparator());
    }

    @Test
    void explainShowsEffectiveValuesWithTheirSource() {
        assertThat(run("profiles", "explain", "small", "--profiles", dir.toString())).isEqualTo(0);

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
        assertThat(run("profiles", "explain", "plain", "--profiles", dir.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("""
                # plain: graphics template in graphics/plain.yaml
                caption:
                  enabled: false  # graphics/plain.yaml:4
                """);

        out.getBuffer().setLength(0);
        assertThat(run("profiles", "explain", "base", "--profiles", dir.toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith("# base: abstract rendition (a base, not rendered) in profiles/base.yaml\n");
    }

    @Test
    void explainOfAShippedRenditionNamesTheBaseThatSetEachValue() {
        assertThat(run("profiles", "explain", "tiktok", "--profiles", CHECKOUT_PROFILES.toString())).isEqualTo(0);

        assertThat(out.toString())
                .startsWith("# tiktok: rendition in profiles/tiktok.yaml, extends vertical <- base\n")
                .containsPattern("\n  width: 1080 +# profiles/base\\.yaml:\\d+\n")
                .containsPattern("\n  loudnessLufs: -16 +# profiles/tiktok\\.yaml:\\d+\n")
                .containsPattern("\n  top: 250px +# profiles/tiktok\\.yaml:\\d+\n");
    }

    @Test
    void explainQuotesWhatYamlWouldReadDifferently() {
        assertThat(run("profiles", "explain", "standard", "--profiles", CHECKOUT_PROFILES.toString())).isEqualTo(0);

        assertThat(out.toString())
                .containsPattern("\n  text: \"\\{ACTION} — \\{player}\" +# graphics/standard\\.yaml:\\d+\n")
                .containsPattern("\n  textColor: \"#ffffff\" +# graphics/standard\\.yaml:\\d+\n")
                .containsPattern("\n  height: 4\\.5% +# graphics/standard\\.yaml:\\d+\n");
    }

    @Test
    void explainOfAnUnknownNameSuggestsTheOneMeant() {
        assertThat(run("profiles", "explain", "smal", "--profiles", dir.toString())).isEqualTo(2);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("error: no rendition or template named 'smal'; did you mean 'small'? "
                + "Known: base, small, plain");
    }

    @Test
    void explainOfAnInvalidSetListsItsProblems() throws IOException {
        write("graphics/plain.yaml", "templates: {}\n");

        assertThat(run("profiles", "explain", "small", "--profiles", dir.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("have problems", "plain.yaml:1:12: templates: expected at least one template");
    }

    @Test
    void theCommandsAreListedInTheHelp() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("profiles");

        out.getBuffer().setLength(0);
        assertThat(run("profiles")).isEqualTo(0);
        assertThat(out.toString()).contains("validate", "explain");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), content);
    }
}

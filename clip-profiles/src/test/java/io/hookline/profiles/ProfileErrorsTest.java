package io.hookline.profiles;

import static io.hookline.profiles.ProfileFiles.GRAPHICS;
import static io.hookline.profiles.ProfileFiles.GRAPHICS_FILE;
import static io.hookline.profiles.ProfileFiles.PROFILE;
import static io.hookline.profiles.ProfileFiles.PROFILE_FILE;
import static io.hookline.profiles.ProfileFiles.RULES;
import static io.hookline.profiles.ProfileFiles.RULES_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileErrorsTest {

    @TempDir
    Path dir;

    /** One edit to a valid file and every problem it must produce, exactly. */
    record Case(String name, String file, String from, String to, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> profileCases() {
        return Stream.of(
                profile(
                        "unknown key with a suggestion",
                        "      fps: 25\n",
                        "      fsp: 25\n",
                        "5:7: missing required key 'fps'",
                        "7:7: unknown key 'fsp'; did you mean 'fps'?"),
                profile(
                        "unknown key with no near match",
                        "    sizeCapMB: 16\n",
                        "    sizeCapMB: 16\n    colour: red\n",
                        "26:5: unknown key 'colour'; known keys: description, extends, abstract, graphics, video, audio, container, "
                                + "safeZone, duration, sizeCapMB"),
                profile("text for a number", "fps: 25", "fps: fast", "7:12: fps: expected a number, got 'fast'"),
                profile(
                        "nothing for a number",
                        "      fps: 25\n",
                        "      fps:\n",
                        "7:11: fps: expected a number, got an empty value"),
                profile(
                        "decimal for a whole number",
                        "crf: 23",
                        "crf: 23.5",
                        "14:12: crf: expected a whole number, got '23.5'"),
                profile(
                        "frame side too large",
                        "width: 1280",
                        "width: 5000",
                        "5:14: width: must be between 16 and 4096, got '5000'"),
                profile("odd frame side", "height: 720", "height: 721", "6:15: height: must be even, got '721'"),
                profile("fps too low", "fps: 25", "fps: 0", "7:12: fps: must be between 1 and 120, got '0'"),
                profile("crf too high", "crf: 23", "crf: 52", "14:12: crf: must be between 0 and 51, got '52'"),
                profile(
                        "zero GOP",
                        "gopSeconds: 2",
                        "gopSeconds: 0",
                        "12:19: gopSeconds: must be greater than 0 and at most 10, got '0'"),
                profile(
                        "GOP too long",
                        "gopSeconds: 2",
                        "gopSeconds: 12",
                        "12:19: gopSeconds: must be greater than 0 and at most 10, got '12'"),
                profile(
                        "odd sample rate",
                        "sampleRate: 48000",
                        "sampleRate: 44000",
                        "17:19: sampleRate: must be one of 8000, 16000, 22050, 24000, 32000, 44100, 48000, got '44000'"),
                profile(
                        "too many channels",
                        "channels: 2",
                        "channels: 6",
                        "18:17: channels: must be between 1 and 2, got '6'"),
                profile(
                        "zero audio bitrate",
                        "bitrateKbps: 96",
                        "bitrateKbps: 0",
                        "19:20: bitrateKbps: must be between 1 and 512, got '0'"),
                profile(
                        "zero video bitrate",
                        "maxBitrateKbps: 2500",
                        "maxBitrateKbps: 0",
                        "15:23: maxBitrateKbps: must be between 1 and 200000, got '0'"),
                profile("misspelt fit", "fit: pad", "fit: strech", "8:12: fit: must be one of crop, pad, got 'strech'"),
                profile(
                        "unsupported codec",
                        "codec: h264",
                        "codec: h265",
                        "9:14: codec: must be one of h264, got 'h265'"),
                profile(
                        "unknown H.264 profile",
                        "profile: main",
                        "profile: extended",
                        "10:16: profile: must be one of baseline, main, high, got 'extended'"),
                profile(
                        "unknown H.264 level",
                        "level: \"3.1\"",
                        "level: \"4.3\"",
                        "11:14: level: must be one of 1.0, 1b, 1.1, 1.2, 1.3, 2.0, 2.1, 2.2, 3.0, 3.1, 3.2, 4.0, 4.1, "
                                + "4.2, 5.0, 5.1, 5.2, 6.0, 6.1, 6.2, got '4.3'"),
                profile(
                        "unknown x264 preset",
                        "preset: veryfast",
                        "preset: turbo",
                        "13:15: preset: must be one of ultrafast, superfast, veryfast, faster, fast, medium, slow, "
                                + "slower, veryslow, got 'turbo'"),
                profile(
                        "missing key, reported at its map",
                        "      width: 1280\n",
                        "",
                        "5:7: missing required key 'width'"),
                profile(
                        "duplicate key",
                        "      fps: 25\n",
                        "      fps: 25\n      fps: 30\n",
                        "8:7: duplicate key 'fps'; first at line 7"),
                profile(
                        "minimum not below maximum",
                        "minSeconds: 1",
                        "minSeconds: 200",
                        "23:19: minSeconds: must be less than maxSeconds, got '200'"),
                profile(
                        "negative size cap",
                        "sizeCapMB: 16",
                        "sizeCapMB: -1",
                        "25:16: sizeCapMB: must be between 0 and 10000, got '-1'"),
                profile(
                        "value where a map belongs",
                        "    duration:\n      minSeconds: 1\n      maxSeconds: 180\n",
                        "    duration: 180\n",
                        "22:15: duration: expected a map, got '180'"),
                profile(
                        "rendition name that cannot be a file name",
                        "  test:",
                        "  Test_1:",
                        "2:3: rendition name 'Test_1' must be lower-case letters and digits in groups joined by '-'"),
                profile(
                        "no renditions",
                        PROFILE,
                        "renditions: {}\n",
                        "1:13: renditions: expected at least one rendition"),
                profile("a list at the top", PROFILE, "- test\n", "1:1: top level: expected a map, got a list"),
                profile(
                        "YAML syntax error",
                        "fps: 25",
                        "fps: 25: 30",
                        "7:14: YAML syntax error: mapping values are not allowed here"),
                profile(
                        "two documents",
                        PROFILE,
                        PROFILE + "---\nrenditions: {}\n",
                        "35:1: only one YAML document is allowed per file"),
                profile("empty file", PROFILE, "# nothing yet\n", "1:1: the file is empty"),
                profile(
                        "loudness target too low",
                        "loudnessLufs: -14",
                        "loudnessLufs: -40",
                        "20:21: loudnessLufs: must be between -30 and -5, got '-40'"),
                profile(
                        "true peak above 0 dBTP",
                        "truePeakDbtp: -1",
                        "truePeakDbtp: 1",
                        "21:21: truePeakDbtp: must be between -9 and 0, got '1'"),
                profile(
                        "following the action in a padded frame",
                        "      fit: pad\n",
                        "      fit: pad\n      reframe: follow-action\n",
                        "9:16: reframe: only a crop can follow the action; fit: pad shows the whole picture, "
                                + "got 'follow-action'"),
                profile(
                        "unknown reframe",
                        "      fit: pad\n",
                        "      fit: pad\n      reframe: left\n",
                        "9:16: reframe: must be one of center, follow-action, got 'left'"),
                profile(
                        "unknown graphics template",
                        "graphics: plain",
                        "graphics: plian",
                        "26:15: graphics: no template named 'plian' in graphics/*.yaml; did you mean 'plain'?"),
                profile(
                        "unsupported container",
                        "format: mp4",
                        "format: mkv",
                        "28:15: format: must be one of mp4, got 'mkv'"),
                profile(
                        "edit lists neither true nor false",
                        "editLists: false",
                        "editLists: sometimes",
                        "30:18: editLists: expected true or false, got 'sometimes'"),
                profile(
                        "container key missing",
                        "      editLists: false\n",
                        "",
                        "28:7: missing required key 'editLists'"),
                profile(
                        "safe zone without a unit",
                        "top: 10%",
                        "top: 10",
                        "32:12: top: expected a share of the frame such as 14% or pixels such as 250px, got '10'"),
                profile(
                        "safe zone with a negative margin",
                        "top: 10%",
                        "top: -10%",
                        "32:12: top: expected a share of the frame such as 14% or pixels such as 250px, got '-10%'"),
                profile(
                        "safe zone of half the frame",
                        "top: 10%",
                        "top: 50%",
                        "32:12: top: must be less than half the frame height (360px), got '50%'"),
                profile(
                        "safe zone in pixels beyond half the frame",
                        "bottom: 72px",
                        "bottom: 400px",
                        "33:15: bottom: must be less than half the frame height (360px), got '400px'"),
                profile(
                        "unknown safe zone side",
                        "top: 10%",
                        "up: 10%",
                        "32:7: unknown key 'up'; known keys: top, bottom, left, right"),
                profile(
                        "abstract that is not true or false",
                        "    description: A test rendition\n",
                        "    description: A test rendition\n    abstract: maybe\n",
                        "4:15: abstract: expected true or false, got 'maybe'"),
                profile(
                        "extends that is not a name",
                        "    description: A test rendition\n",
                        "    description: A test rendition\n    extends: {name: base}\n",
                        "4:14: extends: expected text, got a map"));
    }

    static Stream<Case> graphicsCases() {
        return Stream.of(
                graphics(
                        "unknown placeholder",
                        "{player}",
                        "{playr}",
                        "13:13: text: unknown placeholder '{playr}'; did you mean '{player}'? Known: {action}, {ACTION}, "
                                + "{player}, {team}, {score}, {home}, {away}, {period}, {clock}, got '{ACTION} — {playr}'"),
                graphics(
                        "unclosed placeholder",
                        "{player}",
                        "{player",
                        "13:13: text: '{' without a '}' after it, got '{ACTION} — {player'"),
                graphics(
                        "missing branding image",
                        "image: graphics/logo.png",
                        "image: graphics/sponsor.png",
                        "18:14: image: no such file in the profile set, got 'graphics/sponsor.png'"),
                graphics(
                        "image outside the profile set",
                        "image: graphics/logo.png",
                        "image: ../logo.png",
                        "18:14: image: must be a path inside the profile set, such as graphics/logo.png, got '../logo.png'"),
                graphics(
                        "image that is not a picture",
                        "image: graphics/logo.png",
                        "image: graphics/test.yaml",
                        "18:14: image: must be a PNG or JPEG image, got 'graphics/test.yaml'"),
                graphics(
                        "short colour",
                        "textColor: \"#ffffff\"\n      backgroundColor: \"#000000aa\"\n    lowerThird",
                        "textColor: \"#fff\"\n      backgroundColor: \"#000000aa\"\n    lowerThird",
                        "7:18: textColor: expected a colour as #rrggbb or #rrggbbaa, got '#fff'"),
                graphics(
                        "unknown anchor",
                        "anchor: top-left",
                        "anchor: top-middle",
                        "4:15: anchor: must be one of top-left, top-center, top-right, center-left, center, "
                                + "center-right, bottom-left, bottom-center, bottom-right, got 'top-middle'"),
                graphics(
                        "height in pixels",
                        "      height: 5%\n      font",
                        "      height: 50px\n      font",
                        "5:15: height: expected a share of the frame height such as 5%; pixels do not scale to the "
                                + "different frames a template is drawn on, got '50px'"),
                graphics(
                        "height over half the frame",
                        "      height: 5%\n      font",
                        "      height: 60%\n      font",
                        "5:15: height: must be more than 0% and at most 50% of the frame height, got '60%'"),
                graphics(
                        "opacity above 1",
                        "opacity: 0.8",
                        "opacity: 1.5",
                        "21:16: opacity: must be between 0 and 1, got '1.5'"),
                graphics(
                        "element key missing",
                        "      font: DejaVu Sans\n",
                        "",
                        "4:7: missing required key 'font'",
                        "9:7: missing required key 'font'"),
                graphics(
                        "unknown element",
                        "    branding:",
                        "    sponsor:",
                        "17:5: unknown key 'sponsor'; known keys: extends, scoreBug, lowerThird, branding, caption, "
                                + "intro, outro"),
                graphics(
                        "template name that cannot be referred to",
                        "  plain:",
                        "  Plain:",
                        "PROFILE 26:15: graphics: no template named 'plain' in graphics/*.yaml; did you mean 'Plain'?",
                        "2:3: template name 'Plain' must be lower-case letters and digits in groups joined by '-'"));
    }

    static Stream<Case> rulesCases() {
        return Stream.of(
                rules(
                        "misspelt event type",
                        "  GOAL:",
                        "  GAOL:",
                        "6:3: unknown event type 'GAOL'; did you mean 'GOAL'? Known types: " + EventType.names()),
                rules(
                        "event type from another vocabulary",
                        "  FOUL:",
                        "  HANDBALL:",
                        "7:3: unknown event type 'HANDBALL'. Known types: " + EventType.names()),
                rules(
                        "weight above 1",
                        "weight: 1.0",
                        "weight: 1.5",
                        "6:30: weight: must be between 0 and 1, got '1.5'"),
                rules(
                        "clip without rolls",
                        ", preRollSeconds: 8, postRollSeconds: 5}",
                        "}",
                        "6:9: missing required key 'preRollSeconds'",
                        "6:9: missing required key 'postRollSeconds'"),
                rules(
                        "clip that is not true or false",
                        "clip: true",
                        "clip: maybe",
                        "6:16: clip: expected true or false, got 'maybe'"),
                rules(
                        "roll too long",
                        "preRollSeconds: 8",
                        "preRollSeconds: 121",
                        "6:51: preRollSeconds: must be between 0 and 120, got '121'"),
                rules(
                        "hook too short",
                        "hookSeconds: 1.5",
                        "hookSeconds: 0.1",
                        "2:14: hookSeconds: must be between 0.2 and 10, got '0.1'"),
                rules(
                        "misspelt top-level key",
                        "events:",
                        "evnts:",
                        "1:1: missing required key 'events'",
                        "5:1: unknown key 'evnts'; did you mean 'events'?"),
                rules(
                        "unclosed flow map",
                        "{weight: 0.1}",
                        "{weight: 0.1",
                        "8:1: YAML syntax error: expected ',' or '}', but got <stream end> "
                                + "(while parsing a flow mapping at 7:9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"profileCases", "rulesCases", "graphicsCases"})
    void eachMistakeIsReportedWithItsPosition(Case c) throws IOException {
        String valid = switch (c.file()) {
            case RULES_FILE -> RULES;
            case GRAPHICS_FILE -> GRAPHICS;
            default -> PROFILE;
        };
        assertThat(valid).as("the case's edit applies to the valid file").contains(c.from());
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, c.file(), valid.replace(c.from(), c.to()));

        assertThat(problems()).containsExactlyElementsOf(c.problems());
    }

    @Test
    void theUneditedFilesAreValid() throws IOException {
        ProfileFiles.writeValid(dir);

        assertThatCode(() -> ProfileLoader.load(dir)).doesNotThrowAnyException();
    }

    @Test
    void missingRulesFile() throws IOException {
        ProfileFiles.writeValid(dir);
        Files.delete(dir.resolve(RULES_FILE));

        assertThat(problems()).containsExactly("rules/highlights.yaml:0:0: file not found");
    }

    @Test
    void emptyProfilesDirectory() throws IOException {
        ProfileFiles.write(dir, RULES_FILE, RULES);
        ProfileFiles.write(dir, "profiles/notes.txt", "only *.yaml files are profiles");

        assertThat(problems()).containsExactly("profiles/:0:0: no profile files (*.yaml); at least one is needed");
    }

    @Test
    void renditionNamesAreUniqueAcrossFiles() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(dir, "profiles/a.yaml", PROFILE);
        ProfileFiles.write(dir, "profiles/b.yaml", PROFILE);
        Files.delete(dir.resolve(PROFILE_FILE));

        assertThat(problems())
                .containsExactly(
                        "profiles/b.yaml:2:3: duplicate rendition 'test'; already defined at profiles/a.yaml:2:3");
    }

    @Test
    void everyProblemInEveryFileIsReportedTogether() throws IOException {
        ProfileFiles.writeValid(dir);
        ProfileFiles.write(
                dir,
                RULES_FILE,
                RULES.replace("weight: 1.0", "weight: 1.5").replace("hookSeconds: 1.5", "hookSeconds: 0"));
        // The duplicate is found while parsing, before the mistakes above it: the report is still in line order.
        ProfileFiles.write(
                dir,
                PROFILE_FILE,
                PROFILE.replace("fit: pad", "fit: strech")
                        .replace("fps: 25", "fps: fast")
                        .replace("    sizeCapMB: 16\n", "    sizeCapMB: 16\n    sizeCapMB: 16\n"));

        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.load(dir));

        List<String> expected = List.of(
                "rules/highlights.yaml:2:14: hookSeconds: must be between 0.2 and 10, got '0'",
                "rules/highlights.yaml:6:30: weight: must be between 0 and 1, got '1.5'",
                "profiles/test.yaml:7:12: fps: expected a number, got 'fast'",
                "profiles/test.yaml:8:12: fit: must be one of crop, pad, got 'strech'",
                "profiles/test.yaml:26:5: duplicate key 'sizeCapMB'; first at line 25");
        assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected);
        assertThat(e.getMessage().lines().skip(1)).containsExactlyElementsOf(expected);
    }

    private List<String> problems() {
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.load(dir));
        assertThat(e).as("loading must fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static Case profile(String name, String from, String to, String... problems) {
        return new Case(
                name,
                PROFILE_FILE,
                from,
                to,
                Stream.of(problems).map(p -> PROFILE_FILE + ":" + p).toList());
    }

    /** A case editing the graphics file; a problem starting "PROFILE " is expected in the profile file. */
    private static Case graphics(String name, String from, String to, String... problems) {
        return new Case(
                name,
                GRAPHICS_FILE,
                from,
                to,
                Stream.of(problems)
                        .map(p -> p.startsWith("PROFILE ")
                                ? PROFILE_FILE + ":" + p.substring(8)
                                : GRAPHICS_FILE + ":" + p)
                        .toList());
    }

    private static Case rules(String name, String from, String to, String... problems) {
        return new Case(
                name,
                RULES_FILE,
                from,
                to,
                Stream.of(problems).map(p -> RULES_FILE + ":" + p).toList());
    }
}

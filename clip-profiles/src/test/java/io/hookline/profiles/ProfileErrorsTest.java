package io.hookline.profiles;

import static io.hookline.profiles.ProfileFiles.PROFILE;
import static io.hookline.profiles.ProfileFiles.RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileErrorsTest {

    private static final String RULES_FILE = "rules/highlights.yaml";
    private static final String PROFILE_FILE = "profiles/test.yaml";

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
                profile("unknown key with a suggestion", "      fps: 25\n", "      fsp: 25\n",
                        "5:7: missing required key 'fps'",
                        "7:7: unknown key 'fsp'; did you mean 'fps'?"),
                profile("unknown key with no near match", "    sizeCapMB: 16\n", "    sizeCapMB: 16\n    colour: red\n",
                        "24:5: unknown key 'colour'; known keys: description, video, audio, duration, sizeCapMB"),
                profile("text for a number", "fps: 25", "fps: fast",
                        "7:12: fps: expected a number, got 'fast'"),
                profile("nothing for a number", "      fps: 25\n", "      fps:\n",
                        "7:11: fps: expected a number, got an empty value"),
                profile("decimal for a whole number", "crf: 23", "crf: 23.5",
                        "14:12: crf: expected a whole number, got '23.5'"),
                profile("frame side too large", "width: 1280", "width: 5000",
                        "5:14: width: must be between 16 and 4096, got '5000'"),
                profile("odd frame side", "height: 720", "height: 721",
                        "6:15: height: must be even, got '721'"),
                profile("fps too low", "fps: 25", "fps: 0",
                        "7:12: fps: must be between 1 and 120, got '0'"),
                profile("crf too high", "crf: 23", "crf: 52",
                        "14:12: crf: must be between 0 and 51, got '52'"),
                profile("zero GOP", "gopSeconds: 2", "gopSeconds: 0",
                        "12:19: gopSeconds: must be greater than 0 and at most 10, got '0'"),
                profile("GOP too long", "gopSeconds: 2", "gopSeconds: 12",
                        "12:19: gopSeconds: must be greater than 0 and at most 10, got '12'"),
                profile("odd sample rate", "sampleRate: 48000", "sampleRate: 44000",
                        "17:19: sampleRate: must be one of 8000, 16000, 22050, 24000, 32000, 44100, 48000, got '44000'"),
                profile("too many channels", "channels: 2", "channels: 6",
                        "18:17: channels: must be between 1 and 2, got '6'"),
                profile("zero audio bitrate", "bitrateKbps: 96", "bitrateKbps: 0",
                        "19:20: bitrateKbps: must be between 1 and 512, got '0'"),
                profile("zero video bitrate", "maxBitrateKbps: 2500", "maxBitrateKbps: 0",
                        "15:23: maxBitrateKbps: must be between 1 and 200000, got '0'"),
                profile("misspelt fit", "fit: pad", "fit: strech",
                        "8:12: fit: must be one of crop, pad, got 'strech'"),
                profile("unsupported codec", "codec: h264", "codec: h265",
                        "9:14: codec: must be one of h264, got 'h265'"),
                profile("unknown H.264 profile", "profile: main", "profile: extended",
                        "10:16: profile: must be one of baseline, main, high, got 'extended'"),
                profile("unknown H.264 level", "level: \"3.1\"", "level: \"4.3\"",
                        "11:14: level: must be one of 1.0, 1b, 1.1, 1.2, 1.3, 2.0, 2.1, 2.2, 3.0, 3.1, 3.2, 4.0, 4.1, "
                                + "4.2, 5.0, 5.1, 5.2, 6.0, 6.1, 6.2, got '4.3'"),
                profile("unknown x264 preset", "preset: veryfast", "preset: turbo",
                        "13:15: preset: must be one of ultrafast, superfast, veryfast, faster, fast, medium, slow, "
                                + "slower, veryslow, got 'turbo'"),
                profile("missing key, reported at its map", "      width: 1280\n", "",
                        "5:7: missing required key 'width'"),
                profile("duplicate key", "      fps: 25\n", "      fps: 25\n      fps: 30\n",
                        "8:7: duplicate key 'fps'; first at line 7"),
                profile("minimum not below maximum", "minSeconds: 1", "minSeconds: 200",
                        "21:19: minSeconds: must be less than maxSeconds, got '200'"),
                profile("negative size cap", "sizeCapMB: 16", "sizeCapMB: -1",
                        "23:16: sizeCapMB: must be between 0 and 10000, got '-1'"),
                profile("value where a map belongs", "    duration:\n      minSeconds: 1\n      maxSeconds: 180\n",
                        "    duration: 180\n",
                        "20:15: duration: expected a map, got '180'"),
                profile("rendition name that cannot be a file name", "  test:", "  Test_1:",
                        "2:3: rendition name 'Test_1' must be lower-case letters and digits in groups joined by '-'"),
                profile("no renditions", PROFILE, "renditions: {}\n",
                        "1:13: renditions: expected at least one rendition"),
                profile("a list at the top", PROFILE, "- test\n",
                        "1:1: top level: expected a map, got a list"),
                profile("YAML syntax error", "fps: 25", "fps: 25: 30",
                        "7:14: YAML syntax error: mapping values are not allowed here"),
                profile("two documents", "sizeCapMB: 16\n", "sizeCapMB: 16\n---\nrenditions: {}\n",
                        "25:1: only one YAML document is allowed per file"),
                profile("empty file", PROFILE, "# nothing yet\n",
                        "1:1: the file is empty"));
    }

    static Stream<Case> rulesCases() {
        return Stream.of(
                rules("misspelt event type", "  GOAL:", "  GAOL:",
                        "6:3: unknown event type 'GAOL'; did you mean 'GOAL'? Known types: " + EventType.names()),
                rules("event type from another vocabulary", "  FOUL:", "  HANDBALL:",
                        "7:3: unknown event type 'HANDBALL'. Known types: " + EventType.names()),
                rules("weight above 1", "weight: 1.0", "weight: 1.5",
                        "6:30: weight: must be between 0 and 1, got '1.5'"),
                rules("clip without rolls", ", preRollSeconds: 8, postRollSeconds: 5}", "}",
                        "6:9: missing required key 'preRollSeconds'",
                        "6:9: missing required key 'postRollSeconds'"),
                rules("clip that is not true or false", "clip: true", "clip: maybe",
                        "6:16: clip: expected true or false, got 'maybe'"),
                rules("roll too long", "preRollSeconds: 8", "preRollSeconds: 121",
                        "6:51: preRollSeconds: must be between 0 and 120, got '121'"),
                rules("hook too short", "hookSeconds: 1.5", "hookSeconds: 0.1",
                        "2:14: hookSeconds: must be between 0.2 and 10, got '0.1'"),
                rules("misspelt top-level key", "events:", "evnts:",
                        "1:1: missing required key 'events'",
                        "5:1: unknown key 'evnts'; did you mean 'events'?"),
                rules("unclosed flow map", "{weight: 0.1}", "{weight: 0.1",
                        "8:1: YAML syntax error: expected ',' or '}', but got <stream end> "
                                + "(while parsing a flow mapping at 7:9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"profileCases", "rulesCases"})
    void eachMistakeIsReportedWithItsPosition(Case c) throws IOException {
        String valid = c.file().equals(RULES_FILE) ? RULES : PROFILE;
        assertThat(valid).as("the case's edit applies to the valid file").contains(c.from());
        ProfileFiles.write(dir, RULES_FILE, RULES);
        ProfileFiles.write(dir, PROFILE_FILE, PROFILE);
        ProfileFiles.write(dir, c.file(), valid.replace(c.from(), c.to()));

        assertThat(problems()).containsExactlyElementsOf(c.problems());
    }

    @Test
    void theUneditedFilesAreValid() throws IOException {
        ProfileFiles.write(dir, RULES_FILE, RULES);
        ProfileFiles.write(dir, PROFILE_FILE, PROFILE);

        assertThatCode(() -> ProfileLoader.load(dir)).doesNotThrowAnyException();
    }

    @Test
    void missingRulesFile() throws IOException {
        ProfileFiles.write(dir, PROFILE_FILE, PROFILE);

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
        ProfileFiles.write(dir, RULES_FILE, RULES);
        ProfileFiles.write(dir, "profiles/a.yaml", PROFILE);
        ProfileFiles.write(dir, "profiles/b.yaml", PROFILE);

        assertThat(problems())
                .containsExactly("profiles/b.yaml:2:3: duplicate rendition 'test'; already defined at profiles/a.yaml:2:3");
    }

    @Test
    void everyProblemInEveryFileIsReportedTogether() throws IOException {
        ProfileFiles.write(dir, RULES_FILE, RULES.replace("weight: 1.0", "weight: 1.5").replace("hookSeconds: 1.5", "hookSeconds: 0"));
        // The duplicate is found while parsing, before the mistakes above it: the report is still in line order.
        ProfileFiles.write(dir, PROFILE_FILE, PROFILE.replace("fit: pad", "fit: strech").replace("fps: 25", "fps: fast")
                .replace("    sizeCapMB: 16\n", "    sizeCapMB: 16\n    sizeCapMB: 16\n"));

        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.load(dir));

        List<String> expected = List.of(
                "rules/highlights.yaml:2:14: hookSeconds: must be between 0.2 and 10, got '0'",
                "rules/highlights.yaml:6:30: weight: must be between 0 and 1, got '1.5'",
                "profiles/test.yaml:7:12: fps: expected a number, got 'fast'",
                "profiles/test.yaml:8:12: fit: must be one of crop, pad, got 'strech'",
                "profiles/test.yaml:24:5: duplicate key 'sizeCapMB'; first at line 23");
        assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected);
        assertThat(e.getMessage().lines().skip(1)).containsExactlyElementsOf(expected);
    }

    private List<String> problems() {
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.load(dir));
        assertThat(e).as("loading must fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static Case profile(String name, String from, String to, String... problems) {
        return new Case(name, PROFILE_FILE, from, to, Stream.of(problems).map(p -> PROFILE_FILE + ":" + p).toList());
    }

    private static Case rules(String name, String from, String to, String... problems) {
        return new Case(name, RULES_FILE, from, to, Stream.of(problems).map(p -> RULES_FILE + ":" + p).toList());
    }
}

package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.profiles.Setting.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InheritanceTest {

    private static final String BASE = """
            renditions:
              base:
                abstract: true
                description: shared settings
                graphics: plain
                video:
                  width: 1280
                  height: 720
                  fps: 25
                  fit: crop
                  codec: h264
                  profile: main
                  level: "3.1"
                  gopSeconds: 2
                  preset: veryfast
                  crf: 23
                  maxBitrateKbps: 2500
                audio:
                  sampleRate: 48000
                  channels: 2
                  bitrateKbps: 96
                  loudnessLufs: -14
                  truePeakDbtp: -1
                container: {format: mp4, moovFirst: true, editLists: true}
                safeZone:
                  bottom: 300px
                duration: {minSeconds: 1, maxSeconds: 60}
            """;

    private static final String CHILD = """
            renditions:
              child:
                extends: base
                description: a child
                video:
                  fps: 50
                audio:
                  channels: 1
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void validSet() throws IOException {
        ProfileFiles.writeValid(dir);
        Files.delete(dir.resolve(ProfileFiles.PROFILE_FILE));
        ProfileFiles.write(dir, "profiles/base.yaml", BASE);
        ProfileFiles.write(dir, "profiles/child.yaml", CHILD);
    }

    @Test
    void aChildKeepsItsBasesKeysAndOverridesItsOwnMapByMap() throws ProfileException {
        RenditionProfile child = ProfileLoader.load(dir).rendition("child");

        assertThat(child.file()).isEqualTo("profiles/child.yaml");
        assertThat(child.description()).isEqualTo("a child");
        assertThat(child.video().fps()).isEqualTo(50);
        assertThat(child.video().width()).isEqualTo(1280);
        assertThat(child.video().level()).isEqualTo("3.1");
        assertThat(child.audio()).isEqualTo(new AudioSpec(48000, 1, 96, -14, -1));
        assertThat(child.graphics()).isEqualTo("plain");
        assertThat(child.safeZone()).isEqualTo(new SafeZone(0, 300.0 / 720, 0, 0));
    }

    @Test
    void anAbstractBaseIsNotRenderedAndItsChildIsNotAbstract() throws ProfileException {
        assertThat(ProfileLoader.load(dir).renditionNames()).containsExactly("child");
    }

    @Test
    void anAbstractBaseNeedNotBeComplete() throws IOException, ProfileException {
        ProfileFiles.write(dir, "profiles/base.yaml", BASE.replace("      width: 1280\n", ""));
        ProfileFiles.write(
                dir, "profiles/child.yaml", CHILD.replace("      fps: 50\n", "      fps: 50\n      width: 640\n"));

        assertThat(ProfileLoader.load(dir).rendition("child").video().width()).isEqualTo(640);
    }

    @Test
    void aKeyMissingAfterMergingIsReportedAtTheChildsMap() throws IOException {
        ProfileFiles.write(dir, "profiles/base.yaml", BASE.replace("      width: 1280\n", ""));

        assertThat(problems()).containsExactly("profiles/child.yaml:6:7: missing required key 'width'");
    }

    @Test
    void aChainResolvesThroughEveryBase() throws IOException, ProfileException {
        ProfileFiles.write(dir, "profiles/grandchild.yaml", """
                renditions:
                  grandchild:
                    extends: child
                    description: a grandchild
                    audio:
                      bitrateKbps: 64
                """);

        ProfileSet set = ProfileLoader.load(dir);

        assertThat(set.renditionNames()).containsExactly("child", "grandchild");
        assertThat(set.rendition("grandchild").audio()).isEqualTo(new AudioSpec(48000, 1, 64, -14, -1));
        assertThat(set.rendition("grandchild").video().fps()).isEqualTo(50);
        assertThat(explanation("grandchild").bases()).containsExactly("child", "base");
    }

    @Test
    void anUnknownBaseIsReportedWithTheNameMeant() throws IOException {
        ProfileFiles.write(dir, "profiles/child.yaml", CHILD.replace("extends: base", "extends: bsae"));

        // Nothing else: the child's own keys are checked, but not for completeness.
        assertThat(problems())
                .containsExactly("profiles/child.yaml:3:14: extends: unknown rendition 'bsae'; did you mean 'base'?");
    }

    @Test
    void aCycleIsReportedAtEachMember() throws IOException {
        ProfileFiles.write(dir, "profiles/cycle.yaml", """
                renditions:
                  a:
                    extends: b
                    description: one
                  b:
                    extends: a
                    description: two
                  c:
                    extends: c
                    description: three
                """);

        assertThat(problems())
                .containsExactly(
                        "profiles/cycle.yaml:3:14: extends: 'a' inherits from itself: a -> b -> a",
                        "profiles/cycle.yaml:6:14: extends: 'b' inherits from itself: b -> a -> b",
                        "profiles/cycle.yaml:9:14: extends: 'c' inherits from itself: c -> c");
    }

    @Test
    void aBadValueInABaseIsReportedOnceAtItsOwnLine() throws IOException {
        ProfileFiles.write(dir, "profiles/base.yaml", BASE.replace("crf: 23", "crf: 99"));
        ProfileFiles.write(dir, "profiles/sibling.yaml", CHILD.replace("child", "sibling"));

        assertThat(problems()).containsExactly("profiles/base.yaml:16:12: crf: must be between 0 and 51, got '99'");
    }

    @Test
    void anInheritedValueThatOnlyAChildBreaksNamesTheChild() throws IOException {
        // 300 px is fine on the base's 720-pixel frame but not on the child's 480.
        ProfileFiles.write(
                dir, "profiles/child.yaml", CHILD.replace("      fps: 50\n", "      fps: 50\n      height: 480\n"));

        assertThat(problems())
                .containsExactly("profiles/base.yaml:26:15: bottom: must be less than half the frame "
                        + "height (240px), got '300px' (inherited by 'child')");
    }

    @Test
    void anUnknownKeyInABaseIsReportedOnce() throws IOException {
        ProfileFiles.write(
                dir, "profiles/base.yaml", BASE.replace("      fps: 25\n", "      fps: 25\n      fsp: 25\n"));

        assertThat(problems()).containsExactly("profiles/base.yaml:10:7: unknown key 'fsp'; did you mean 'fps'?");
    }

    @Test
    void explainShowsWhereEachEffectiveValueCameFrom() throws ProfileException {
        Explanation child = explanation("child");

        assertThat(child.kind()).isEqualTo(Explanation.Kind.RENDITION);
        assertThat(child.abstractProfile()).isFalse();
        assertThat(child.file()).isEqualTo("profiles/child.yaml");
        assertThat(child.bases()).containsExactly("base");
        assertThat(child.settings())
                .contains(
                        new Setting("extends", "base", Origin.WRITTEN, "profiles/child.yaml", 3),
                        new Setting("graphics", "plain", Origin.WRITTEN, "profiles/base.yaml", 5),
                        new Setting("video", null, Origin.WRITTEN, "profiles/child.yaml", 6),
                        new Setting("video.width", "1280", Origin.WRITTEN, "profiles/base.yaml", 7),
                        new Setting("video.fps", "50", Origin.WRITTEN, "profiles/child.yaml", 6),
                        new Setting("video.reframe", "follow-action", Origin.DEFAULT, null, 0),
                        new Setting("safeZone.top", "0%", Origin.DEFAULT, null, 0),
                        new Setting("safeZone.bottom", "300px", Origin.WRITTEN, "profiles/base.yaml", 26),
                        new Setting("sizeCapMB", "0", Origin.DEFAULT, null, 0));
        // In the order the loader reads them, so every rendition reads alike.
        assertThat(child.settings())
                .extracting(Setting::path)
                .startsWith(
                        "description",
                        "extends",
                        "abstract",
                        "graphics",
                        "video",
                        "video.width",
                        "video.height",
                        "video.fps");
    }

    @Test
    void explainCoversAbstractBasesAndTemplates() throws ProfileException {
        Explanation base = explanation("base");
        Explanation plain = explanation("plain");

        assertThat(base.abstractProfile()).isTrue();
        assertThat(base.bases()).isEmpty();
        assertThat(plain.kind()).isEqualTo(Explanation.Kind.TEMPLATE);
        assertThat(plain.settings())
                .contains(
                        new Setting("scoreBug.enabled", "true", Origin.DEFAULT, null, 0),
                        new Setting("scoreBug.height", "5%", Origin.WRITTEN, ProfileFiles.GRAPHICS_FILE, 5),
                        new Setting("caption", null, Origin.UNSET, null, 0));
    }

    @Test
    void aTemplateInheritsElementsAndCanSwitchThemOff() throws IOException, ProfileException {
        ProfileFiles.write(dir, "graphics/more.yaml", """
                templates:
                  quiet:
                    extends: plain
                    scoreBug:
                      height: 3%
                    lowerThird:
                      enabled: false
                """);

        ProfileSet set = ProfileLoader.load(dir);
        GraphicsTemplate plain = set.template("plain");
        GraphicsTemplate quiet = set.template("quiet");

        assertThat(quiet.scoreBug())
                .isEqualTo(new GraphicsTemplate.ScoreBug(
                        Anchor.TOP_LEFT, 0.03, plain.scoreBug().style()));
        assertThat(quiet.lowerThird()).isNull();
        assertThat(quiet.branding()).isEqualTo(plain.branding());
        assertThat(explanation("quiet").bases()).containsExactly("plain");
    }

    @Test
    void aSwitchedOffElementNeedsNoOtherKeys() throws IOException, ProfileException {
        ProfileFiles.write(dir, "graphics/more.yaml", """
                templates:
                  bare:
                    caption:
                      enabled: false
                    intro:
                      enabled: false
                      text: "{home}"
                """);

        GraphicsTemplate bare = ProfileLoader.load(dir).template("bare");

        assertThat(bare)
                .isEqualTo(new GraphicsTemplate("bare", "graphics/more.yaml", null, null, null, null, null, null));
    }

    @Test
    void aSwitchedOffElementStillHasItsValuesChecked() throws IOException {
        ProfileFiles.write(dir, "graphics/more.yaml", """
                templates:
                  bare:
                    intro:
                      enabled: false
                      text: "{hometeam}"
                """);

        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("graphics/more.yaml:5:13: text: unknown placeholder '{hometeam}'");
    }

    @Test
    void anUnknownBaseTemplateIsReported() throws IOException {
        ProfileFiles.write(dir, "graphics/more.yaml", """
                templates:
                  quiet:
                    extends: plane
                """);

        assertThat(problems())
                .containsExactly("graphics/more.yaml:3:14: extends: unknown template 'plane'; did you mean 'plain'?");
    }

    private Explanation explanation(String name) throws ProfileException {
        return ProfileLoader.explain(dir).stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<String> problems() {
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> ProfileLoader.load(dir));
        assertThat(e).as("loading must fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }
}

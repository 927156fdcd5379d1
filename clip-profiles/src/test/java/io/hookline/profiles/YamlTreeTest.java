package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.profiles.YamlNode.Entry;
import io.hookline.profiles.YamlNode.Kind;
import io.hookline.profiles.YamlNode.ListNode;
import io.hookline.profiles.YamlNode.Location;
import io.hookline.profiles.YamlNode.MapNode;
import io.hookline.profiles.YamlNode.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void keysAndValuesKnowTheirOneBasedPositions() {
        MapNode root = (MapNode) parse("video:\n  fps: 50\n  fit: [crop, pad]\n");
        MapNode video = (MapNode) root.get("video").orElseThrow();
        Entry fps = video.entries().get(0);

        assertThat(root.entries().get(0).key().location()).isEqualTo(new Location("f.yaml", 1, 1));
        assertThat(fps.key().location()).isEqualTo(new Location("f.yaml", 2, 3));
        assertThat(fps.value()).isEqualTo(new Scalar(new Location("f.yaml", 2, 8), "50", Kind.TEXT));
        assertThat(((ListNode) video.get("fit").orElseThrow()).items().get(1).location())
                .isEqualTo(new Location("f.yaml", 3, 15));
        assertThat(problems).isEmpty();
    }

    @Test
    void scalarsKeepTheirTextAndKind() {
        MapNode root = (MapNode) parse("a: \"4.0\"\nb: 4.0\nc: yes\nd: false\ne: ~\nf:\n");

        assertThat(root.entries())
                .extracting(e -> ((Scalar) e.value()).text(), e -> ((Scalar) e.value()).kind())
                .containsExactly(
                        tuple("4.0", Kind.TEXT),
                        tuple("4.0", Kind.TEXT),
                        tuple("yes", Kind.TRUE),
                        tuple("false", Kind.FALSE),
                        tuple("", Kind.EMPTY),
                        tuple("", Kind.EMPTY));
    }

    @Test
    void anAliasIsTheNodeItsAnchorMarked() {
        MapNode root = (MapNode) parse("stereo: &stereo {sampleRate: 48000, channels: 2}\ncopy: *stereo\n");

        assertThat(root.get("copy")).containsSame(root.get("stereo").orElseThrow());
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownAliasIsReported() {
        parse("copy: *stereo\n");

        assertThat(problems).map(Problem::toString).containsExactly("f.yaml:1:7: unknown alias '*stereo'");
    }

    @Test
    void aDuplicateKeyIsReportedAndTheFirstKept() {
        MapNode root = (MapNode) parse("fps: 25\nfps: 30\n");

        assertThat(root.entries()).hasSize(1);
        assertThat(((Scalar) root.get("fps").orElseThrow()).text()).isEqualTo("25");
        assertThat(problems).map(Problem::toString).containsExactly("f.yaml:2:1: duplicate key 'fps'; first at line 1");
    }

    @Test
    void aSyntaxErrorPointsWhereTheTextWentWrongNotAtTheLastGoodToken() {
        YamlTree.parse("f.yaml", "video:\n\tfps: 50\n".getBytes(StandardCharsets.UTF_8), problems);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.message()).startsWith("YAML syntax error: found character '\\t(TAB)'");
        });
    }

    private YamlNode parse(String yaml) {
        return YamlTree.parse("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems)
                .orElseThrow();
    }
}

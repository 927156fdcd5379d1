package io.hookline.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.model.MatchEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchDescriptorTest {

    @Test
    void aDescriptorTravelsAsAMatchStartEventAndBack() throws Exception {
        MatchDescriptor d = read("""
                matchId: 0021500001
                title: Pistons at Hawks
                homeTeam: Atlanta Hawks
                awayTeam: Detroit Pistons
                """);

        assertThat(d)
                .isEqualTo(new MatchDescriptor("0021500001", "Pistons at Hawks", "Atlanta Hawks", "Detroit Pistons"));
        MatchEvent start = d.event();
        assertThat(start.getType()).isEqualTo("MATCH_START");
        assertThat(start.getVideoTimeMs()).isZero();
        assertThat(MatchDescriptor.is(start)).isTrue();
        assertThat(MatchDescriptor.of(start)).isEqualTo(d);
    }

    @Test
    void aDescriptorNamesItsMatchsOwnVideo() throws Exception {
        MatchDescriptor d = read("""
                matchId: m1
                video: s3://media/m1/live.m3u8
                """);

        assertThat(d.video()).isEqualTo("s3://media/m1/live.m3u8");
        assertThat(d.event().getAttributes()).containsEntry(MatchDescriptor.VIDEO, "s3://media/m1/live.m3u8");
        assertThat(MatchDescriptor.of(d.event())).isEqualTo(d);
    }

    @Test
    void jsonIsReadToo() throws Exception {
        assertThat(read("{\"matchId\": \"m1\", \"awayTeam\": \"Harbour\"}"))
                .isEqualTo(new MatchDescriptor("m1", null, null, "Harbour"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "title: Derby                     | match.yaml:1:1: missing required key 'matchId'",
                "matchId: m1\\nhometeam: Riverside | match.yaml:2:1: unknown key 'hometeam'; did you mean 'homeTeam'?",
                "matchId: m1\\nhomeTeam:           | match.yaml:2:10: homeTeam is empty",
                "matchId: [m1]                     | match.yaml:1:10: matchId: expected a single value",
                "- m1                              | match.yaml:1:1: expected keys and values (matchId: ..., homeTeam: ...)",
                "matchId: 'm1                      | match.yaml:1:13: YAML syntax error: found unexpected end of stream"
            })
    void aBadDescriptorIsNamedWithItsPlace(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(SyncException.class)
                .hasMessage(message);
    }

    private static MatchDescriptor read(String yaml) throws SyncException {
        return MatchDescriptor.read("match.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}

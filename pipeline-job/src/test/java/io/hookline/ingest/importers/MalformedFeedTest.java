package io.hookline.ingest.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testing.Imports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds that are not what their format says: a fatal error naming the file and line, or a dropped row. */
class MalformedFeedTest {
    private static final String SOCCER_SYNC = "matchId: \"15986\"\nclock: running\nperiods: {1: 0, 2: 3600}\n";

    @TempDir
    Path dir;

    @Test
    void aMetricaCsvWithoutItsTimeColumnIsRefused() throws Exception {
        Path csv = write("game.csv", "Team,Type,Subtype,Period,Start Frame,Start Time,From,Start X,Start Y\n");
        assertThatThrownBy(() -> new MetricaImporter().read(List.of(csv), Imports.sync(SOCCER_SYNC)))
                .isInstanceOf(ImportException.class)
                .hasMessage(
                        "game.csv:1: wrong columns: missing Start Time [s]; the header has Team,Type,Subtype,Period,"
                                + "Start Frame,Start Time,From,Start X,Start Y");
    }

    @Test
    void aMetricaRowWithABadTimeIsDroppedAsBroken() throws Exception {
        Path csv = write("game.csv", """
                Team,Type,Subtype,Period,Start Frame,Start Time [s],From,Start X,Start Y
                Home,SET PIECE,KICK OFF,1,1,0.04,Player19,NaN,NaN
                Home,SHOT,ON TARGET-GOAL,1,2289,nine,Player9,0.92,0.47
                Home,SHOT,ON TARGET-GOAL,1,2289,91.56,Player9,0.92,0.47
                """);
        ImportResult r = new MetricaImporter().read(List.of(csv), Imports.sync(SOCCER_SYNC));
        assertThat(r.dropped())
                .containsExactly(new DroppedRow("game.csv:3", "bad time in Start Time [s]", "'nine'", true));
        assertThat(Imports.ofType(r, "GOAL")).singleElement().satisfies(g -> {
            assertThat(g.getVideoTimeMs()).isEqualTo(91_520);
            assertThat(g.getLocation()).isNotNull();
        });
        assertThat(Imports.ofType(r, "SET_PIECE").get(0).getLocation()).isNull();
    }

    @Test
    void jsonThatIsNotAFeedIsRefusedWithItsLine() throws Exception {
        Path notAList = write("statsbomb_15986_event.json", "{\"events\": []}");
        assertThatThrownBy(() -> new StatsBombImporter().read(List.of(notAList), Imports.sync(SOCCER_SYNC)))
                .hasMessage("statsbomb_15986_event.json:1: expected a JSON list of records");
        Path broken = write("statsbomb_15986_event.json", "[\n{\"id\": \"a\",\n\"type\": }\n]");
        assertThatThrownBy(() -> new StatsBombImporter().read(List.of(broken), Imports.sync(SOCCER_SYNC)))
                .hasMessageStartingWith("statsbomb_15986_event.json:3: malformed JSON");
        Path other = write("15986.json", "[{\"name\": \"not StatsBomb\"}]");
        assertThatThrownBy(() -> new StatsBombImporter().read(List.of(other), Imports.sync(SOCCER_SYNC)))
                .hasMessage("15986.json:1: neither StatsBomb events nor a StatsBomb lineup");
        Path metrica = write("events.json", "{\"metadata\": []}");
        assertThatThrownBy(() -> new MetricaImporter().read(List.of(metrica), Imports.sync(SOCCER_SYNC)))
                .hasMessage("events.json:1: expected a JSON object with a 'data' list");
    }

    @Test
    void aStatsBombEventWithABadTimestampIsDroppedAsBroken() throws Exception {
        Path events = write("statsbomb_15986_event.json", """
                [ {"id": "a", "index": 1, "period": 1, "timestamp": "00:00:00.000", "type": {"name": "Half Start"},
                   "team": {"name": "Barcelona"}},
                  {"id": "b", "index": 2, "period": 1, "timestamp": "00:18:2x.121", "type": {"name": "Shot"},
                   "team": {"name": "Barcelona"}, "shot": {"outcome": {"name": "Goal"}}} ]
                """);
        ImportResult r = new StatsBombImporter().read(List.of(events), Imports.sync(SOCCER_SYNC));
        assertThat(r.dropped())
                .containsExactly(new DroppedRow(
                        "statsbomb_15986_event.json:3", "bad clock string in timestamp", "'00:18:2x.121'", true));
        assertThat(r.events()).extracting(e -> e.getType()).containsExactly("PERIOD_START");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}

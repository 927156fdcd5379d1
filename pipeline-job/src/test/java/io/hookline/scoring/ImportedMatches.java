package io.hookline.scoring;

import io.hookline.ingest.importers.FeedFormat;
import io.hookline.ingest.importers.ImportResult;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.model.GameState;
import io.hookline.model.MatchEvent;
import io.hookline.model.Play;
import io.hookline.model.ScoredEvent;
import io.hookline.profiles.HighlightRules;
import io.hookline.testing.Fixtures;
import io.hookline.testing.RealData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches imported with the importers (the fixtures written for the tests, and the real matches of
 * ../shared/realdata) and scored the way the job does: in video-time order (feed order for equal times), each event
 * against the game state the events before it left.
 */
final class ImportedMatches {
    /** The fixture NBA game: RDG win 14-13 at HBR on a three at 0:01 of the fourth. */
    static final String NBA_FIXTURE = "0029900077";
    /** The fixture StatsBomb match: Porto Vale 1-2 Cedar United, levelled by an own goal. */
    static final String STATSBOMB_FIXTURE = "9090901";

    /** Each NBA quarter gets 15 minutes of video and its clock runs at real speed, as it does during live play. */
    private static final int QUARTER_EVERY_S = 900;

    private ImportedMatches() {}

    /** The fixture game or one of the six real NBA games, e.g. {@code 0021500001}. */
    static List<MatchEvent> nba(String game) throws Exception {
        String name = "nba-pbp/" + game + ".csv";
        Path csv = game.equals(NBA_FIXTURE) ? Fixtures.file("feeds/" + name) : RealData.file(name);
        StringBuilder sync = new StringBuilder(
                "matchId: \"" + game + "\"\nclock: countdown\nperiodLength: \"12:00\"\n" + "periods:\n");
        for (int q = 1; q <= 4; q++) {
            sync.append("  ").append(q).append(": ").append(quarterStartS(q)).append('\n');
        }
        sync.append("sync:\n");
        for (int q = 1; q <= 4; q++) {
            sync.append("  - {period: ")
                    .append(q)
                    .append(", clock: \"0:00\", video: ")
                    .append(quarterStartS(q) + 720)
                    .append("}\n");
        }
        return read(FeedFormat.NBA_PBP, List.of(csv), sync.toString());
    }

    /**
     * The fixture match or one of the two real StatsBomb matches, with its lineup; the halves start 5 min and 65 min
     * into the video.
     */
    static List<MatchEvent> statsBomb(String match) throws Exception {
        List<Path> files = List.of(statsBombFile(match, "event"), statsBombFile(match, "lineup"));
        return read(
                FeedFormat.STATSBOMB,
                files,
                "matchId: \"" + match + "\"\nclock: running\nperiods: {1: \"0:05:00\", 2: \"1:05:00\"}\n");
    }

    private static Path statsBombFile(String match, String kind) {
        String name = "statsbomb/statsbomb_" + match + "_" + kind + ".json";
        return match.equals(STATSBOMB_FIXTURE) ? Fixtures.file("feeds/" + name) : RealData.file(name);
    }

    /** Every event scored in video-time order, as the job's scoring operator releases them. */
    static List<ScoredEvent> score(List<MatchEvent> events, HighlightRules rules) {
        List<MatchEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(MatchEvent::getVideoTimeMs));
        EventScorer scorer = new EventScorer(rules);
        GameState state = EventScorer.start();
        List<ScoredEvent> scored = new ArrayList<>();
        for (MatchEvent e : ordered) {
            scored.add(scorer.score(e, state));
            state = EventScorer.after(e, state);
        }
        return scored;
    }

    /** The plays of the scored events under the rules' play gap. */
    static List<Play> plays(List<ScoredEvent> scored, HighlightRules rules) {
        return new PlayGrouper(rules.playGapMs())
                .groups(scored).stream().map(PlayGrouper::play).toList();
    }

    private static List<MatchEvent> read(FeedFormat format, List<Path> files, String sync) throws Exception {
        ImportResult result =
                format.importer().read(files, SyncFile.read("sync.yaml", sync.getBytes(StandardCharsets.UTF_8)));
        return result.events();
    }

    private static int quarterStartS(int quarter) {
        return 30 + (quarter - 1) * QUARTER_EVERY_S;
    }
}

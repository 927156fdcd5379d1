package io.hookline.cli;

import io.hookline.ingest.importers.DroppedRow;
import io.hookline.ingest.importers.FeedFormat;
import io.hookline.ingest.importers.ImportException;
import io.hookline.ingest.importers.ImportResult;
import io.hookline.ingest.importers.ImportedFeedWriter;
import io.hookline.ingest.sync.SyncException;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.ingest.video.LiveVideo;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline import}: a stats provider's feed, placed on the video by a sync file, as MatchEvents. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Converts a stats provider's play-by-play into a Hookline event feed for the run command,"
                + " placing each play on the video with a sync file.")
final class ImportCommand implements Callable<Integer> {
    /** Rows shown per drop reason; the rest are counted. */
    private static final int EXAMPLES = 5;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "The feed's format: nba-pbp, statsbomb or metrica.")
    String format;

    @Parameters(
            arity = "1..*",
            paramLabel = "IN",
            description = "The feed files: an NBA play-by-play CSV; StatsBomb events JSON [and its lineup JSON];"
                    + " Metrica events CSV or JSON [and its metadata XML].")
    List<Path> inputs;

    @Option(
            names = "--sync",
            required = true,
            paramLabel = "SYNCFILE",
            description = "YAML: the match id, how the clock runs, and where it is in the video.")
    Path sync;

    @Option(
            names = "--video",
            paramLabel = "PLAYLIST",
            description = "The match's video, an HLS media playlist with EXT-X-PROGRAM-DATE-TIME (a path, http(s)://"
                    + " or s3://): places the sync file's video times written as dates and times"
                    + " (2026-12-06T20:00:30Z) on it.")
    String video;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the events: Avro, or JSON Lines when the name ends in .jsonl.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ImportResult result;
        try {
            FeedFormat feed = FeedFormat.parse(format);
            result = feed.importer().read(inputs, loadSync());
            ImportedFeedWriter.write(result.events(), result.matchId(), out);
        } catch (ImportException | SyncException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoSuchFileException e) {
            stderr.println("error: " + e.getFile() + ": no such file");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // Broken rows are listed like run's dead letters, and like them do not fail the command.
        print(result, stdout, stderr);
        return ExitCodes.OK;
    }

    /** The sync file, its wall-clock times placed through the video's program dates when a video is given. */
    private SyncFile loadSync() throws SyncException, IOException {
        if (video == null) {
            return SyncFile.load(sync);
        }
        if (!LiveVideo.isLive(video)) {
            throw new IOException("--video " + video + ": give an HLS media playlist (.m3u8), whose"
                    + " EXT-X-PROGRAM-DATE-TIME tags place wall-clock times on the video");
        }
        try (LiveVideo playlist = LiveVideo.open(video, S3Settings.defaults(), false)) {
            playlist.refresh();
            return SyncFile.load(sync, playlist::videoMsAt);
        }
    }

    private void print(ImportResult r, PrintWriter stdout, PrintWriter stderr) {
        stdout.printf(
                "Match %s (%s): %d rows read, %d imported, %d dropped%s; %d events%n",
                r.matchId(),
                format,
                r.rows(),
                r.rowsImported(),
                r.dropped().size(),
                r.badRows() == 0 ? "" : " (" + r.badRows() + " of them broken)",
                r.events().size());
        r.notes().forEach(n -> stdout.println("  " + n));
        stdout.println("Events by type:");
        r.eventsByType().forEach((type, n) -> stdout.printf("  %-14s %5d%n", type, n));
        Map<String, List<DroppedRow>> dropped = r.droppedByReason();
        if (!dropped.isEmpty()) {
            stdout.println("Rows dropped, by reason:");
            dropped.forEach((reason, rows) -> stdout.printf(
                    "  %5d  %s%s: %s%n",
                    rows.size(), rows.get(0).badData() ? "BAD DATA: " : "", reason, examples(rows)));
        }
        r.warnings().forEach(w -> stderr.println("warning: " + w));
        stdout.println("Wrote " + r.events().size() + " events to " + out.toAbsolutePath());
    }

    /** The first rows of a reason: {@code game.csv:110, :205 '7:4x'}; the file is named once. */
    private static String examples(List<DroppedRow> rows) {
        String file = rows.get(0).origin().replaceFirst(":\\d+$", "");
        String shown = rows.stream()
                .limit(EXAMPLES)
                .map(d -> (d == rows.get(0) ? d.origin() : d.origin().replace(file, ""))
                        + (d.detail() == null ? "" : " " + d.detail()))
                .collect(Collectors.joining(", "));
        return rows.size() > EXAMPLES ? shown + ", ..." : shown;
    }
}

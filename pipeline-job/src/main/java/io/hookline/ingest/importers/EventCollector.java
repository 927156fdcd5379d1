package io.hookline.ingest.importers;

import io.hookline.ingest.sync.ClockKind;
import io.hookline.ingest.sync.ClockSync;
import io.hookline.ingest.sync.SyncException;
import io.hookline.ingest.sync.SyncFile;
import io.hookline.ingest.sync.SyncPoint;
import io.hookline.model.MatchEvent;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects an import row by row: each row either adds events, placed on the video through the sync file, or is
 * dropped with a reason. Rows are accounted for as they go, so the counts always add up.
 */
final class EventCollector {
    private final SyncFile sync;
    private final List<MatchEvent> events = new ArrayList<>();
    private final List<DroppedRow> dropped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Events placed past the last sync point of a count-down clock, by the point they were placed from. */
    private final Map<SyncPoint, List<String>> extrapolated = new LinkedHashMap<>();

    private int rows;
    private int rowsImported;
    private String row;
    private boolean rowDone;
    private boolean rowAdded;

    /**
     * @param clock how this provider's clock runs
     * @param why what the provider's clock is, for the error when the sync file says otherwise
     */
    EventCollector(SyncFile sync, ClockKind clock, String why) throws ImportException {
        ClockKind declared = sync.clock().value().kind();
        if (declared != clock) {
            throw new ImportException(
                    sync.clock().where(),
                    "clock: " + declared.yamlName() + " does not fit this feed: " + why + "; write clock: "
                            + clock.yamlName());
        }
        this.sync = sync;
    }

    String matchId() {
        return sync.matchId().value();
    }

    /** Where the sync file gives the match id, for messages. */
    String matchIdWhere() {
        return sync.matchId().where();
    }

    /** Starts the next input row. */
    void row(String origin) {
        finishRow();
        row = origin;
        rows++;
        rowDone = false;
        rowAdded = false;
    }

    /** Drops the current row because the importer leaves such rows out by design. */
    void skip(String reason) {
        drop(reason, null, false);
    }

    /** Drops the current row because it is broken. */
    void reject(String reason, String detail) {
        drop(reason, detail, true);
    }

    /**
     * Adds an event of the current row: sets its match, version, type, period and video time.
     *
     * @param syncClockMs the clock reading as the sync file's clock means it
     */
    void add(MatchEvent.Builder event, EventType type, int period, long syncClockMs) throws ImportException {
        ClockSync.Placement at;
        try {
            at = sync.sync().place(period, syncClockMs);
        } catch (SyncException e) {
            throw new ImportException(row, e.getMessage());
        }
        if (at.extrapolated()) {
            extrapolated.computeIfAbsent(at.from(), p -> new ArrayList<>()).add(row);
        }
        events.add(event.setMatchId(matchId())
                .setVersion(1)
                .setType(type.name())
                .setPeriod(period)
                .setVideoTimeMs(at.videoMs())
                .build());
        rowAdded = true;
        rowDone = true;
    }

    void note(String note) {
        notes.add(note);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> notes() {
        return notes;
    }

    ImportResult result() {
        finishRow();
        List<String> all = new ArrayList<>();
        extrapolated.forEach((from, origins) -> all.add(origins.size() + " event(s) in period " + from.period()
                + " are past the last sync point of the period, " + from.describe() + ", and were placed as if the"
                + " clock ran with the video from there (first at " + origins.get(0) + "); add a sync point near "
                + "the period's end, e.g. clock 0:00 at its video time"));
        all.addAll(warnings);
        return new ImportResult(matchId(), events, rows, rowsImported, dropped, all, notes);
    }

    private void drop(String reason, String detail, boolean badData) {
        if (rowDone) {
            throw new IllegalStateException(row + " was already accounted for");
        }
        dropped.add(new DroppedRow(row, reason, detail, badData));
        rowDone = true;
    }

    private void finishRow() {
        if (row == null) {
            return;
        }
        if (!rowDone) {
            throw new IllegalStateException(row + " was neither imported nor dropped");
        }
        if (rowAdded) {
            rowsImported++;
        }
        row = null;
    }
}

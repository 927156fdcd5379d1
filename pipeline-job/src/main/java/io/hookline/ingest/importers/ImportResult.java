package io.hookline.ingest.importers;

import io.hookline.model.MatchEvent;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import produced. Every input row is either imported (it gave one event or more) or dropped with a
 * reason: {@code rowsImported + dropped.size() == rows}.
 *
 * @param events in feed order, each placed on the video
 * @param warnings what the user should look at (extrapolated clock readings, a final score that does not add up)
 * @param notes facts the import decided on (which team is at home)
 */
public record ImportResult(
        String matchId,
        List<MatchEvent> events,
        int rows,
        int rowsImported,
        List<DroppedRow> dropped,
        List<String> warnings,
        List<String> notes) {

    public ImportResult {
        events = List.copyOf(events);
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** Event counts in vocabulary order. */
    public Map<String, Integer> eventsByType() {
        Map<EventType, Integer> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(EventType.valueOf(e.getType()), 1, Integer::sum));
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((type, n) -> byName.put(type.name(), n));
        return byName;
    }

    /** Dropped rows by reason, bad data first, then in order of first appearance. */
    public Map<String, List<DroppedRow>> droppedByReason() {
        Map<String, List<DroppedRow>> groups = new LinkedHashMap<>();
        for (boolean bad : new boolean[] {true, false}) {
            for (DroppedRow d : dropped) {
                if (d.badData() == bad) {
                    groups.computeIfAbsent(d.reason(), r -> new ArrayList<>()).add(d);
                }
            }
        }
        return groups;
    }

    /** Rows dropped because they were broken, not by design. */
    public long badRows() {
        return dropped.stream().filter(DroppedRow::badData).count();
    }
}

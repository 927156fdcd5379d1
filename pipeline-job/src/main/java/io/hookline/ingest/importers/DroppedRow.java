package io.hookline.ingest.importers;

/**
 * An input row that produced no event.
 *
 * @param origin file and line
 * @param reason why, in words shared by every row dropped for the same cause (the summary groups by it)
 * @param detail the offending value, or null
 * @param badData true when the row is broken (a bad clock, a missing field); false when the importer leaves
 *     such rows out by design (a pass that is not a key pass, an instant-replay row)
 */
public record DroppedRow(String origin, String reason, String detail, boolean badData) {}

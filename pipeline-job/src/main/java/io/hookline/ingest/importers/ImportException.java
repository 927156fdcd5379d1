package io.hookline.ingest.importers;

/** A feed that cannot be imported at all; the message starts with the file and line ({@code game.csv:17: ...}). */
public class ImportException extends Exception {
    public ImportException(String where, String message) {
        super(where + ": " + message);
    }
}

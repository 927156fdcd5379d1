package io.hookline.ingest.sync;

/**
 * A sync file that cannot be used, or a clock reading it cannot place on the video. The message starts with
 * where the problem is ({@code sync.yaml:12:5: ...}) when it is in the sync file.
 */
public class SyncException extends Exception {
    public SyncException(String where, String message) {
        super(where == null ? message : where + ": " + message);
    }
}

package io.hookline.console;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The output the console shows: a local directory or an S3 prefix, one folder per match. Every method takes a
 * match id already checked by {@link Ids}, and a file name relative to the match's folder that must stay in it.
 */
public interface OutputFolder {

    /** The match folders, by name. */
    List<String> matchIds() throws IOException;

    /** A small file of a match (its manifest, its dead letters), or empty when it is not there. */
    Optional<byte[]> read(String matchId, String file) throws IOException;

    /**
     * What changes whenever a file is rewritten (its time and size, or its ETag), so a reader can keep what it
     * parsed until then; empty when the file is not there.
     */
    Optional<String> stamp(String matchId, String file) throws IOException;

    /** How many renditions (MP4 files) a match has stored so far: a batch run's progress before its manifest. */
    int storedRenditions(String matchId) throws IOException;

    /** Where the browser gets a stored file: served by the console itself, or a presigned URL. */
    Media media(String matchId, String file) throws IOException;

    /** What to call the folder in messages. */
    String describe();

    /** A file the console streams itself (with range requests), or a URL the browser is sent to. */
    sealed interface Media permits Media.Local, Media.Redirect {
        record Local(java.nio.file.Path path) implements Media {}

        record Redirect(String url) implements Media {}
    }

    /** Resolves a manifest's relative path, refusing one that would leave the match's folder. */
    static String requireInside(String file) {
        String normalized = java.nio.file.Path.of(file).normalize().toString().replace('\\', '/');
        if (file.isEmpty()
                || normalized.startsWith("..")
                || normalized.startsWith("/")
                || file.contains("\\")
                || !normalized.equals(file)) {
            throw new Ids.BadIdException("the file '" + file + "' is not inside its match's folder");
        }
        return normalized;
    }
}

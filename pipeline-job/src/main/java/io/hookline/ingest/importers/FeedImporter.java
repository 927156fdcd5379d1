package io.hookline.ingest.importers;

import io.hookline.ingest.sync.SyncFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns one provider's feed files into MatchEvents placed on the match video. */
public interface FeedImporter {

    /**
     * Reads the feed and places every event on the video with the sync file. A row that cannot be used is
     * dropped with its reason; a problem with the feed as a whole (its columns, its match, a clock the sync file
     * cannot place) throws, naming the file and line.
     */
    ImportResult read(List<Path> inputs, SyncFile sync) throws ImportException, IOException;
}

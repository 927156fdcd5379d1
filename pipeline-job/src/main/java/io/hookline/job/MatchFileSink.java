package io.hookline.job;

import io.hookline.render.ClipKeys;
import io.hookline.storage.ClipStore;
import io.hookline.storage.StoreFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the files that describe a match (manifests, dead letters) into its directory in the store. Each
 * file is written atomically, in the order the map gives. A match whose files cannot be written fails alone:
 * the reason goes into {@link #UNWRITTEN} (its own directory is what could not be written), where the run's
 * summary finds it, and the other matches go on. Only when that cannot be written either does the job fail.
 *
 * @param <T> what describes the match
 */
public final class MatchFileSink<T> implements Sink<T> {
    /** Under the output: one file per match whose files could not be written, holding the reason. */
    public static final String UNWRITTEN = ".unwritten";

    private static final Logger LOG = LoggerFactory.getLogger(MatchFileSink.class);

    /** A match's id, and its files by name, for one record. */
    interface Files<T> extends Serializable {
        String matchId(T record);

        Map<String, byte[]> files(T record);
    }

    private final StoreFactory stores;
    private final Files<T> files;

    MatchFileSink(StoreFactory stores, Files<T> files) {
        this.stores = stores;
        this.files = files;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        ClipStore store = stores.create();
        return new SinkWriter<>() {
            @Override
            public void write(T record, Context context) throws IOException {
                String matchId = files.matchId(record);
                String dir = ClipKeys.safeMatchDir(matchId);
                for (Map.Entry<String, byte[]> file : files.files(record).entrySet()) {
                    String key = dir + "/" + file.getKey();
                    try {
                        store.write(key, file.getValue());
                    } catch (IOException | RuntimeException e) {
                        String reason = "could not write " + store.locate(key) + ": " + describe(e);
                        LOG.error("match {}: {}", matchId, reason, e);
                        store.write(
                                unwrittenKey(matchId),
                                (matchId + "\t" + reason + "\n").getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    /** Where the reason a match's files could not be written is kept. */
    public static String unwrittenKey(String matchId) {
        return UNWRITTEN + "/" + ClipKeys.safeMatchDir(matchId) + ".txt";
    }

    /** A file system error's message is often the path alone: its kind says what happened to it. */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof IOException ? e.getClass().getSimpleName() + ": " + message : message;
    }
}

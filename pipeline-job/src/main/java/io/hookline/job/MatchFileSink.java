package io.hookline.job;

import io.hookline.render.ClipKeys;
import io.hookline.storage.ClipStore;
import io.hookline.storage.StoreFactory;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes the files that describe a match (manifests, dead letters) into its directory in the store. Each
 * file is written atomically, in the order the map gives.
 *
 * @param <T> what describes the match
 */
final class MatchFileSink<T> implements Sink<T> {
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
                String dir = ClipKeys.safeMatchDir(files.matchId(record));
                for (Map.Entry<String, byte[]> file : files.files(record).entrySet()) {
                    store.write(dir + "/" + file.getKey(), file.getValue());
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

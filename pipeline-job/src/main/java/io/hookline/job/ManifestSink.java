package io.hookline.job;

import io.hookline.model.MatchManifest;
import io.hookline.render.ClipKeys;
import io.hookline.storage.ClipStore;
import io.hookline.storage.ManifestFiles;
import io.hookline.storage.StoreFactory;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Writes each match's manifest.json and manifest.avro atomically into the store. */
final class ManifestSink implements Sink<MatchManifest> {
    private final StoreFactory stores;

    ManifestSink(StoreFactory stores) {
        this.stores = stores;
    }

    @Override
    public SinkWriter<MatchManifest> createWriter(WriterInitContext context) {
        ClipStore store = stores.create();
        return new SinkWriter<>() {
            @Override
            public void write(MatchManifest manifest, Context context) throws java.io.IOException {
                String dir = ClipKeys.safeMatchDir(manifest.getMatchId());
                // The Avro copy first: a reader that polls for manifest.json then finds both.
                store.write(dir + "/" + ManifestFiles.MANIFEST_AVRO, ManifestFiles.avro(manifest));
                store.write(dir + "/" + ManifestFiles.MANIFEST_JSON, ManifestFiles.json(manifest));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

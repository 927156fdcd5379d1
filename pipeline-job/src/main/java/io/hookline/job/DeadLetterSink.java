package io.hookline.job;

import io.hookline.model.DeadLetterBatch;
import io.hookline.render.ClipKeys;
import io.hookline.storage.ClipStore;
import io.hookline.storage.ManifestFiles;
import io.hookline.storage.StoreFactory;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Writes each match's dead letters to dead-letters.jsonl next to its manifest. */
final class DeadLetterSink implements Sink<DeadLetterBatch> {
    private final StoreFactory stores;

    DeadLetterSink(StoreFactory stores) {
        this.stores = stores;
    }

    @Override
    public SinkWriter<DeadLetterBatch> createWriter(WriterInitContext context) {
        ClipStore store = stores.create();
        return new SinkWriter<>() {
            @Override
            public void write(DeadLetterBatch batch, Context context) throws java.io.IOException {
                store.write(ClipKeys.safeMatchDir(batch.getMatchId()) + "/" + ManifestFiles.DEAD_LETTERS,
                        ManifestFiles.deadLetters(batch));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}

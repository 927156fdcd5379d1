package io.hookline.ingest;

import io.hookline.model.FeedRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/** Reads a feed file (Avro or JSON Lines) in Flink's FileSource; each file is read whole, in order. */
public final class FeedFileFormat extends SimpleStreamFormat<FeedRecord> {
    private final String name;

    /** @param name how records name their origin, normally the feed's file name */
    public FeedFileFormat(String name) {
        this.name = name;
    }

    @Override
    public StreamFormat.Reader<FeedRecord> createReader(Configuration config, FSDataInputStream stream)
            throws IOException {
        FeedReader reader = FeedReader.open(stream, name);
        return new StreamFormat.Reader<>() {
            @Override
            public FeedRecord read() throws IOException {
                return reader.next();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    @Override
    public TypeInformation<FeedRecord> getProducedType() {
        return TypeInformation.of(FeedRecord.class);
    }
}

package io.hookline.storage;

import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3ClipStore;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.nio.file.Path;

/** Creates a store where it is used (a Flink task), since stores hold clients that are not serialisable. */
@FunctionalInterface
public interface StoreFactory extends java.io.Serializable {
    ClipStore create();

    /** A local directory. */
    static StoreFactory local(String root) {
        return () -> new LocalClipStore(Path.of(root));
    }

    /** A prefix in an S3 bucket; the tasks of one JVM share a client. */
    static StoreFactory s3(S3Location root, S3Settings settings) {
        return () -> new S3ClipStore(S3Clients.shared(settings), root, settings);
    }

    /** The store an output location names: {@code s3://bucket/prefix}, or else a local directory. */
    static StoreFactory forOutput(String out, S3Settings settings) {
        return S3Location.isS3(out)
                ? s3(S3Location.parse(out), settings)
                : local(Path.of(out).toAbsolutePath().toString());
    }
}

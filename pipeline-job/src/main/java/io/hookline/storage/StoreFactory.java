package io.hookline.storage;

import java.io.Serializable;

/** Creates a store where it is used (a Flink task), since stores hold clients that are not serialisable. */
@FunctionalInterface
public interface StoreFactory extends Serializable {
    ClipStore create();

    /** A local directory. */
    static StoreFactory local(String root) {
        return () -> new LocalClipStore(java.nio.file.Path.of(root));
    }
}

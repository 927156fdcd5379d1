package io.hookline.console;

import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.nio.file.Path;

/** The output folder an {@code --out} names. */
public final class OutputFolders {
    private OutputFolders() {}

    public static OutputFolder of(String out, S3Settings s3) {
        return S3Location.isS3(out)
                ? new S3OutputFolder(S3Location.parse(out), s3)
                : new LocalOutputFolder(Path.of(out));
    }
}

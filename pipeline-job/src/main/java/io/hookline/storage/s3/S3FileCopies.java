package io.hookline.storage.s3;

import io.hookline.storage.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Copies objects of an output on S3 to a local folder, for what needs local files (the publishers read and
 * upload them). A copy already there with the expected SHA-256 is kept, so a re-run downloads nothing twice;
 * each file is written under a temporary name and moved into place, so a reader never sees half of it.
 */
public final class S3FileCopies {
    private final S3Client s3;

    public S3FileCopies(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Copies {@code folder/relative} to {@code into/relative}.
     *
     * @param sha256 the SHA-256 the copy must have (hex), or null for a file that changes (a manifest): then it is
     *     always fetched again
     * @return the local copy
     */
    public Path copy(S3Location folder, String relative, String sha256, Path into) throws IOException {
        Path target = into.resolve(relative).normalize();
        if (!target.startsWith(into)) {
            throw new IOException(folder.resolve(relative) + ": the path leaves its match's folder");
        }
        if (sha256 != null && Files.isRegularFile(target) && sha256.equalsIgnoreCase(Sha256.of(target))) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        S3Location object = folder.resolve(relative);
        try {
            Files.deleteIfExists(temp);
            s3.getObject(b -> b.bucket(object.bucket()).key(object.key()), temp);
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchKeyException e) {
            throw new IOException(object + ": no such object", e);
        } catch (SdkException e) {
            throw new IOException(object + ": cannot be read (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

package io.hookline.storage.s3;

import io.hookline.storage.ProfileObjects;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A profile store under an S3 prefix; a PUT replaces an object whole, so every write is atomic. */
public final class S3ProfileObjects implements ProfileObjects {
    private final S3Client s3;
    private final S3Location root;
    private final S3ClipStore writer;

    public S3ProfileObjects(S3Client s3, S3Location root, S3Settings settings) {
        this.s3 = s3;
        this.root = root;
        this.writer = new S3ClipStore(s3, root, settings);
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        S3Location at = root.resolve(key);
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(at.bucket()).key(at.key()))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Failures.io("read", at, e);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        S3Location at = root.resolve(prefix);
        String base = root.resolve("").key();
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(at.bucket()).prefix(at.key())).contents().stream()
                    .map(S3Object::key)
                    .map(k -> k.substring(base.length()))
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            throw S3Failures.io("list", at, e);
        }
    }

    @Override
    public void write(String key, byte[] bytes) throws IOException {
        writer.write(key, bytes);
    }

    @Override
    public String locate(String key) {
        return root.resolve(key).toString();
    }
}

package io.hookline.storage.s3;

import io.hookline.storage.ClipStore;
import io.hookline.storage.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A prefix in an S3 bucket. Files are written locally first and uploaded when committed: with one PutObject
 * up to the multipart threshold, in parts above it. S3 makes an object visible only once its upload is
 * complete, so readers never see part of a file. Each object carries its content type, its SHA-256 (in the
 * metadata, and as the checksum S3 verifies where the store supports it) and, for a clip's files, the clip id. Writing the bytes an object already
 * holds is skipped, so a replay after a crash leaves exactly the objects a clean run would.
 */
public final class S3ClipStore implements ClipStore {
    /** User metadata: the clip a file belongs to, and the lowercase hex SHA-256 of its content. */
    public static final String CLIP_ID = "clip-id";

    public static final String SHA256 = "sha256";

    private static final Pattern CLIP_FILE = Pattern.compile("(?:^|/)clips/([^/]+)/[^/]+$");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "mp4", "video/mp4",
            "jpg", "image/jpeg",
            "png", "image/png",
            "json", "application/json",
            "jsonl", "application/x-ndjson",
            "avro", "application/avro");

    private final S3Client s3;
    private final S3Location root;
    private final S3Settings settings;
    private final Path tempDir;

    /** @param tempDir where files wait before their upload */
    public S3ClipStore(S3Client s3, S3Location root, S3Settings settings, Path tempDir) {
        this.s3 = s3;
        this.root = root;
        this.settings = settings;
        this.tempDir = tempDir;
    }

    public S3ClipStore(S3Client s3, S3Location root, S3Settings settings) {
        this(s3, root, settings, Path.of(System.getProperty("java.io.tmpdir"), "hookline-s3"));
    }

    /**
     * Checks that the bucket is there and that these credentials reach it, so a wrong bucket or key pair is
     * named before a job starts rather than when its first clip is done.
     */
    public void check() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(root.bucket()));
        } catch (SdkException e) {
            throw S3Failures.io("write to", root, e);
        }
    }

    @Override
    public Path newTempFile(String key) throws IOException {
        Files.createDirectories(tempDir);
        String name = key.substring(key.lastIndexOf('/') + 1);
        return Files.createTempFile(tempDir, "upload-", "-" + name + ".part");
    }

    /** Uploads the temp file under {@code key}, then deletes it. */
    @Override
    public void commit(Path temp, String key) throws IOException {
        S3Location target = root.resolve(key);
        try {
            byte[] sha = Sha256.digest(temp);
            if (holds(target, sha)) {
                return;
            }
            long size = Files.size(temp);
            if (size > settings.multipartThresholdBytes()) {
                uploadInParts(temp, target, key, sha);
            } else {
                put(target, key, sha, RequestBody.fromFile(temp));
            }
        } catch (SdkException e) {
            throw S3Failures.io("upload to", target, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void write(String key, byte[] bytes) throws IOException {
        S3Location target = root.resolve(key);
        byte[] sha = Sha256.digest(bytes, 0, bytes.length);
        try {
            if (!holds(target, sha)) {
                put(target, key, sha, RequestBody.fromBytes(bytes));
            }
        } catch (SdkException e) {
            throw S3Failures.io("upload to", target, e);
        }
    }

    @Override
    public String locate(String key) {
        return root.resolve(key).toString();
    }

    private void put(S3Location target, String key, byte[] sha, RequestBody body) {
        s3.putObject(
                b -> {
                    b.bucket(target.bucket())
                            .key(target.key())
                            .contentType(contentType(key))
                            .metadata(metadata(key, sha));
                    if (settings.sendsChecksums()) {
                        b.checksumSHA256(base64(sha));
                    }
                },
                body);
    }

    /** True when the object is there with exactly these bytes. */
    private boolean holds(S3Location target, byte[] sha) {
        try {
            HeadObjectResponse head =
                    s3.headObject(b -> b.bucket(target.bucket()).key(target.key()));
            return HexFormat.of().formatHex(sha).equals(head.metadata().get(SHA256));
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private void uploadInParts(Path file, S3Location target, String key, byte[] sha) throws IOException {
        boolean checksums = settings.sendsChecksums();
        String uploadId = s3.createMultipartUpload(b -> {
                    b.bucket(target.bucket())
                            .key(target.key())
                            .contentType(contentType(key))
                            .metadata(metadata(key, sha));
                    if (checksums) {
                        b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
                    }
                })
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[(int) settings.partSizeBytes()];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    int number = parts.size() + 1;
                    String partSha = checksums ? base64(Sha256.digest(buffer, 0, n)) : null;
                    UploadPartResponse part = s3.uploadPart(
                            b -> b.bucket(target.bucket())
                                    .key(target.key())
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .checksumSHA256(partSha),
                            RequestBody.fromByteBuffer(ByteBuffer.wrap(buffer, 0, n)));
                    parts.add(CompletedPart.builder()
                            .partNumber(number)
                            .eTag(part.eTag())
                            .checksumSHA256(partSha)
                            .build());
                }
            }
            s3.completeMultipartUpload(b -> b.bucket(target.bucket())
                    .key(target.key())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            abortQuietly(target, uploadId, e);
            throw e;
        }
    }

    /** An abandoned upload costs storage until aborted (the bucket's lifecycle rule also cleans them up). */
    private void abortQuietly(S3Location target, String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(
                    b -> b.bucket(target.bucket()).key(target.key()).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    static Map<String, String> metadata(String key, byte[] sha) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(SHA256, HexFormat.of().formatHex(sha));
        Matcher clip = CLIP_FILE.matcher(key);
        if (clip.find()) {
            metadata.put(CLIP_ID, clip.group(1));
        }
        return metadata;
    }

    static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String base64(byte[] sha) {
        return Base64.getEncoder().encodeToString(sha);
    }
}

package io.hookline.storage.s3;

import java.io.Serializable;
import java.time.Duration;

/**
 * How to reach S3 and how to write to it. Credentials are not here: they come from the standard AWS chain
 * (environment, system properties, profile, web identity, container or instance role).
 *
 * @param region the AWS region, or null for the SDK's region chain (AWS_REGION, profile, instance metadata)
 * @param endpoint an endpoint override for S3-compatible stores (e.g. {@code http://minio:9000}), or null
 * @param pathStyle address buckets as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}
 * @param maxAttempts attempts per request, the first included; throttling and 5xx answers are retried with
 *     exponential backoff and jitter
 * @param multipartThresholdBytes files larger than this go up in parts
 * @param partSizeBytes the size of each part (S3 needs at least 5 MiB for every part but the last)
 * @param presignExpiry how long a presigned video URL stays valid
 */
public record S3Settings(
        String region,
        String endpoint,
        boolean pathStyle,
        int maxAttempts,
        long multipartThresholdBytes,
        long partSizeBytes,
        Duration presignExpiry)
        implements Serializable {
    public static final long MIN_PART_BYTES = 5L << 20;

    public S3Settings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, got " + maxAttempts);
        }
        if (partSizeBytes < 1 || multipartThresholdBytes < partSizeBytes) {
            throw new IllegalArgumentException("the multipart threshold (" + multipartThresholdBytes
                    + " bytes) must be at least the part size (" + partSizeBytes + " bytes)");
        }
    }

    /**
     * Whether uploads carry S3's SHA-256 checksum header, which S3 verifies before it stores an object.
     * S3-compatible stores (an endpoint override) often answer it with 501 Not Implemented, so they get only
     * the SHA-256 in the object's metadata.
     */
    public boolean sendsChecksums() {
        return endpoint == null;
    }

    /** Real AWS S3 in the region the SDK finds, with the defaults the job uses. */
    public static S3Settings defaults() {
        return new S3Settings(null, null, false, 10, 16L << 20, 8L << 20, Duration.ofHours(12));
    }

    /** An S3-compatible store at {@code endpoint}, addressed path-style. */
    public S3Settings withEndpoint(String endpoint) {
        return new S3Settings(
                region, endpoint, true, maxAttempts, multipartThresholdBytes, partSizeBytes, presignExpiry);
    }

    public S3Settings withRegion(String region) {
        return new S3Settings(
                region, endpoint, pathStyle, maxAttempts, multipartThresholdBytes, partSizeBytes, presignExpiry);
    }

    public S3Settings withMultipart(long thresholdBytes, long partBytes) {
        return new S3Settings(region, endpoint, pathStyle, maxAttempts, thresholdBytes, partBytes, presignExpiry);
    }
}

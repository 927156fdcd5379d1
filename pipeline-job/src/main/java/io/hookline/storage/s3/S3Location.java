package io.hookline.storage.s3;

import java.io.Serializable;

/**
 * An {@code s3://bucket/key} location. The key may be empty (a whole bucket) or end in {@code /} (a prefix).
 */
public record S3Location(String bucket, String key) implements Serializable {
    private static final String SCHEME = "s3://";

    public S3Location {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("an S3 location needs a bucket");
        }
        key = key == null ? "" : key;
    }

    /** True for strings this class parses: {@code s3://...}. */
    public static boolean isS3(String location) {
        return location != null && location.startsWith(SCHEME);
    }

    /** Parses {@code s3://bucket/key}; the key may be empty. */
    public static S3Location parse(String location) {
        if (!isS3(location)) {
            throw new IllegalArgumentException("not an S3 location (s3://bucket/key): " + location);
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + location);
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** The location of {@code relative} under this one, taken as a prefix. */
    public S3Location resolve(String relative) {
        if (key.isEmpty()) {
            return new S3Location(bucket, relative);
        }
        return new S3Location(bucket, key.endsWith("/") ? key + relative : key + "/" + relative);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}

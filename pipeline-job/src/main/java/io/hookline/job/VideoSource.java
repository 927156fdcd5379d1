package io.hookline.job;

import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import io.hookline.storage.s3.S3Video;
import java.io.IOException;
import java.io.Serializable;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where FFmpeg reads the match video: a path or URL as given, or an {@code s3://} object through a presigned
 * URL. Each task presigns its own URL when its renderer is created, so a restarted task never holds an
 * expired one.
 */
record VideoSource(String location, S3Settings s3) implements Serializable {

    boolean onS3() {
        return S3Location.isS3(location);
    }

    /** Checks an S3 video is there and readable, and returns what FFmpeg should open. */
    String check() throws IOException {
        if (onS3()) {
            S3Video.check(S3Clients.shared(s3), S3Location.parse(location));
        }
        return resolve();
    }

    /** What FFmpeg opens. */
    String resolve() {
        if (!onS3()) {
            return location;
        }
        try (S3Presigner presigner = S3Clients.presigner(s3)) {
            return S3Video.presign(presigner, S3Location.parse(location), s3.presignExpiry());
        }
    }
}

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
public record VideoSource(String location, S3Settings s3) implements Serializable {

    static final String NONE = "no video: the match's descriptor names none (video:) and the job has none (--video)";

    /** The video a match names in its descriptor, or this one when it names none. */
    VideoSource forMatch(String matchVideo) {
        return matchVideo == null || matchVideo.equals(location) ? this : new VideoSource(matchVideo, s3);
    }

    boolean onS3() {
        return location != null && S3Location.isS3(location);
    }

    /** Checks an S3 video is there and readable, and returns what FFmpeg should open. */
    String check() throws IOException {
        if (onS3()) {
            S3Video.check(S3Clients.shared(s3), S3Location.parse(location));
        }
        return resolve();
    }

    /** Whether there is a video at all: a live job may leave it to each match's descriptor. */
    boolean given() {
        return location != null;
    }

    /** What FFmpeg opens. */
    String resolve() {
        if (location == null) {
            throw new IllegalStateException(NONE);
        }
        if (!onS3()) {
            return location;
        }
        try (S3Presigner presigner = S3Clients.presigner(s3)) {
            return S3Video.presign(presigner, S3Location.parse(location), s3.presignExpiry());
        }
    }
}

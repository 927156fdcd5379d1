package io.hookline.storage.s3;

import java.io.IOException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A match video on S3, handed to FFmpeg as a presigned HTTPS URL: FFmpeg then reads only the byte ranges it
 * seeks to, so a clip never downloads the whole match.
 */
public final class S3Video {

    private S3Video() {}

    /**
     * Checks that the video is there and readable with these credentials, so a wrong bucket, key or key pair
     * is named before the job starts rather than as FFmpeg's "403 Forbidden".
     *
     * @return the object's size in bytes
     */
    public static long check(S3Client s3, S3Location video) throws IOException {
        try {
            return s3.headObject(b -> b.bucket(video.bucket()).key(video.key())).contentLength();
        } catch (SdkException e) {
            throw S3Failures.io("read the video", video, e);
        }
    }

    /** A GET URL for the video that needs no credentials until it expires. */
    public static String presign(S3Presigner presigner, S3Location video, Duration expiry) {
        return presigner
                .presignGetObject(p -> p.signatureDuration(expiry)
                        .getObjectRequest(g -> g.bucket(video.bucket()).key(video.key())))
                .url()
                .toString();
    }
}

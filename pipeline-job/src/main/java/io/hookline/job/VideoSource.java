package io.hookline.job;

import io.hookline.ingest.video.GrowingFileVideo;
import io.hookline.ingest.video.LiveVideo;
import io.hookline.render.ClipSource;
import io.hookline.render.ClipSources;
import io.hookline.render.LiveClipSource;
import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import io.hookline.storage.s3.S3Video;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where FFmpeg reads the match video: a path or URL as given, or an {@code s3://} object through a presigned
 * URL. Each task presigns its own URL when its renderer is created, so a restarted task never holds an
 * expired one. In a live job the video may still be growing: an HLS playlist ({@code .m3u8}, local, http or
 * s3), or a local MPEG-TS ({@code .ts}) or fragmented MP4 file still being written; clips then wait for it to
 * cover them.
 *
 * @param liveJob whether the job is live, so a local file may still be growing
 */
public record VideoSource(String location, S3Settings s3, boolean liveJob) implements Serializable {

    static final String NONE = "no video: the match's descriptor names none (video:) and the job has none (--video)";

    /** The video a match names in its descriptor, or this one when it names none. */
    VideoSource forMatch(String matchVideo) {
        return matchVideo == null || matchVideo.equals(location) ? this : new VideoSource(matchVideo, s3, liveJob);
    }

    /** Whether the video may still be growing, so what is cut from it waits for it. */
    boolean growing() {
        return location != null && (LiveVideo.isLive(location) || growingFile());
    }

    private boolean growingFile() {
        return liveJob && !location.contains("://") && GrowingFileVideo.mayGrow(Path.of(location));
    }

    /** Opens the growing video; each task opens its own, which keeps its own view of the live edge. */
    LiveVideo openLive() {
        return LiveVideo.open(location, s3, growingFile());
    }

    /** How a renderer reads clips from this video. */
    ClipSources clipSources(int decoderThreads, Duration videoWait) {
        return growing()
                ? LiveClipSource.of(openLive(), decoderThreads, videoWait)
                : ClipSource.file(resolve(), decoderThreads);
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

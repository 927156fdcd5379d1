package io.hookline.bench;

import io.hookline.sample.SampleMatch;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The benchmark's match: the sample match's fixed event list over a synthetic 1080p50 video with stereo crowd
 * sound, every frame carrying its own number. The full benchmark uses all of it; a quick one its first minute.
 */
record BenchMatch(String matchId, Path video, Path events, long durationMs) {
    static final SampleMatch.VideoFormat FORMAT = new SampleMatch.VideoFormat(1920, 1080, 50, true);
    static final long QUICK_MS = 60_000;

    /** The match in {@code dir}, generated unless an earlier run left the same one there. */
    static BenchMatch prepare(Path dir, boolean quick) throws IOException {
        long duration = quick ? QUICK_MS : SampleMatch.DURATION_MS;
        Path where = dir.resolve("match-" + FORMAT.height() + "p" + FORMAT.fps() + "-" + duration / 1000 + "s");
        if (!SampleMatch.isWritten(where, duration)) {
            SampleMatch.write(where, FORMAT, duration);
        }
        return new BenchMatch(
                SampleMatch.MATCH_ID,
                where.resolve(SampleMatch.VIDEO_FILE),
                where.resolve(SampleMatch.AVRO_FILE),
                duration);
    }
}

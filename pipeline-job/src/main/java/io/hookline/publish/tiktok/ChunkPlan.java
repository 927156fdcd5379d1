package io.hookline.publish.tiktok;

/**
 * How a video is cut for TikTok's FILE_UPLOAD: chunks of {@code chunkSize}, {@code count} of them, the last
 * one taking the remainder too (so it may be up to twice as large); a video smaller than the platform's
 * minimum chunk goes whole. 1 to 1000 chunks.
 */
record ChunkPlan(long videoSize, long chunkSize, int count) {
    static final int MAX_CHUNKS = 1000;

    static ChunkPlan of(long videoSize, TikTokSettings settings) {
        if (videoSize < settings.minChunkBytes()) {
            return new ChunkPlan(videoSize, videoSize, 1);
        }
        // More than 1000 chunks of the preferred size: larger chunks instead.
        long chunk = Math.max(Math.min(settings.chunkBytes(), videoSize), -Math.floorDiv(-videoSize, MAX_CHUNKS));
        return new ChunkPlan(videoSize, chunk, (int) (videoSize / chunk));
    }

    /** The plan an init declared with {@code chunkSize}. */
    static ChunkPlan declared(long videoSize, long chunkSize) {
        return new ChunkPlan(videoSize, chunkSize, (int) (videoSize / chunkSize));
    }

    /** The index of the chunk that starts at byte {@code offset}. */
    int indexAt(long offset) {
        return (int) Math.min(offset / chunkSize, count - 1);
    }

    long start(int index) {
        return index * chunkSize;
    }

    long end(int index) {
        return index == count - 1 ? videoSize : (index + 1) * chunkSize;
    }
}

package io.hookline.publish.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TikTok's chunk rules: 5 to 64 MB, the last takes the remainder, 1 to 1000 chunks, a small video whole. */
class ChunkPlanTest {
    private static final long MB = TikTokSettings.MB;
    private static final TikTokSettings SETTINGS = TikTokSettings.defaults();

    @Test
    void aVideoUnderTheSmallestChunkGoesWhole() {
        ChunkPlan plan = ChunkPlan.of(3 * MB, SETTINGS);

        assertThat(plan).isEqualTo(new ChunkPlan(3 * MB, 3 * MB, 1));
        assertThat(plan.end(0)).isEqualTo(3 * MB);
    }

    @Test
    void theLastChunkTakesTheRemainder() {
        ChunkPlan plan = ChunkPlan.of(25 * MB, SETTINGS);

        assertThat(plan.count()).isEqualTo(2);
        assertThat(plan.start(1)).isEqualTo(10 * MB);
        assertThat(plan.end(1)).isEqualTo(25 * MB);
        assertThat(plan.indexAt(20 * MB)).isEqualTo(1);
    }

    @Test
    void aVideoOfMoreThanAThousandPreferredChunksIsCutInLargerOnes() {
        ChunkPlan plan = ChunkPlan.of(4000L * 10 * MB / 4, SETTINGS);

        assertThat(plan.count()).isLessThanOrEqualTo(ChunkPlan.MAX_CHUNKS);
        assertThat(plan.chunkSize()).isBetween(10 * MB, TikTokSettings.MAX_CHUNK);
        assertThat(plan.end(plan.count() - 1) - plan.start(plan.count() - 1)).isLessThanOrEqualTo(128 * MB);
    }
}

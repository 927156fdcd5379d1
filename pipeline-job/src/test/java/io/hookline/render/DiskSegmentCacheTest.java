package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.render.media.EncodedPacket;
import io.hookline.testing.SteppingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments on disk, kept while clips use them and deleted once unused for the keeping time. */
class DiskSegmentCacheTest {
    private static final List<EncodedPacket> PACKETS = List.of(
            new EncodedPacket(new byte[] {1, 2, 3}, 0, 0, 40, true),
            new EncodedPacket(new byte[] {4}, 40, 40, 40, false));

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-07T20:00:00Z"));

    @Test
    void aSegmentComesBackAsItWasWritten() {
        DiskSegmentCache cache = new DiskSegmentCache(dir, Duration.ofHours(24), clock);
        cache.put("a", PACKETS);

        List<EncodedPacket> back = cache.get("a").orElseThrow();
        assertThat(back).extracting(EncodedPacket::pts).containsExactly(0L, 40L);
        assertThat(back).extracting(EncodedPacket::keyframe).containsExactly(true, false);
        assertThat(back.get(0).data()).containsExactly(1, 2, 3);
        assertThat(cache.get("missing")).isEmpty();
    }

    @Test
    void aSegmentUnusedForTheKeepingTimeIsDeletedAndOneReadMeanwhileIsKept() {
        DiskSegmentCache cache = new DiskSegmentCache(dir, Duration.ofHours(24), clock);
        cache.put("old", PACKETS);
        cache.put("read", PACKETS);
        clock.advance(Duration.ofHours(20));
        assertThat(cache.get("read")).isPresent();

        clock.advance(Duration.ofHours(5));
        cache.put("new", PACKETS);

        assertThat(Files.exists(dir.resolve("old.seg"))).isFalse();
        assertThat(cache.get("old")).isEmpty();
        assertThat(cache.get("read")).isPresent();
        assertThat(cache.get("new")).isPresent();
    }

    @Test
    void sweepsRunAtMostHourly() throws Exception {
        DiskSegmentCache cache = new DiskSegmentCache(dir, Duration.ofHours(2), clock);
        cache.put("a", PACKETS);
        clock.advance(Duration.ofMinutes(150));
        cache.put("b", PACKETS);
        assertThat(Files.exists(dir.resolve("a.seg")))
                .as("swept at the write after 150 min")
                .isFalse();

        cache.put("old", PACKETS);
        Files.setLastModifiedTime(
                dir.resolve("old.seg"), FileTime.from(clock.instant().minus(Duration.ofHours(3))));
        clock.advance(Duration.ofMinutes(20));
        cache.put("c", PACKETS);
        assertThat(Files.exists(dir.resolve("old.seg")))
                .as("no sweep 20 min after the last")
                .isTrue();

        clock.advance(Duration.ofMinutes(45));
        cache.put("d", PACKETS);
        assertThat(Files.exists(dir.resolve("old.seg"))).isFalse();
        assertThat(Files.exists(dir.resolve("b.seg"))).isTrue();
    }

    @Test
    void aCacheWithoutAKeepingTimeKeepsEverything() {
        DiskSegmentCache forever = new DiskSegmentCache(dir);
        forever.put("a", PACKETS);
        forever.put("b", PACKETS);

        assertThat(forever.get("a")).isPresent();
        assertThat(forever.get("b")).isPresent();
    }
}

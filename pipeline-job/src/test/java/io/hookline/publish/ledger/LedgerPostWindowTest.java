package io.hookline.publish.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerPostWindowTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final List<Instant> POSTS =
            List.of(NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofHours(2)));

    @Test
    void aDestinationWithRoomMayPostNow() {
        assertThat(new PostWindow("x", NOW, DAY, POSTS, 0).nextSlotAt(4)).isEqualTo(NOW);
    }

    @Test
    void aFullWindowReopensWhenItsOldestPostLeaves() {
        PostWindow full = new PostWindow("x", NOW, DAY, POSTS, 0);

        assertThat(full.nextSlotAt(3)).isEqualTo(POSTS.get(0).plus(DAY));
        assertThat(full.reopensAt()).contains(POSTS.get(0).plus(DAY));
    }

    @Test
    void postsOverAQuotaThatWasLoweredMustAllLeaveFirst() {
        assertThat(new PostWindow("x", NOW, DAY, POSTS, 0).nextSlotAt(2))
                .isEqualTo(POSTS.get(1).plus(DAY));
    }

    @Test
    void postsInFlightTakeSlotsToo() {
        assertThat(new PostWindow("x", NOW, DAY, POSTS, 1).nextSlotAt(4))
                .isEqualTo(POSTS.get(0).plus(DAY));
        assertThat(new PostWindow("x", NOW, DAY, List.of(), 2).nextSlotAt(1)).isEqualTo(NOW.plus(DAY));
    }
}

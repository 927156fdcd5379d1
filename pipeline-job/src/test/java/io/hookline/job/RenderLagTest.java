package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RenderLagTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RenderLag lag = new RenderLag(now::get);

    @Test
    void aClipRenderedWithinAMinuteOfItsPlanSaysNothing() {
        assertThat(lag.started("c-1", "m", now.get() - 59_000, 3)).isNull();
    }

    @Test
    void aClipThatWaitedLongerSaysHowLongAndHowManyWait() {
        assertThat(lag.started("c-1", "m", now.get() - 95_000, 4))
                .startsWith("live renders are falling behind: clip c-1 of match m starts rendering 95 s after it was"
                        + " planned, and 4 more wait");
    }

    @Test
    void itSaysSoAtMostOnceAMinute() {
        assertThat(lag.started("c-1", "m", now.get() - 90_000, 4)).isNotNull();
        now.addAndGet(30_000);
        assertThat(lag.started("c-2", "m", now.get() - 90_000, 4)).isNull();
        now.addAndGet(31_000);
        assertThat(lag.started("c-3", "m", now.get() - 90_000, 4)).isNotNull();
    }
}

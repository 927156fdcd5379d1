package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleClosingTest {
    private final AtomicLong now = new AtomicLong(0);
    private final IdleClosing<Video> open = new IdleClosing<>(Duration.ofMinutes(30), now::get);
    private final List<String> closed = new ArrayList<>();

    @Test
    void aVideoUnusedForTheIdleTimeIsClosedWhenAnotherIsAskedFor() {
        use("match-a");
        now.set(Duration.ofMinutes(20).toMillis());
        use("match-b");
        assertThat(closed).isEmpty();

        now.set(Duration.ofMinutes(31).toMillis());
        use("match-b");

        assertThat(closed).containsExactly("match-a");
        assertThat(open.open()).isEqualTo(1);

        now.set(Duration.ofHours(2).toMillis());
        Video b = use("match-b");
        assertThat(closed)
                .as("the video asked for is kept, however long it was idle")
                .containsExactly("match-a");
        assertThat(b.name).isEqualTo("match-b");
    }

    @Test
    void aVideoInUseIsNeverClosedHoweverLongItsUseLasts() {
        Video a = open.acquire("match-a", () -> new Video("match-a"));
        now.set(Duration.ofHours(2).toMillis());
        use("match-b");

        assertThat(closed).isEmpty();
        open.release("match-a");
        now.set(Duration.ofHours(3).toMillis());
        use("match-b");
        assertThat(closed).containsExactly("match-a");
        assertThat(a.name).isEqualTo("match-a");
    }

    @Test
    void aClosedVideoAskedForAgainIsOpenedAnew() {
        Video first = use("match-a");
        now.set(Duration.ofHours(1).toMillis());
        use("match-b");
        Video again = use("match-a");

        assertThat(again).isNotSameAs(first);
        assertThat(closed).containsExactly("match-a");
        open.closeAll();
        assertThat(closed).containsExactlyInAnyOrder("match-a", "match-a", "match-b");
        assertThat(open.open()).isZero();
    }

    private Video use(String key) {
        Video v = open.acquire(key, () -> new Video(key));
        open.release(key);
        return v;
    }

    private final class Video implements AutoCloseable {
        final String name;

        Video(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed.add(name);
        }
    }
}

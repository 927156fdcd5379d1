package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFreeThenEachFailureDoublesTheLockout() {
        for (int i = 0; i < LoginThrottle.FREE; i++) {
            assertThat(throttle.wait("paul", "10.0.0.7")).isZero();
            throttle.failed("paul", "10.0.0.7");
        }
        assertThat(throttle.wait("paul", "10.0.0.7")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.wait("Paul ", "10.0.0.9"))
                .as("the same user from elsewhere")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.wait("vera", "10.0.0.7"))
                .as("another user from the same address")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.wait("vera", "10.0.0.9")).isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.wait("paul", "10.0.0.7")).isZero();
        throttle.failed("paul", "10.0.0.7");
        assertThat(throttle.wait("paul", "10.0.0.7")).isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 20; i++) {
            throttle.failed("paul", "10.0.0.7");
        }
        assertThat(throttle.wait("paul", "10.0.0.7")).as("at most").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLoginThatSucceedsClearsItsUserAndAddress() {
        for (int i = 0; i < LoginThrottle.FREE; i++) {
            throttle.failed("paul", "10.0.0.7");
        }
        clock.advance(Duration.ofSeconds(30));
        throttle.succeeded("paul", "10.0.0.7");
        throttle.failed("paul", "10.0.0.7");

        assertThat(throttle.wait("paul", "10.0.0.7")).isZero();
    }
}

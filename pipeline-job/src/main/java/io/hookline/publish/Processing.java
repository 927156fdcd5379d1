package io.hookline.publish;

import java.time.Duration;
import java.util.Objects;

/** A platform's answer on an upload it processes: ready to publish, still working, or refused. */
public record Processing(State state, Duration pollAgainIn, String reason) {

    public enum State {
        READY,
        WORKING,
        FAILED
    }

    public Processing {
        Objects.requireNonNull(state, "state");
    }

    public static Processing ready() {
        return new Processing(State.READY, Duration.ZERO, null);
    }

    public static Processing working(Duration pollAgainIn) {
        return new Processing(State.WORKING, pollAgainIn, null);
    }

    public static Processing failed(String reason) {
        return new Processing(State.FAILED, Duration.ZERO, reason);
    }
}

package io.hookline.ingest.sync;

import java.util.Arrays;
import java.util.Optional;

/** How a feed's game clock runs within a period. */
public enum ClockKind {
    /** Shows the time remaining and stops while the video runs (basketball): needs sync points to follow it. */
    COUNTDOWN("countdown"),
    /** Shows the time since the period started and runs with the video (soccer): the period start is enough. */
    RUNNING("running");

    private final String yamlName;

    ClockKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in sync files. */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<ClockKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }
}

package io.hookline.publish;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A credential. It never prints itself, so it cannot leak through a log line, an exception or a record. */
public final class Secret {
    private final String value;
    private final String source;

    Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = source;
    }

    /** For the publisher that signs or authenticates with it, and nothing else. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "secret from " + source;
    }
}

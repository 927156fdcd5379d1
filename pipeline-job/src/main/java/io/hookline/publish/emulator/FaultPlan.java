package io.hookline.publish.emulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Which requests of one emulator fail, and how: at chosen request numbers (counted from 1, over the
 * platform's endpoints only, not {@code /_emulator}), or at random with a seed and a rate so a soak run can
 * be replayed. Thread-safe.
 */
public final class FaultPlan {
    private static final Fault[] KINDS = Fault.values();

    private final Map<Long, Fault> scheduled = new HashMap<>();
    private Random random;
    private double rate;
    private long requests;
    private final Map<Fault, Long> injected = new EnumMap<>(Fault.class);
    private Duration retryAfter = Duration.ofSeconds(1);

    /** Fails the {@code requestNumber}th request (1 is the first) with {@code fault}. */
    public synchronized FaultPlan at(long requestNumber, Fault fault) {
        if (requestNumber <= requests) {
            throw new IllegalArgumentException("request " + requestNumber + " has already been served");
        }
        scheduled.put(requestNumber, fault);
        return this;
    }

    /** Fails each request with probability {@code rate}, the kind drawn evenly, from a seeded generator. */
    public synchronized FaultPlan random(long seed, double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within [0, 1], got " + rate);
        }
        this.random = new Random(seed);
        this.rate = rate;
        return this;
    }

    /** The Retry-After a 429 carries (whole seconds, as every platform sends it). */
    public synchronized FaultPlan retryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    public synchronized Duration retryAfter() {
        return retryAfter;
    }

    /** Requests served so far. */
    public synchronized long requests() {
        return requests;
    }

    /** The faults served so far, by kind. */
    public synchronized Map<Fault, Long> injected() {
        return Map.copyOf(injected);
    }

    /** Counts one request and says whether it fails. */
    synchronized Optional<Fault> next() {
        requests++;
        Fault fault = scheduled.remove(requests);
        if (fault == null && random != null && random.nextDouble() < rate) {
            fault = KINDS[random.nextInt(KINDS.length)];
        }
        if (fault != null) {
            injected.merge(fault, 1L, Long::sum);
        }
        return Optional.ofNullable(fault);
    }
}

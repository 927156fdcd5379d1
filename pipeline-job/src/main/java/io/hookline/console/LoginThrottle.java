package io.hookline.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down: after {@link #FREE} failed logins for one user name, or from one address, each
 * further attempt must wait a lockout that doubles with every failure (30 s, 1 min, 2 min... at most 15 min).
 * A login that succeeds clears its user's and its address's count. Kept in memory, like the sessions.
 */
final class LoginThrottle {
    static final int FREE = 5;
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration LONGEST = Duration.ofMinutes(15);
    /** Beyond this many names and addresses, those whose last failure is long past are forgotten. */
    private static final int KEPT = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a login for this user from this address must wait; zero when it may be tried now. */
    Duration wait(String user, String address) {
        Instant now = clock.instant();
        Duration byUser = waitFor(userKey(user), now);
        Duration byAddress = waitFor(addressKey(address), now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > KEPT) {
            failures.values().removeIf(f -> f.last().plus(LONGEST).isBefore(now));
        }
        for (String key : new String[] {userKey(user), addressKey(address)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    void succeeded(String user, String address) {
        failures.remove(userKey(user));
        failures.remove(addressKey(address));
    }

    private Duration waitFor(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < FREE) {
            return Duration.ZERO;
        }
        Duration lockout = FIRST.multipliedBy(1L << Math.min(f.count() - FREE, 10));
        Instant until = f.last().plus(lockout.compareTo(LONGEST) < 0 ? lockout : LONGEST);
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    private static String userKey(String user) {
        return "user:" + (user == null ? "" : user.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Failures(int count, Instant last) {}
}

package io.hookline.console;

import io.hookline.console.Users.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory: a random id in an HttpOnly, SameSite=Strict cookie, the CSRF token every form of
 * the session carries, and the user once logged in. A login starts a new session, so an id set before it is
 * worth nothing after.
 */
public final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    /** A session nobody logged into yet (the login page's) is dropped sooner. */
    private static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(10);

    private static final int PURGE_AT = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public record Session(String id, String csrf, User user, Instant lastSeen) {
        Session seen(Instant now) {
            return new Session(id, csrf, user, now);
        }
    }

    /** The live session with this id, touched; empty when unknown or idle too long. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session =
                byId.computeIfPresent(id, (k, s) -> s.lastSeen().plus(IDLE).isBefore(now) ? null : s.seen(now));
        return Optional.ofNullable(session);
    }

    public Session start(User user) {
        Instant now = clock.instant();
        if (byId.size() >= PURGE_AT) {
            // Every cookie-less request starts a session; idle ones must not pile up.
            byId.values()
                    .removeIf(s -> s.lastSeen()
                            .plus(s.user() == null ? ANONYMOUS_IDLE : IDLE)
                            .isBefore(now));
        }
        Session session = new Session(token(), token(), user, now);
        byId.put(session.id(), session);
        return session;
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

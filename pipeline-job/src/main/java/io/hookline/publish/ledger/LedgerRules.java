package io.hookline.publish.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * Works out a record's next version from the one read, or refuses: the transition list, the lease and the
 * field limits. Pure, so any store applies the same rules and only has to compare-and-set the result.
 */
final class LedgerRules {
    /** Column width of handles, ids and URLs; longer values are refused, a cut handle could not resume. */
    static final int MAX_TEXT = 4000;

    private LedgerRules() {}

    /** Not final, not waiting for a person, and no other owner's lease running. */
    static boolean claimable(PublishRecord current, String owner, Instant now) {
        return !current.state().isFinal()
                && !current.state().waitsForPerson()
                && !current.leasedToOtherThan(owner, now);
    }

    static PublishRecord claim(PublishRecord current, String owner, Duration lease, Instant now) {
        PublishKey.requireText(owner, "owner");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must last, got " + lease);
        }
        return current.next(now)
                .lease(owner, now.plus(lease).truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    static PublishRecord release(PublishRecord current, String owner, Instant now) {
        PublishKey.requireText(owner, "owner");
        if (!owner.equals(current.leaseOwner())) {
            throw new LedgerConflictException(
                    current.key(), owner + " does not hold the lease (held by " + current.leaseOwner() + ")");
        }
        return current.next(now).lease(null, null).build();
    }

    /**
     * Moves {@code current} to {@code to} for {@code actor}, filling the new state's fields with
     * {@code fill}. A lease survives only into states in flight: waiting and final records are nobody's.
     */
    static PublishRecord move(
            PublishRecord current,
            PublishState to,
            String actor,
            Instant now,
            UnaryOperator<PublishRecord.Builder> fill) {
        PublishKey.requireText(actor, "actor");
        PublishState from = current.state();
        if (!from.canMoveTo(to) || from == PublishState.UNCERTAIN) {
            throw new IllegalTransitionException(current.key(), from, to);
        }
        if (current.leasedToOtherThan(actor, now)) {
            throw new LedgerConflictException(
                    current.key(),
                    "leased to " + current.leaseOwner() + " until " + current.leaseUntil() + ", not to " + actor);
        }
        // Remote work only under a claim; an ended lease still counts until someone else claims the record,
        // which changes its version and so fails this write anyway.
        if (needsLease(from, to) && !actor.equals(current.leaseOwner())) {
            throw new IllegalStateException(
                    current.key() + ": " + actor + " must claim it before moving it from " + from + " to " + to);
        }
        PublishRecord.Builder next = fill.apply(current.next(now).state(to));
        if (!to.isInFlight()) {
            next.lease(null, null);
        }
        return next.build();
    }

    /**
     * Moves an UNCERTAIN record for the person who checked the platform: to POSTED (the post is there) or
     * back to PROCESSING (it is not, send again). No lease: the record is nobody's while it waits.
     */
    static PublishRecord settle(
            PublishRecord current,
            PublishState to,
            String person,
            Instant now,
            UnaryOperator<PublishRecord.Builder> fill) {
        PublishKey.requireText(person, "person");
        if (current.state() != PublishState.UNCERTAIN || !current.state().canMoveTo(to)) {
            throw new IllegalTransitionException(current.key(), current.state(), to);
        }
        return fill.apply(current.next(now).state(to)).lease(null, null).build();
    }

    /** A new reason on a record that stays in {@code state}, which it must be in; its lease, if any, stays too. */
    static PublishRecord note(PublishRecord current, PublishState state, String actor, Instant now, String reason) {
        PublishKey.requireText(actor, "actor");
        if (current.state() != state) {
            throw new IllegalTransitionException(current.key(), current.state(), state);
        }
        return current.next(now).reason(reason, current.reopensAt()).build();
    }

    private static boolean needsLease(PublishState from, PublishState to) {
        return to.isInFlight() || to == PublishState.POSTED || (to == PublishState.FAILED && from.isInFlight());
    }

    /** A value that must be kept whole (a handle, an id, a URL). */
    static String whole(String value, String name) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** A reason for people to read: cut to fit rather than lose the state change. */
    static String reason(String value) {
        if (value == null || value.length() <= MAX_TEXT) {
            return value;
        }
        return value.substring(0, MAX_TEXT - 1) + "…";
    }
}

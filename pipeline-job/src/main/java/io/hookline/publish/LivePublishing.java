package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes a live match's clips as they land, one at a time and for any number of matches, through the same
 * ledger and {@link PublishRun} as a finished match: each destination's quota counts its posts whatever the
 * match. Everything done is in the ledger, so a clip handed in again (a restarted reader goes over the clips
 * topic from its start) plans nothing twice and posts nothing twice. A withdrawn clip is never planned; one
 * already planned is skipped, and one already posted keeps its post with the withdrawal noted on it.
 *
 * <p>A live clip's rank is the one it had when it landed, so a destination's {@code topPerMatch} takes the
 * first clips of a match that qualify rather than the best of the whole match.
 */
public final class LivePublishing {
    private final PublishLedger ledger;
    private final PublishRun run;
    private final List<Destination> destinations;
    private final String actor;
    private final Duration lease;
    /** Withdrawn clips seen by this reader; a clip withdrawn while it rendered can land after its withdrawal. */
    private final Set<String> withdrawn = new HashSet<>();

    public LivePublishing(
            PublishLedger ledger, PublishRun run, List<Destination> destinations, String actor, Duration lease) {
        this.ledger = ledger;
        this.run = run;
        this.destinations = List.copyOf(destinations);
        this.actor = actor;
        this.lease = lease;
    }

    /** Publishes the clips that landed together, best rank first, so a full quota skips the weaker ones. */
    public List<Outcome> landed(List<MatchClips> clips) throws InterruptedException {
        List<MatchClips> ordered = clips.stream()
                .filter(landed -> landed.clips().stream().noneMatch(c -> withdrawn.contains(c.clipId())))
                .sorted(Comparator.comparingInt(
                                (MatchClips landed) -> landed.clips().get(0).rank())
                        .thenComparing(landed -> -landed.clips().get(0).score()))
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (MatchClips landed : ordered) {
            List<Destination> taking =
                    destinations.stream().filter(d -> roomInTop(landed, d)).toList();
            outcomes.addAll(run.publishLanded(landed, taking));
        }
        return outcomes;
    }

    /**
     * A clip a correction withdrew: its records not yet sent are skipped (in flight after a crash: failed, or
     * UNCERTAIN when a post call was on its way), posted ones get the withdrawal noted. An UNCERTAIN one is
     * left to the person who settles it.
     */
    public List<PublishRecord> withdrawn(String matchId, String clipId, String why) {
        withdrawn.add(clipId);
        String reason = "withdrawn: " + why;
        List<PublishRecord> changed = new ArrayList<>();
        for (PublishRecord record : ledger.byMatch(matchId)) {
            if (!record.key().clipId().equals(clipId)) {
                continue;
            }
            PublishState state = record.state();
            if (state == PublishState.PLANNED || state == PublishState.AWAITING_APPROVAL) {
                changed.add(ledger.markSkipped(record.key(), record.version(), actor, reason, null));
            } else if (state == PublishState.UPLOADING || state == PublishState.PROCESSING) {
                ledger.claim(record.key(), record.version(), actor, lease)
                        .ifPresent(mine -> changed.add(ledger.markFailed(mine.key(), mine.version(), actor, reason)));
            } else if (state == PublishState.PUBLISHING) {
                // Killed during a post call that cannot be checked: the clip may be out, a person looks.
                ledger.claim(record.key(), record.version(), actor, lease)
                        .ifPresent(mine -> changed.add(ledger.markUncertain(
                                mine.key(),
                                mine.version(),
                                actor,
                                reason
                                        + "; a post call to " + mine.key().destination()
                                        + " was on its way and may have"
                                        + " gone through: check it, then ./hookline publish confirm or resend")));
            } else if (state == PublishState.POSTED
                    && (record.reason() == null || !record.reason().startsWith("withdrawn"))) {
                changed.add(ledger.noteWithdrawn(
                        record.key(),
                        record.version(),
                        actor,
                        reason + "; it was posted before, take it down on "
                                + record.key().destination()
                                + (record.postUrl() == null || record.postUrl().isEmpty()
                                        ? ""
                                        : " (" + record.postUrl() + ")")));
            }
        }
        return changed;
    }

    /** Whether the destination still takes a clip of this match under its {@code topPerMatch}. */
    private boolean roomInTop(MatchClips landed, Destination destination) {
        int top = destination.takes().topPerMatch();
        if (top <= 0) {
            return true;
        }
        String clipId = landed.clips().get(0).clipId();
        long others = ledger.byMatch(landed.matchId()).stream()
                .filter(r -> r.key().destination().equals(destination.name()))
                .map(r -> r.key().clipId())
                .filter(id -> !id.equals(clipId))
                .distinct()
                .count();
        return others < top;
    }
}

package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.ledger.PlannedPublish;
import io.hookline.publish.ledger.PostWindow;
import io.hookline.publish.ledger.PublishKey;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Publishes one match's clips to a set of destinations through the ledger: plans a record per eligible
 * (clip, rendition, destination), then per destination works through its records best rank first under the
 * rolling 24 h quota (counted across matches by the ledger) and the spacing between posts. A re-run plans
 * nothing twice and resumes records in flight from their stored handles.
 */
public final class PublishRun {
    static final Duration DAY = Duration.ofHours(24);

    private final PublishLedger ledger;
    private final Publishers publishers;
    private final Secrets secrets;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String owner;
    private final Duration lease;
    private final RecordSteps steps;
    private final Consumer<Outcome> progress;

    public PublishRun(
            PublishLedger ledger,
            Publishers publishers,
            Secrets secrets,
            Clock clock,
            Sleeper sleeper,
            Backoff backoff,
            String owner,
            Duration lease,
            Consumer<Outcome> progress) {
        this.ledger = ledger;
        this.publishers = publishers;
        this.secrets = secrets;
        this.clock = clock;
        this.sleeper = sleeper;
        this.owner = owner;
        this.lease = lease;
        this.steps = new RecordSteps(ledger, owner, lease, backoff, sleeper);
        this.progress = progress;
    }

    /** The records a match needs, best rank first; writes nothing. */
    public static List<PlannedPublish> plans(MatchClips match, List<Destination> destinations) {
        List<PlannedPublish> plans = new ArrayList<>();
        for (Destination destination : destinations) {
            for (ManifestClip clip : Eligibility.clips(match, destination)) {
                plans.add(new PlannedPublish(
                        new PublishKey(clip.clipId(), destination.rendition(), destination.name()),
                        match.matchId(),
                        clip.rank(),
                        clip.score()));
            }
        }
        return plans;
    }

    /** Plans the match's records; those of a destination that wants approval wait for a person. */
    public int plan(MatchClips match, List<Destination> destinations) {
        List<PlannedPublish> plans = plans(match, destinations);
        int added = ledger.planAll(plans);
        Map<String, Destination> byName = destinations.stream().collect(Collectors.toMap(Destination::name, d -> d));
        for (PlannedPublish plan : plans) {
            PublishRecord record = ledger.get(plan.key()).orElseThrow();
            // Only never-decided records: an approved one is PLANNED again, with its approver recorded.
            if (byName.get(plan.key().destination()).approval()
                    && record.state() == PublishState.PLANNED
                    && record.decidedBy() == null
                    && record.leaseOwner() == null) {
                ledger.requestApproval(plan.key(), record.version(), owner);
            }
        }
        return added;
    }

    /** Plans, then publishes to each destination in turn; returns what happened to every record. */
    public List<Outcome> publish(MatchClips match, List<Destination> destinations) throws InterruptedException {
        return publish(match, destinations, record -> true);
    }

    /**
     * Plans and publishes only the clips {@code landed} lists, leaving the match's other records alone: a live
     * match's clips arrive one by one, and the others are not missing from the manifest, just elsewhere.
     */
    public List<Outcome> publishLanded(MatchClips landed, List<Destination> destinations) throws InterruptedException {
        Set<String> clipIds = landed.clips().stream().map(ManifestClip::clipId).collect(Collectors.toSet());
        return publish(
                landed, destinations, record -> clipIds.contains(record.key().clipId()));
    }

    private List<Outcome> publish(MatchClips match, List<Destination> destinations, Predicate<PublishRecord> which)
            throws InterruptedException {
        plan(match, destinations);
        List<Outcome> outcomes = new ArrayList<>();
        for (Destination destination : destinations) {
            outcomes.addAll(publish(match, destination, which));
        }
        return outcomes;
    }

    private List<Outcome> publish(MatchClips match, Destination destination, Predicate<PublishRecord> which)
            throws InterruptedException {
        List<PublishRecord> records = ledger.byMatch(match.matchId()).stream()
                .filter(r -> r.key().destination().equals(destination.name()))
                .filter(which)
                .filter(r -> !r.state().isFinal())
                .sorted(Comparator.comparingInt(PublishRecord::rank)
                        .thenComparing(
                                Comparator.comparingDouble(PublishRecord::score).reversed()))
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        Optional<String> unusable = unusable(destination);
        Secret secret = null;
        if (unusable.isEmpty()) {
            try {
                secret = secrets.resolve(destination);
            } catch (CredentialException e) {
                unusable = Optional.of(e.getMessage());
            }
        }
        for (PublishRecord record : records) {
            Outcome outcome;
            if (record.state() == PublishState.AWAITING_APPROVAL) {
                outcome = new Outcome(record.key(), record.rank(), Outcome.Result.AWAITING_APPROVAL, "");
            } else if (record.state() == PublishState.UNCERTAIN) {
                outcome = new Outcome(record.key(), record.rank(), Outcome.Result.UNCERTAIN, record.reason());
            } else if (unusable.isPresent()) {
                outcome = new Outcome(record.key(), record.rank(), Outcome.Result.NOT_STARTED, unusable.get());
            } else {
                outcome = work(record, match, destination, secret);
            }
            progress.accept(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Optional<String> unusable(Destination destination) {
        return publishers.of(destination.platform()).isPresent()
                ? Optional.empty()
                : Optional.of(
                        "no publisher for " + destination.platform().name().toLowerCase() + " yet");
    }

    private Outcome work(PublishRecord record, MatchClips match, Destination destination, Secret secret)
            throws InterruptedException {
        Optional<PublishRecord> claimed = ledger.claim(record.key(), record.version(), owner, lease);
        if (claimed.isEmpty()) {
            return new Outcome(record.key(), record.rank(), Outcome.Result.BUSY, "another publisher holds it");
        }
        PublishRecord mine = claimed.get();
        if (mine.state() == PublishState.PLANNED) {
            PostWindow window = ledger.posts(destination.name(), DAY);
            Instant slot = window.nextSlotAt(destination.quota().postsPer24h());
            if (slot.isAfter(clock.instant())) {
                String reason = "quota of " + destination.quota().postsPer24h() + " posts per 24 h reached";
                ledger.markSkipped(mine.key(), mine.version(), owner, reason, slot);
                return new Outcome(mine.key(), mine.rank(), Outcome.Result.SKIPPED, reason + "; reopens at " + slot);
            }
            waitForSpacing(window, destination);
        }
        ManifestClip clip = match.clips().stream()
                .filter(c -> c.clipId().equals(mine.key().clipId()))
                .findFirst()
                .orElse(null);
        ManifestRendition rendition =
                clip == null ? null : clip.rendition(mine.key().rendition()).orElse(null);
        if (rendition == null || !rendition.ok()) {
            String reason =
                    "the manifest no longer lists a rendered " + mine.key().rendition() + " of this clip";
            ledger.markFailed(mine.key(), mine.version(), owner, reason);
            return new Outcome(mine.key(), mine.rank(), Outcome.Result.FAILED, reason);
        }
        PublishItem item = new PublishItem(
                mine.key(),
                match.matchId(),
                clip.kind(),
                clip.rank(),
                clip.score(),
                PostText.title(destination, clip),
                PostText.caption(destination, clip),
                rendition.file(),
                rendition.bytes(),
                rendition.sha256(),
                destination,
                secret);
        return steps.drive(mine, item, publishers.of(destination.platform()).orElseThrow());
    }

    /** Holds a new post back until the destination's spacing since its last post has passed. */
    private void waitForSpacing(PostWindow window, Destination destination) throws InterruptedException {
        if (window.postedAt().isEmpty() || destination.quota().spacingMs() <= 0) {
            return;
        }
        Instant last = window.postedAt().get(window.postedAt().size() - 1);
        Duration wait = Duration.between(
                clock.instant(), last.plusMillis(destination.quota().spacingMs()));
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}

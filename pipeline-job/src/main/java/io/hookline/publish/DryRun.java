package io.hookline.publish;

import io.hookline.profiles.Destination;
import io.hookline.publish.ledger.PlannedPublish;
import io.hookline.publish.ledger.PostWindow;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run would do, in order, with its quota decisions, without writing the ledger or calling a platform.
 * It reads the ledger, when there is one, for records already decided and for posts already in the window.
 */
public final class DryRun {
    private DryRun() {}

    /** {@code ledger} is empty when none exists yet. */
    public static List<Outcome> of(
            MatchClips match,
            List<Destination> destinations,
            Optional<PublishLedger> ledger,
            Publishers publishers,
            Clock clock) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Destination destination : destinations) {
            int quota = destination.quota().postsPer24h();
            Optional<PostWindow> window = ledger.map(l -> l.posts(destination.name(), PublishRun.DAY));
            List<Instant> posted =
                    new ArrayList<>(window.map(PostWindow::postedAt).orElse(List.of()));
            int used = posted.size() + window.map(PostWindow::inFlight).orElse(0);
            Instant next = clock.instant();
            boolean hasPublisher = publishers.of(destination.platform()).isPresent();
            for (PlannedPublish plan : PublishRun.plans(match, List.of(destination))) {
                Optional<PublishRecord> known = ledger.flatMap(l -> l.get(plan.key()));
                PublishState state = known.map(PublishRecord::state).orElse(PublishState.PLANNED);
                Outcome outcome;
                if (state != PublishState.PLANNED
                        || (destination.approval()
                                && known.map(r -> !r.approved()).orElse(true))) {
                    outcome = new Outcome(plan.key(), plan.rank(), already(state), "now " + state);
                } else if (used >= quota) {
                    Instant reopens = new PostWindow(
                                    destination.name(), clock.instant(), PublishRun.DAY, posted, used - posted.size())
                            .nextSlotAt(quota);
                    outcome = new Outcome(
                            plan.key(),
                            plan.rank(),
                            Outcome.Result.SKIPPED,
                            "quota of " + quota + " posts per 24 h reached; reopens at " + reopens);
                } else {
                    used++;
                    outcome = new Outcome(
                            plan.key(),
                            plan.rank(),
                            Outcome.Result.WOULD_POST,
                            "at " + next + (hasPublisher ? "" : " (no publisher for this platform yet)"));
                    next = next.plus(Duration.ofMillis(destination.quota().spacingMs()));
                }
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private static Outcome.Result already(PublishState state) {
        return switch (state) {
            case POSTED -> Outcome.Result.POSTED;
            case SKIPPED, REJECTED -> Outcome.Result.SKIPPED;
            case FAILED -> Outcome.Result.FAILED;
            case UPLOADING, PROCESSING, PUBLISHING -> Outcome.Result.INTERRUPTED;
            case UNCERTAIN -> Outcome.Result.UNCERTAIN;
            case PLANNED, AWAITING_APPROVAL -> Outcome.Result.AWAITING_APPROVAL;
        };
    }
}

package io.hookline.publish.ledger;

import static io.hookline.publish.ledger.LedgerMoves.LEASE;
import static io.hookline.publish.ledger.LedgerMoves.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testing.SteppingClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every publish ledger store must do, run against each store by a subclass. Each test gets an empty
 * database; {@link #openLedger} may be called again in a test for a second ledger on the same database.
 */
abstract class PublishLedgerContract {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    protected final SteppingClock clock = new SteppingClock(START);
    private final List<PublishLedger> opened = new ArrayList<>();
    protected PublishLedger ledger;
    private LedgerMoves moves;

    /** A ledger on this test's database. */
    protected abstract PublishLedger openLedger();

    /** This test's database, to write to it as an older version of the ledger did. */
    protected abstract LedgerDatabase database();

    /** Makes this test's empty database, before the first ledger opens on it. */
    protected void createEmptyDatabase() throws Exception {}

    @BeforeEach
    void openTheLedger() throws Exception {
        createEmptyDatabase();
        ledger = open();
        moves = new LedgerMoves(ledger);
    }

    protected LedgerMoves moves() {
        return moves;
    }

    @AfterEach
    void closeEveryLedger() {
        opened.forEach(PublishLedger::close);
    }

    private PublishLedger open() {
        PublishLedger fresh = openLedger();
        opened.add(fresh);
        return fresh;
    }

    @Test
    void aPlannedRecordStartsAtVersionOneWithItsRankScoreAndPlanTime() {
        PublishRecord r = moves.plan("clip-a", "tiktok", "match-7", 3, 8.5);

        assertThat(r.state()).isEqualTo(PublishState.PLANNED);
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.matchId()).isEqualTo("match-7");
        assertThat(r.rank()).isEqualTo(3);
        assertThat(r.score()).isEqualTo(8.5);
        assertThat(r.plannedAt()).isEqualTo(START);
        assertThat(r.updatedAt()).isEqualTo(START);
        assertThat(r.leaseOwner()).isNull();
    }

    @Test
    void planningTheSameMatchAgainPlansNothingTwice() {
        List<PlannedPublish> plans = new ArrayList<>();
        for (String destination : List.of("youtube", "tiktok")) {
            for (int rank = 1; rank <= 3; rank++) {
                plans.add(new PlannedPublish(new PublishKey("clip-" + rank, "vertical", destination), "m", rank, 1));
            }
        }
        assertThat(ledger.planAll(plans)).isEqualTo(6);
        PublishRecord started = moves.apply(
                moves.claimIfPossible(ledger.get(plans.get(0).key()).orElseThrow()), PublishState.UPLOADING);
        clock.advance(Duration.ofMinutes(1));

        assertThat(ledger.planAll(plans)).isZero();
        assertThat(ledger.plan(plans.get(0))).isFalse();
        assertThat(ledger.byMatch("m")).hasSize(6);
        assertThat(ledger.get(started.key())).contains(started); // a re-plan does not reset work under way
    }

    @Test
    void everyAllowedMoveIsAcceptedAndBumpsTheVersion() {
        SoftAssertions softly = new SoftAssertions();
        for (PublishState from : PublishState.values()) {
            for (PublishState to : from.next()) {
                PublishRecord before = moves.claimIfPossible(moves.reach("ok-" + from + "-" + to, from));
                PublishRecord after = moves.apply(before, to);
                softly.assertThat(after.state()).as(from + " -> " + to).isEqualTo(to);
                softly.assertThat(after.version()).as(from + " -> " + to).isEqualTo(before.version() + 1);
                softly.assertThat(ledger.get(after.key()))
                        .as(from + " -> " + to)
                        .contains(after);
            }
        }
        softly.assertAll();
    }

    @Test
    void everyOtherMoveIsRefusedAndChangesNothing() {
        int refused = 0;
        for (PublishState from : PublishState.values()) {
            for (PublishState to : PublishState.values()) {
                if (from.canMoveTo(to)) {
                    continue;
                }
                PublishRecord before = moves.claimIfPossible(moves.reach("no-" + from + "-" + to, from));
                assertThatThrownBy(() -> moves.apply(before, to))
                        .as(from + " -> " + to)
                        .isInstanceOf(IllegalTransitionException.class);
                assertThat(ledger.get(before.key())).as(from + " -> " + to).contains(before);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(100 - 21); // the table allows 21 moves
    }

    @Test
    void finalRecordsCannotBeClaimed() {
        for (PublishState state :
                List.of(PublishState.POSTED, PublishState.FAILED, PublishState.SKIPPED, PublishState.REJECTED)) {
            PublishRecord r = moves.reach("final-" + state, state);
            assertThat(r.leaseOwner()).as(state.name()).isNull();
            assertThat(ledger.claim(r.key(), r.version(), "publisher-2", LEASE))
                    .as(state.name())
                    .isEmpty();
        }
    }

    @Test
    void aWriteNamingAVersionThatMovedOnFailsAndChangesNothing() {
        PublishRecord read = moves.plan("clip-a");
        PublishRecord claimed = moves.claimIfPossible(read);

        assertThatThrownBy(() -> ledger.markFailed(read.key(), read.version(), OWNER, "late"))
                .isInstanceOf(LedgerConflictException.class)
                .hasMessageContaining("expected version 1");
        assertThat(ledger.claim(read.key(), read.version(), "publisher-2", LEASE))
                .isEmpty();
        assertThat(ledger.get(read.key())).contains(claimed);
    }

    @Test
    void twoThreadsRacingToClaimOneRecordHaveExactlyOneWinner() throws Exception {
        raceRounds(ledger, ledger);
    }

    @Test
    void twoLedgersOnOneDatabaseRacingToClaimOneRecordHaveExactlyOneWinner() throws Exception {
        raceRounds(ledger, open());
    }

    private void raceRounds(PublishLedger a, PublishLedger b) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                PublishRecord r = moves.plan("race-" + round);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> first = threads.submit(claimAfter(start, a, r, "a"));
                Future<Boolean> second = threads.submit(claimAfter(start, b, r, "b"));
                boolean aWon = first.get(30, TimeUnit.SECONDS);
                boolean bWon = second.get(30, TimeUnit.SECONDS);

                assertThat(aWon ^ bWon)
                        .as("round %d: a won %s, b won %s", round, aWon, bWon)
                        .isTrue();
                PublishRecord stored = ledger.get(r.key()).orElseThrow();
                assertThat(stored.leaseOwner()).isEqualTo(aWon ? "a" : "b");
                assertThat(stored.version()).isEqualTo(r.version() + 1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Callable<Boolean> claimAfter(CyclicBarrier start, PublishLedger l, PublishRecord r, String who) {
        return () -> {
            start.await();
            return l.claim(r.key(), r.version(), who, LEASE).isPresent();
        };
    }

    @Test
    void publishersWorkingTheSameQueueEachPostEveryRecordOnce() throws Exception {
        for (int i = 1; i <= 30; i++) {
            moves.plan("queue-" + i, "x", "match-1", i, 1);
        }
        PublishLedger other = open();
        Map<PublishKey, List<String>> workers = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String name : List.of("a1", "a2", "b1", "b2")) {
                PublishLedger mine = name.startsWith("a") ? ledger : other;
                running.add(threads.submit(() -> workTheQueue(mine, name, workers)));
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(workers).hasSize(30);
        assertThat(workers.values()).allSatisfy(owners -> assertThat(owners).hasSize(1));
        assertThat(ledger.byState(PublishState.POSTED)).hasSize(30);
    }

    private static Void workTheQueue(PublishLedger l, String name, Map<PublishKey, List<String>> workers) {
        List<PublishRecord> next;
        while (!(next = l.nextFor("x", 10)).isEmpty()) {
            for (PublishRecord r : next) {
                var mine = l.claim(r.key(), r.version(), name, LEASE);
                if (mine.isEmpty()) {
                    continue;
                }
                workers.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>())
                        .add(name);
                PublishRecord up = l.markUploading(r.key(), mine.get().version(), name, "s-" + name, 0);
                l.markPosted(r.key(), up.version(), name, "p", "https://example.invalid/p");
            }
        }
        return null;
    }

    @Test
    void aLeasedRecordIsNeitherClaimedNorMovedByAnotherOwner() {
        PublishRecord mine = moves.claimIfPossible(moves.plan("clip-a"));

        assertThat(ledger.claim(mine.key(), mine.version(), "publisher-2", LEASE))
                .isEmpty();
        assertThatThrownBy(() -> ledger.markUploading(mine.key(), mine.version(), "publisher-2", "s", 0))
                .isInstanceOf(LedgerConflictException.class)
                .hasMessageContaining("leased to " + OWNER);
        assertThatThrownBy(() -> ledger.markSkipped(mine.key(), mine.version(), "publisher-2", "quota", null))
                .isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.get(mine.key())).contains(mine);
    }

    @Test
    void remoteWorkNeedsAClaimFirst() {
        PublishRecord planned = moves.plan("clip-a");

        assertThatThrownBy(() -> ledger.markUploading(planned.key(), planned.version(), OWNER, null, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must claim it");
        assertThat(ledger.get(planned.key())).contains(planned);
    }

    @Test
    void theOwnerRenewsByClaimingAgainAndReleasesTheLease() {
        PublishRecord first = moves.claimIfPossible(moves.plan("clip-a"));
        clock.advance(Duration.ofMinutes(3));
        PublishRecord renewed =
                ledger.claim(first.key(), first.version(), OWNER, LEASE).orElseThrow();

        assertThat(renewed.leaseUntil())
                .isEqualTo(START.plus(Duration.ofMinutes(3)).plus(LEASE));
        PublishRecord released = ledger.release(renewed.key(), renewed.version(), OWNER);
        assertThat(released.leaseOwner()).isNull();
        assertThat(released.state()).isEqualTo(PublishState.PLANNED);
        assertThat(ledger.claim(released.key(), released.version(), "publisher-2", LEASE))
                .isPresent();
    }

    @Test
    void aCrashedOwnersLeaseEndsAndAnotherResumesFromTheStoredHandle() {
        PublishRecord claimed = moves.claimIfPossible(moves.plan("clip-a"));
        PublishRecord opening = ledger.markUploading(claimed.key(), claimed.version(), OWNER, null, 0);
        PublishRecord session = ledger.markUploading(opening.key(), opening.version(), OWNER, "upload-77", 0);
        PublishRecord chunk3 = ledger.markUploading(session.key(), session.version(), OWNER, "upload-77", 3);
        // publisher-1 dies here, holding the lease.

        assertThat(ledger.nextFor("youtube", 10)).isEmpty();
        clock.advance(LEASE);
        List<PublishRecord> resumable = ledger.nextFor("youtube", 10);
        assertThat(resumable).containsExactly(chunk3);

        PublishRecord resumed = ledger.claim(chunk3.key(), chunk3.version(), "publisher-2", LEASE)
                .orElseThrow();
        assertThat(resumed.state()).isEqualTo(PublishState.UPLOADING);
        assertThat(resumed.uploadHandle()).isEqualTo("upload-77");
        assertThat(resumed.uploadProgress()).isEqualTo(3);
        assertThat(ledger.plan(new PlannedPublish(chunk3.key(), "match-1", 1, 1)))
                .isFalse();

        // The old owner wakes up and carries on from what it last wrote: refused.
        assertThatThrownBy(() -> ledger.markUploading(chunk3.key(), chunk3.version(), OWNER, "upload-77", 4))
                .isInstanceOf(LedgerConflictException.class);

        PublishRecord chunk4 = ledger.markUploading(resumed.key(), resumed.version(), "publisher-2", "upload-77", 4);
        PublishRecord processing = ledger.markProcessing(chunk4.key(), chunk4.version(), "publisher-2", "media-9");
        PublishRecord posted = ledger.markPosted(
                processing.key(), processing.version(), "publisher-2", "v-1", "https://example.invalid/v-1");
        assertThat(posted.remoteId()).isEqualTo("media-9");
        assertThat(posted.postedAt()).isEqualTo(clock.instant());
        assertThat(posted.leaseOwner()).isNull();
        assertThat(ledger.get(posted.key())).contains(posted);
    }

    @Test
    void approvalIsRecordedAndWaitingRecordsAreNobodys() {
        PublishRecord waiting = moves.reach("clip-a", PublishState.AWAITING_APPROVAL);
        assertThat(waiting.leaseOwner()).isNull();
        assertThat(ledger.nextFor("youtube", 10)).isEmpty();
        assertThat(ledger.claim(waiting.key(), waiting.version(), OWNER, LEASE)).isEmpty();

        PublishRecord approved = ledger.approve(waiting.key(), waiting.version(), "editor@club");
        assertThat(approved.approved()).isTrue();
        assertThat(approved.decidedBy()).isEqualTo("editor@club");
        assertThat(ledger.nextFor("youtube", 10)).containsExactly(approved);

        PublishRecord other = moves.reach("clip-b", PublishState.AWAITING_APPROVAL);
        PublishRecord rejected = ledger.reject(other.key(), other.version(), "editor@club", "wrong sponsor");
        assertThat(rejected.reason()).isEqualTo("wrong sponsor");
        assertThat(rejected.decidedBy()).isEqualTo("editor@club");
    }

    @Test
    void anUncertainPostWaitsForAPersonWhoConfirmsItOrHasItSentAgain() {
        PublishRecord sending = moves.reach("clip-a", PublishState.PUBLISHING);
        assertThat(sending.remoteId()).isEqualTo("container-clip-a");
        assertThat(ledger.posts("youtube", Duration.ofHours(24)).inFlight()).isEqualTo(1);
        PublishRecord uncertain = ledger.markUncertain(sending.key(), sending.version(), OWNER, "check the channel");
        assertThat(uncertain.leaseOwner()).isNull();
        assertThat(uncertain.reason()).isEqualTo("check the channel");
        assertThat(ledger.nextFor("youtube", 10)).isEmpty();
        assertThat(ledger.claim(uncertain.key(), uncertain.version(), OWNER, LEASE))
                .isEmpty();
        assertThatThrownBy(() -> ledger.markPosted(uncertain.key(), uncertain.version(), OWNER, "p", "u"))
                .as("a publisher cannot settle it")
                .isInstanceOf(IllegalTransitionException.class);

        PublishRecord again = ledger.resend(uncertain.key(), uncertain.version(), "editor@club");
        assertThat(again.state()).isEqualTo(PublishState.PROCESSING);
        assertThat(again.remoteId())
                .as("the call goes again from where it was sent")
                .isEqualTo("container-clip-a");
        assertThat(again.decidedBy()).isEqualTo("editor@club");
        assertThat(again.reason()).isNull();
        assertThat(ledger.nextFor("youtube", 10)).containsExactly(again);

        PublishRecord sent = moves.reach("clip-b", PublishState.PUBLISHING);
        PublishRecord other = ledger.markUncertain(sent.key(), sent.version(), OWNER, "lost");
        PublishRecord confirmed = ledger.confirm(other.key(), other.version(), "editor@club", "https://t.me/c/7");
        assertThat(confirmed.state()).isEqualTo(PublishState.POSTED);
        assertThat(confirmed.postUrl()).isEqualTo("https://t.me/c/7");
        assertThat(confirmed.postedAt()).isNotNull();
        assertThat(ledger.posts("youtube", Duration.ofHours(24)).postedAt()).hasSize(1);
        assertThatThrownBy(() -> ledger.resend(again.key(), again.version(), "editor@club"))
                .as("only an uncertain record is settled by a person")
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void confirmingOneCallOfSeveralGoesOnAfterIt() {
        PublishRecord processing = moves.reach("clip-a", PublishState.PROCESSING);
        PublishRecord sending = ledger.markPublishing(processing.key(), processing.version(), OWNER, "media-1@bob");
        assertThat(sending.remoteId()).isEqualTo("container-clip-a");
        assertThat(sending.postId()).isEqualTo("media-1@bob");
        assertThat(sending.postedAt()).isNull();
        PublishRecord uncertain = ledger.markUncertain(sending.key(), sending.version(), OWNER, "check bob");

        PublishRecord confirmed = ledger.confirm(uncertain.key(), uncertain.version(), "editor@club", "");
        assertThat(confirmed.state()).isEqualTo(PublishState.PROCESSING);
        assertThat(confirmed.remoteId()).isEqualTo("media-1@bob");
        assertThat(confirmed.postId()).isNull();
        assertThat(ledger.nextFor("youtube", 10)).containsExactly(confirmed);
    }

    @Test
    void aQuotaSkipKeepsWhenTheWindowReopens() {
        PublishRecord r = moves.claimIfPossible(moves.plan("clip-a"));
        Instant reopens = START.plus(Duration.ofHours(20));
        PublishRecord skipped = ledger.markSkipped(r.key(), r.version(), OWNER, "daily quota of 6 reached", reopens);

        assertThat(ledger.get(r.key())).contains(skipped);
        assertThat(skipped.reopensAt()).isEqualTo(reopens);
        assertThat(skipped.leaseOwner()).isNull();
    }

    @Test
    void nextWorkComesBestRankFirstThenHigherScore() {
        moves.plan("rank-3", "youtube", "m", 3, 9.0);
        moves.plan("rank-1", "youtube", "m", 1, 2.0);
        moves.plan("rank-2-low", "youtube", "m", 2, 4.0);
        moves.plan("rank-2-high", "youtube", "m", 2, 7.0);
        moves.plan("other-destination", "tiktok", "m", 1, 9.0);
        moves.claimIfPossible(moves.plan("leased", "youtube", "m", 1, 9.0));
        moves.reach("posted", PublishState.POSTED);
        PublishRecord inFlight = moves.plan("in-flight", "youtube", "m", 4, 1.0);
        moves.apply(moves.claimIfPossible(inFlight), PublishState.UPLOADING);
        clock.advance(Duration.ofMinutes(1));

        assertThat(ledger.nextFor("youtube", 3))
                .extracting(r -> r.key().clipId())
                .containsExactly("rank-1", "rank-2-high", "rank-2-low");
        assertThat(ledger.nextFor("youtube", 10))
                .extracting(r -> r.key().clipId())
                .containsExactly("rank-1", "rank-2-high", "rank-2-low", "rank-3");
        clock.advance(LEASE);
        assertThat(ledger.nextFor("youtube", 10))
                .extracting(r -> r.key().clipId())
                .containsExactly("leased", "rank-1", "rank-2-high", "rank-2-low", "rank-3", "in-flight");
    }

    @Test
    void postsAreCountedOverTheRollingWindowWhichReopensWhenTheOldestLeaves() {
        Instant[] postTimes = {START, START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(5))};
        for (int i = 0; i < postTimes.length; i++) {
            clock.set(postTimes[i]);
            moves.reach("post-" + i, PublishState.POSTED);
        }
        moves.reach("failed", PublishState.FAILED);
        moves.reach("uploading", PublishState.UPLOADING);
        moves.reach("uncertain", PublishState.UNCERTAIN);
        moves.plan("elsewhere", "tiktok", "m", 1, 1);
        Duration day = Duration.ofHours(24);

        clock.set(START.plus(Duration.ofHours(6)));
        PostWindow window = ledger.posts("youtube", day);
        assertThat(window.postedAt()).containsExactly(postTimes);
        assertThat(window.count()).isEqualTo(3);
        assertThat(window.inFlight())
                .as("uploading, and uncertain: it may have been posted")
                .isEqualTo(2);
        assertThat(window.nextSlotAt(5))
                .as("3 posts and 2 that may be posts fill a quota of 5")
                .isEqualTo(START.plus(day));
        assertThat(window.reopensAt()).contains(START.plus(day));

        clock.set(START.plus(day)); // exactly a day after the first post: it has left the window
        PostWindow later = ledger.posts("youtube", day);
        assertThat(later.count()).isEqualTo(2);
        assertThat(later.reopensAt()).contains(postTimes[1].plus(day));
        assertThat(ledger.posts("tiktok", day).count()).isZero();
        assertThat(ledger.posts("tiktok", day).reopensAt()).isEmpty();
    }

    @Test
    void recordsAreListedByMatchByDestinationAndByState() {
        moves.plan("c2", "youtube", "m1", 2, 1);
        moves.plan("c1", "tiktok", "m1", 1, 1);
        moves.plan("c3", "youtube", "m2", 3, 1);
        PublishRecord failed = moves.reach("c4", PublishState.FAILED);

        assertThat(ledger.byMatch("m1")).extracting(r -> r.key().clipId()).containsExactly("c1", "c2");
        assertThat(ledger.byDestination("youtube"))
                .extracting(r -> r.key().clipId())
                .containsExactly("c4", "c2", "c3");
        assertThat(ledger.byState(PublishState.FAILED)).containsExactly(failed);
        assertThat(ledger.byState(PublishState.POSTED)).isEmpty();
    }

    @Test
    void aWriteToARecordThatWasNeverPlannedFails() {
        PublishKey unknown = new PublishKey("nope", "landscape", "youtube");

        assertThat(ledger.get(unknown)).isEmpty();
        assertThat(ledger.claim(unknown, 1, OWNER, LEASE)).isEmpty();
        assertThatThrownBy(() -> ledger.markFailed(unknown, 1, OWNER, "x"))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("not in the ledger");
    }

    @Test
    void recordsSurviveClosingAndReopeningTheStore() {
        PublishRecord uploading =
                ledger.markUploading(moves.claimIfPossible(moves.plan("clip-a")).key(), 2, OWNER, "upload-1", 5);
        PublishRecord posted = moves.reach("clip-b", PublishState.POSTED);
        PublishRecord skipped =
                ledger.markSkipped(moves.plan("clip-c").key(), 1, OWNER, "quota", START.plus(Duration.ofHours(3)));
        List<PublishRecord> before = ledger.byMatch("match-1");

        ledger.close();
        ledger = open();

        assertThat(ledger.byMatch("match-1")).isEqualTo(before).contains(uploading, posted, skipped);
        assertThat(ledger.plan(new PlannedPublish(uploading.key(), "match-1", 1, 1)))
                .isFalse();
    }

    @Test
    void aLedgerMadeBeforePublishingAndUncertainExistedIsMigratedWhenOpenedAndKeepsItsRecords() throws Exception {
        ledger.close();
        try (Connection connection = database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE publish_ledger_schema");
            statement.execute("DROP TABLE publish_ledger");
        }
        OldLedgerSchema.create(database());
        try (Connection connection = database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO publish_ledger (clip_id, rendition, destination, match_id, clip_rank,"
                    + " score, state, version, upload_progress, planned_at_ms, updated_at_ms)"
                    + " VALUES ('old-clip', 'landscape', 'youtube', 'match-1', 1, 0.5, 'PLANNED', 1, 0, 1, 1)");
            assertThatThrownBy(() -> statement.execute("UPDATE publish_ledger SET state = 'UNCERTAIN'"))
                    .as("the old schema refuses the new states")
                    .isInstanceOf(SQLException.class);
        }

        ledger = open();
        moves = new LedgerMoves(ledger);

        assertThat(OldLedgerSchema.version(database())).isEqualTo(LedgerSchema.VERSION);
        PublishRecord old =
                ledger.get(new PublishKey("old-clip", "landscape", "youtube")).orElseThrow();
        assertThat(old.state()).isEqualTo(PublishState.PLANNED);
        PublishRecord uncertain = moves.reach("new-clip", PublishState.UNCERTAIN);
        assertThat(moves.apply(uncertain, PublishState.PROCESSING).state()).isEqualTo(PublishState.PROCESSING);
        PublishRecord publishing = moves.apply(
                moves.apply(moves.apply(moves.claimIfPossible(old), PublishState.UPLOADING), PublishState.PROCESSING),
                PublishState.PUBLISHING);
        assertThat(publishing.state()).isEqualTo(PublishState.PUBLISHING);
        try (Connection connection = database().connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE publish_ledger SET state = 'LOST'"))
                    .as("the new check still refuses what is no state")
                    .isInstanceOf(SQLException.class);
        }

        ledger.close();
        ledger = open();
        assertThat(OldLedgerSchema.version(database()))
                .as("opening again changes nothing")
                .isEqualTo(LedgerSchema.VERSION);
        assertThat(ledger.get(publishing.key())).contains(publishing);
    }
}

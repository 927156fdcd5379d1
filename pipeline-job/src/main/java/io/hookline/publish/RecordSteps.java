package io.hookline.publish;

import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.NotSentException;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.ledger.LedgerConflictException;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives one claimed record through its publisher's steps (see {@link Publisher}), writing the ledger before
 * each remote call that depends on it and after each one, and resuming from whatever state it finds.
 */
final class RecordSteps {
    private final PublishLedger ledger;
    private final String owner;
    private final Duration lease;
    private final Backoff backoff;
    private final Sleeper sleeper;

    RecordSteps(PublishLedger ledger, String owner, Duration lease, Backoff backoff, Sleeper sleeper) {
        this.ledger = ledger;
        this.owner = owner;
        this.lease = lease;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    @FunctionalInterface
    private interface Step<T> {
        T call() throws IOException, PublishRefusedException;
    }

    Outcome drive(PublishRecord claimed, PublishItem item, Publisher publisher) throws InterruptedException {
        PublishRecord record = claimed;
        boolean resumed = claimed.state().isInFlight();
        try {
            if (record.state() == PublishState.PUBLISHING) {
                // A post call went out and its answer was never recorded; this platform cannot say which.
                String reason = uncertain(item, record.postId() != null ? record.postId() : record.remoteId());
                ledger.markUncertain(item.key(), record.version(), owner, reason);
                return new Outcome(item.key(), item.rank(), Outcome.Result.UNCERTAIN, reason);
            }
            if (record.state() == PublishState.PLANNED) {
                // Written before the session opens: from here on a crash resumes, never plans anew.
                record = ledger.markUploading(item.key(), record.version(), owner, null, 0);
            }
            if (record.state() == PublishState.UPLOADING && record.uploadHandle() == null) {
                String handle = retried(() -> publisher.start(item));
                record = ledger.markUploading(item.key(), renew(record).version(), owner, handle, 0);
            }
            while (record.state() == PublishState.UPLOADING && record.uploadProgress() < item.bytes()) {
                PublishRecord at = renew(record);
                long progress = retried(() -> publisher.upload(item, at.uploadHandle(), at.uploadProgress()));
                if (progress <= at.uploadProgress()) {
                    throw new IOException("the upload did not move past byte " + at.uploadProgress());
                }
                record = ledger.markUploading(item.key(), at.version(), owner, at.uploadHandle(), progress);
            }
            if (record.state() == PublishState.UPLOADING) {
                String handle = record.uploadHandle();
                String remoteId = retried(() -> publisher.finish(item, handle));
                record = ledger.markProcessing(item.key(), renew(record).version(), owner, remoteId);
            }
            String remoteId = record.remoteId();
            if (resumed) {
                // An earlier run may have published before it died: ask before publishing again.
                Optional<Post> earlier = retried(() -> publisher.find(item, remoteId));
                if (earlier.isPresent()) {
                    return posted(record, item, earlier.get());
                }
            }
            Processing processing = retried(() -> publisher.poll(item, remoteId));
            while (processing.state() == Processing.State.WORKING) {
                sleeper.sleep(processing.pollAgainIn());
                record = renew(record);
                processing = retried(() -> publisher.poll(item, remoteId));
            }
            if (processing.state() == Processing.State.FAILED) {
                throw new PublishRefusedException("processing failed: " + processing.reason());
            }
            String sent = remoteId;
            while (true) {
                String from = sent;
                record = beforePostCall(record, item, publisher, from);
                Optional<String> next = postCall(publisher, () -> publisher.sendNext(item, from));
                if (next.isEmpty()) {
                    break;
                }
                record = ledger.markProcessing(item.key(), renew(record).version(), owner, next.get());
                sent = next.get();
            }
            String done = sent;
            Post post = postCall(publisher, () -> publisher.publish(item, done));
            return posted(renew(record), item, post);
        } catch (MaybePostedException e) {
            PublishRecord current = ledger.get(item.key()).orElseThrow();
            String reason = uncertain(item, current.postId() != null ? current.postId() : current.remoteId()) + " ("
                    + e.getMessage() + ")";
            ledger.markUncertain(item.key(), current.version(), owner, reason);
            return new Outcome(item.key(), item.rank(), Outcome.Result.UNCERTAIN, reason);
        } catch (PublishRefusedException e) {
            PublishRecord current = ledger.get(item.key()).orElseThrow();
            ledger.markFailed(item.key(), current.version(), owner, e.getMessage());
            return new Outcome(item.key(), item.rank(), Outcome.Result.FAILED, e.getMessage());
        } catch (IOException e) {
            PublishRecord current = ledger.get(item.key()).orElseThrow();
            if (e instanceof NotSentException
                    && current.state() == PublishState.PUBLISHING
                    && owner.equals(current.leaseOwner())) {
                // The post call never reached the platform: the next run sends it again, no person needed.
                current = ledger.markProcessing(item.key(), current.version(), owner, current.remoteId());
            }
            if (owner.equals(current.leaseOwner())) {
                ledger.release(item.key(), current.version(), owner);
            }
            return new Outcome(
                    item.key(), item.rank(), Outcome.Result.INTERRUPTED, e.getMessage() + "; the next run resumes it");
        } catch (LedgerConflictException e) {
            return new Outcome(item.key(), item.rank(), Outcome.Result.BUSY, e.getMessage());
        }
    }

    /** Written before a post call the platform cannot be asked about later, so a crash leaves a trace of it. */
    private PublishRecord beforePostCall(PublishRecord record, PublishItem item, Publisher publisher, String remoteId) {
        if (publisher.canTellWhetherPosted()) {
            return record;
        }
        String pending = publisher.nextCall(item, remoteId).orElse(null);
        return ledger.markPublishing(item.key(), renew(record).version(), owner, pending);
    }

    static String uncertain(PublishItem item, String call) {
        String clip = item.key().clipId();
        return "the publish call (" + call + ") may have gone through and "
                + item.destination().platform().name().toLowerCase() + " cannot be asked; check "
                + item.destination().name() + ", then ./hookline publish resend " + clip
                + " or ./hookline publish confirm " + clip + " URL";
    }

    private Outcome posted(PublishRecord record, PublishItem item, Post post) {
        ledger.markPosted(item.key(), record.version(), owner, post.id(), post.url());
        return new Outcome(item.key(), item.rank(), Outcome.Result.POSTED, post.url());
    }

    /** Renews the lease before a remote call, so a long upload is not taken over while it runs. */
    private PublishRecord renew(PublishRecord record) {
        return ledger.claim(record.key(), record.version(), owner, lease)
                .orElseThrow(() -> new LedgerConflictException(record.key(), "lost the lease to another publisher"));
    }

    /**
     * A post call. One the platform cannot be asked about afterwards is repeated only while it certainly did
     * not arrive; once a call broke off after it may have, sending it again could post twice, so the record
     * goes to a person instead, just as after a kill in that instant.
     */
    private <T> T postCall(Publisher publisher, Step<T> step)
            throws IOException, PublishRefusedException, InterruptedException {
        if (publisher.canTellWhetherPosted()) {
            return retried(step);
        }
        return retried(() -> {
            try {
                return step.call();
            } catch (NotSentException e) {
                throw e;
            } catch (IOException e) {
                throw new MaybePostedException(e.getMessage());
            }
        });
    }

    /** A post call broke off after it may have reached a platform that cannot be asked. */
    private static final class MaybePostedException extends RuntimeException {
        MaybePostedException(String message) {
            super(message);
        }
    }

    /** A step again, with backoff, while the connection breaks: each try starts from the ledger's state. */
    private <T> T retried(Step<T> step) throws IOException, PublishRefusedException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.call();
            } catch (IOException e) {
                if (attempt >= backoff.attempts()) {
                    throw e;
                }
                sleeper.sleep(backoff.delay(attempt - 1));
            }
        }
    }
}

package io.hookline.publish;

import java.io.IOException;
import java.util.Optional;

/**
 * One platform's protocol, cut into steps the engine ({@link RecordSteps}) drives one at a time, writing the
 * ledger between them so a crash at any point resumes instead of starting over. The engine calls:
 *
 * <ol>
 *   <li>{@link #start} after writing UPLOADING with no handle; the handle it returns is written before
 *   anything uses it. A crash before that write calls {@code start} again, so an opened but unrecorded
 *   session must be harmless (YouTube, TikTok and X sessions expire unused; an Instagram container is never
 *   published without its id).</li>
 *   <li>{@link #upload} until the progress reaches the file's size, the progress written after each call. The
 *   progress given is the ledger's: a platform that can say what it holds (YouTube's 308 and Range) asks and
 *   goes on from there; one that cannot re-sends the chunk, which its protocol overwrites (X's segment index,
 *   TikTok's byte range).</li>
 *   <li>{@link #finish}, whose platform id (container, publish or media id) is written at once.</li>
 *   <li>{@link #poll} until ready.</li>
 *   <li>{@link #sendNext} until it returns empty, each remote id it returns written before the next call: a
 *   post made of several calls (WhatsApp's message to each subscriber) resumes after the last call recorded.
 *   Most platforms have none.</li>
 *   <li>{@link #publish}, then the post id and URL are written. On a record resumed while processing, the
 *   engine first asks {@link #find} whether an earlier publish call went through, because no platform takes an
 *   idempotency key for it and a blind retry may post twice.</li>
 * </ol>
 *
 * <p>A platform without a step returns at once: a webhook has no session, so {@code upload} reports the whole
 * file and the single POST is {@code publish}. An {@link IOException} means "try again": the engine retries the
 * step from the ledger's state with backoff, and leaves the record in flight for the next run when that is
 * exhausted. {@link PublishRefusedException} means the platform refused for good: the record fails with the
 * reason. Answers 429 and 5xx are retried inside the step by {@link io.hookline.publish.http.RetryingHttp},
 * honouring Retry-After, for calls that are safe to repeat. Nothing a publisher throws or returns may contain
 * the secret.
 */
public interface Publisher {

    /** Opens the upload session; returns its handle (a URL, an upload id), never null. */
    String start(PublishItem item) throws IOException, PublishRefusedException;

    /** Sends the next part from {@code progress} bytes on; returns the bytes the platform now holds. */
    long upload(PublishItem item, String handle, long progress) throws IOException, PublishRefusedException;

    /** Closes the upload; returns the id under which the platform processes it. */
    String finish(PublishItem item, String handle) throws IOException, PublishRefusedException;

    /** Where the platform's processing of {@code remoteId} is. */
    Processing poll(PublishItem item, String remoteId) throws IOException, PublishRefusedException;

    /** The post an earlier {@link #publish} of {@code remoteId} made, if the platform can tell. */
    Optional<Post> find(PublishItem item, String remoteId) throws IOException, PublishRefusedException;

    /**
     * Makes the next of several calls a post takes, from what {@code remoteId} records as done; returns the
     * remote id that records this call too, or empty when no call is left.
     */
    default Optional<String> sendNext(PublishItem item, String remoteId) throws IOException, PublishRefusedException {
        return Optional.empty();
    }

    /**
     * False for a platform that neither takes an idempotency key for its post calls ({@link #publish} and
     * {@link #sendNext}) nor can say afterwards whether one went through: the engine then writes PUBLISHING
     * before each such call, and a record a later run finds there waits for a person (UNCERTAIN) instead of
     * being sent again.
     */
    default boolean canTellWhetherPosted() {
        return true;
    }

    /**
     * The remote id {@link #sendNext} would return from {@code remoteId}, without calling: empty when no call
     * is left. Only a platform that cannot tell whether it posted needs it, to record which call is on its way.
     */
    default Optional<String> nextCall(PublishItem item, String remoteId) {
        return Optional.empty();
    }

    /** Makes the post. */
    Post publish(PublishItem item, String remoteId) throws IOException, PublishRefusedException;
}

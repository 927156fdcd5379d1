package io.hookline.publish.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.publish.OneRequestPublisher;
import io.hookline.publish.Post;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.http.RetryingHttp;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts a clip to the URL a webhook destination names (its {@code account}): one multipart POST with the
 * clip's metadata as JSON and the file, signed with {@code X-Hookline-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the exact body under the destination's secret. {@code Idempotency-Key} carries the ledger
 * key, the same on every attempt, so a receiver can drop the repeat that a crash between its answer and our
 * ledger write causes. The webhook has no upload session or processing: only {@link #publish} calls out.
 */
public final class WebhookPublisher implements OneRequestPublisher {
    public static final String SIGNATURE = "X-Hookline-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetryingHttp http;
    private final Duration timeout;

    public WebhookPublisher(RetryingHttp http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String start(PublishItem item) {
        return item.idempotencyKey();
    }

    @Override
    public Optional<Post> find(PublishItem item, String remoteId) {
        return Optional.empty(); // a webhook cannot be asked; the idempotency key lets the receiver dedupe
    }

    @Override
    public Post publish(PublishItem item, String remoteId) throws IOException, PublishRefusedException {
        URI url = URI.create(item.destination().account());
        WebhookBody body = new WebhookBody("hookline-" + UUID.randomUUID(), metadata(item), item.file());
        String signature;
        try {
            signature = body.sign(item.secret().bytes(), item.sha256());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new PublishRefusedException("the clip's file is gone: " + item.file());
        } catch (WebhookBody.FileChangedException e) {
            throw new PublishRefusedException(e.getMessage());
        }
        HttpResponse<String> response = http.send(() -> HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", body.contentType())
                .header(SIGNATURE, signature)
                .header(IDEMPOTENCY_KEY, remoteId)
                .POST(bodyOf(body))
                .build());
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new PublishRefusedException(
                    "HTTP " + status + " from " + RetryingHttp.host(url) + ": " + excerpt(response.body()));
        }
        return post(response.body(), remoteId);
    }

    private static HttpRequest.BodyPublisher bodyOf(WebhookBody body) {
        try {
            return body.publisher();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String metadata(PublishItem item) {
        ObjectNode json = JSON.createObjectNode()
                .put("match", item.matchId())
                .put("clipId", item.key().clipId())
                .put("kind", item.kind())
                .put("rank", item.rank())
                .put("score", item.score())
                .put("title", item.title())
                .put("caption", item.caption())
                .put("rendition", item.key().rendition())
                .put("destination", item.key().destination())
                .put("sha256", item.sha256())
                .put("bytes", item.bytes())
                .put("idempotencyKey", item.idempotencyKey());
        return json.toString();
    }

    /** The receiver's {"id", "url"} when it answers with them; else the idempotency key stands for the post. */
    private static Post post(String answer, String remoteId) {
        try {
            JsonNode json = answer.isBlank() ? null : JSON.readTree(answer);
            if (json != null && json.hasNonNull("id")) {
                return new Post(json.get("id").asText(), json.path("url").asText(""));
            }
        } catch (IOException notJson) {
            // Any 2xx is a delivery; the body is only a courtesy.
        }
        return new Post(remoteId, "");
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}

package io.hookline.publish.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.profiles.PlatformLimits;
import io.hookline.publish.ClipCheck;
import io.hookline.publish.OneRequestPublisher;
import io.hookline.publish.Post;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.http.AnswerJson;
import io.hookline.publish.http.MultipartBody;
import io.hookline.publish.http.NotSentException;
import io.hookline.publish.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Posts a clip to a Telegram chat (a channel's {@code @username} or a chat id, the destination's account)
 * with the Bot API's {@code sendVideo}: one multipart upload of the file with its caption. The Bot API caps
 * that upload at 50 MB; a destination with {@code localBotApi} sends through a self-hosted Bot API server,
 * which takes 2000 MB (both figures from the destination files). There is no upload session, so a broken-off
 * upload is sent again whole if it never reached Telegram, and nothing to poll. The Bot API neither takes an
 * idempotency key nor lets a bot read a channel's messages, so a sendVideo that broke off after it reached
 * Telegram is not repeated: the engine leaves the record UNCERTAIN for a person.
 */
public final class TelegramPublisher implements OneRequestPublisher {
    /** Telegram's most for a media caption, in characters. */
    static final int MAX_CAPTION = 1024;

    private final RetryingHttp http;
    private final URI cloud;
    private final Optional<URI> local;
    private final Duration timeout;
    private final ClipCheck cloudCheck;
    private final ClipCheck localCheck;

    /**
     * @param cloud {@code https://api.telegram.org}, or an emulator's address
     * @param local the self-hosted Bot API server, for destinations with {@code localBotApi}
     */
    public TelegramPublisher(
            RetryingHttp http, URI cloud, Optional<URI> local, PlatformLimits limits, Duration timeout) {
        this.http = http;
        this.cloud = cloud;
        this.local = local;
        this.timeout = timeout;
        this.cloudCheck = new ClipCheck("Telegram's Bot API", limits.sizeCapBytes(), limits, Set.of());
        this.localCheck = new ClipCheck(
                "a self-hosted Telegram Bot API server", limits.selfHostedSizeCapBytes(), limits, Set.of());
    }

    @Override
    public String start(PublishItem item) throws IOException, PublishRefusedException {
        base(item);
        (item.destination().localBotApi() ? localCheck : cloudCheck).check(item);
        return "sendVideo:" + item.destination().account();
    }

    @Override
    public boolean canTellWhetherPosted() {
        return false;
    }

    @Override
    public Optional<Post> find(PublishItem item, String remoteId) {
        return Optional.empty(); // a bot cannot read a channel's messages
    }

    @Override
    public Post publish(PublishItem item, String remoteId) throws IOException, PublishRefusedException {
        URI url = base(item).resolve("/bot" + item.secret().value() + "/sendVideo");
        String chat = item.destination().account();
        HttpResponse<String> response;
        try {
            response = http.send(() -> {
                MultipartBody body = new MultipartBody()
                        .field("chat_id", chat)
                        .field("caption", caption(item))
                        .field("supports_streaming", "true")
                        .media("video", "video/mp4", item.file());
                return HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Content-Type", body.contentType())
                        .POST(body.publisher())
                        .build();
            });
        } catch (IOException e) {
            // The request's URL holds the bot token: a message that might quote it is not passed on.
            String why = e.getMessage() == null
                            || e.getMessage().contains(item.secret().value())
                    ? e.getClass().getSimpleName()
                    : e.getMessage();
            String message = "sendVideo to " + RetryingHttp.host(url) + " broke off: " + why;
            throw e instanceof NotSentException ? new NotSentException(message) : new IOException(message);
        }
        JsonNode json = AnswerJson.of(response.body());
        if (response.statusCode() == 200 && json.path("ok").asBoolean(false)) {
            JsonNode message = json.path("result");
            String messageId = message.path("message_id").asText();
            return new Post(chat + "/" + messageId, link(chat, messageId));
        }
        String why = json.path("description").asText("HTTP " + response.statusCode());
        if (response.statusCode() == 401 || response.statusCode() == 404) {
            throw new PublishRefusedException("Telegram does not know the bot token (HTTP " + response.statusCode()
                    + "); check the destination's credentials");
        }
        throw new PublishRefusedException(
                "Telegram refused sendVideo to " + chat + " (HTTP " + response.statusCode() + "): " + why);
    }

    /** The title, then the caption, cut to Telegram's 1024 characters. */
    static String caption(PublishItem item) {
        String text = item.caption().isEmpty() ? item.title() : item.title() + "\n" + item.caption();
        return text.codePointCount(0, text.length()) <= MAX_CAPTION
                ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_CAPTION - 1)) + "…";
    }

    /** A public channel's message link; a chat known only by its id has none. */
    private static String link(String chat, String messageId) {
        return chat.startsWith("@") ? "https://t.me/" + chat.substring(1) + "/" + messageId : "";
    }

    private URI base(PublishItem item) throws PublishRefusedException {
        if (!item.destination().localBotApi()) {
            return cloud;
        }
        return local.orElseThrow(
                () -> new PublishRefusedException(item.destination().name()
                        + " uploads through a self-hosted Bot API server (localBotApi), but none is configured;"
                        + " give its address with --api-url telegram-local=URL"));
    }
}

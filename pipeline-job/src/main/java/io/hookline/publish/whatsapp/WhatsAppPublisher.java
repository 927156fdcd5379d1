package io.hookline.publish.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.profiles.PlatformLimits;
import io.hookline.publish.ClipCheck;
import io.hookline.publish.OneRequestPublisher;
import io.hookline.publish.Post;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.http.AnswerJson;
import io.hookline.publish.http.MultipartBody;
import io.hookline.publish.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a clip as a WhatsApp Cloud API alert: the video is uploaded once to {@code /{phone-number-id}/media}
 * (the destination's account), whose media id is the upload handle, then an approved template with that
 * video in its header and the clip's title as its body parameter goes to each number of the opt-in list, one
 * message a call. Outside a 24 h window the subscriber opened, WhatsApp delivers only templates. The ledger
 * records the media id and then the last number sent to, so a resumed fan-out goes on with the next number;
 * an unrecorded upload is harmless (the media expires unused). WhatsApp takes no idempotency key and offers
 * no way to list sent messages: a message whose call broke off after it reached WhatsApp is not sent again,
 * the engine leaves the record UNCERTAIN naming that number.
 */
public final class WhatsAppPublisher implements OneRequestPublisher {
    /** ISO BMFF brands of MP4 and 3GP files; WhatsApp takes no other container (not QuickTime's "qt  "). */
    static final Set<String> BRANDS = Set.of(
            "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "3gp4", "3gp5", "3gp6", "3g2a");

    private static final String SENT = "@";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetryingHttp http;
    private final String base;
    private final Recipients recipients;
    private final String template;
    private final String language;
    private final Duration timeout;
    private final ClipCheck check;

    /**
     * @param base     {@code https://graph.facebook.com/v21.0}, or an emulator's address
     * @param template the approved template's name; its header is a video, its body has one text parameter
     */
    public WhatsAppPublisher(
            RetryingHttp http,
            URI base,
            Recipients recipients,
            String template,
            String language,
            PlatformLimits limits,
            Duration timeout) {
        this.http = http;
        this.base = base.toString().replaceFirst("/+$", "");
        this.recipients = recipients;
        this.template = template;
        this.language = language;
        this.timeout = timeout;
        this.check = new ClipCheck("WhatsApp", limits.sizeCapBytes(), limits, BRANDS);
    }

    @Override
    public String start(PublishItem item) throws IOException, PublishRefusedException {
        if (recipients.numbers().isEmpty()) {
            throw new PublishRefusedException("no opted-in numbers to send "
                    + item.destination().name() + " to; give the opt-in list with --whatsapp-recipients FILE");
        }
        check.check(item);
        HttpResponse<String> response = http.send(() -> {
            MultipartBody body = new MultipartBody()
                    .field("messaging_product", "whatsapp")
                    .field("type", "video/mp4")
                    .media("file", "video/mp4", item.file());
            return request(item, "/media")
                    .header("Content-Type", body.contentType())
                    .POST(body.publisher())
                    .build();
        });
        return field(answer(response, "the media upload"), "id", "the media upload");
    }

    @Override
    public boolean canTellWhetherPosted() {
        return false;
    }

    @Override
    public Optional<Post> find(PublishItem item, String remoteId) {
        return Optional.empty(); // sent messages cannot be listed; the ledger's last number says where to go on
    }

    /** "media-id@number" of the number after the last one recorded in {@code remoteId}. */
    @Override
    public Optional<String> nextCall(PublishItem item, String remoteId) {
        String last = remoteId.contains(SENT) ? remoteId.substring(remoteId.indexOf(SENT) + 1) : "";
        String to = recipients.after(last);
        return to.isEmpty() ? Optional.empty() : Optional.of(mediaId(remoteId) + SENT + to);
    }

    /** The template to the number after the last one recorded in {@code remoteId} ("media-id@number"). */
    @Override
    public Optional<String> sendNext(PublishItem item, String remoteId) throws IOException, PublishRefusedException {
        Optional<String> next = nextCall(item, remoteId);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        String mediaId = mediaId(remoteId);
        String to = next.get().substring(next.get().indexOf(SENT) + 1);
        String message = message(item, mediaId, to).toString();
        HttpResponse<String> response = http.send(() -> request(item, "/messages")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message))
                .build());
        answer(
                response,
                "the template to the number ending " + to.substring(Math.max(0, to.length() - 4)) + " ("
                        + (recipients.numbers().indexOf(to) + 1) + " of "
                        + recipients.numbers().size() + ")");
        return next;
    }

    @Override
    public Post publish(PublishItem item, String remoteId) {
        return new Post(mediaId(remoteId), ""); // every message is out; an alert has no public address
    }

    private ObjectNode message(PublishItem item, String mediaId, String to) {
        ObjectNode message = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to)
                .put("type", "template");
        ObjectNode body = message.putObject("template").put("name", template);
        body.putObject("language").put("code", language);
        ArrayNode components = body.putArray("components");
        components
                .addObject()
                .put("type", "header")
                .putArray("parameters")
                .addObject()
                .put("type", "video")
                .putObject("video")
                .put("id", mediaId);
        components
                .addObject()
                .put("type", "body")
                .putArray("parameters")
                .addObject()
                .put("type", "text")
                .put("text", item.title());
        return message;
    }

    private static String mediaId(String remoteId) {
        int at = remoteId.indexOf(SENT);
        return at < 0 ? remoteId : remoteId.substring(0, at);
    }

    private HttpRequest.Builder request(PublishItem item, String edge) {
        return HttpRequest.newBuilder(URI.create(base + "/" + item.destination().account() + edge))
                .timeout(timeout)
                .header("Authorization", "Bearer " + item.secret().value());
    }

    /** The answer's JSON on success; Graph's error message and code as a refusal otherwise. */
    private static JsonNode answer(HttpResponse<String> response, String call) throws PublishRefusedException {
        JsonNode json = AnswerJson.of(response.body());
        if (response.statusCode() / 100 == 2) {
            return json;
        }
        JsonNode error = json.path("error");
        throw new PublishRefusedException("WhatsApp refused " + call + " (HTTP " + response.statusCode()
                + (error.has("code") ? ", code " + error.path("code").asText() : "") + "): "
                + error.path("message").asText("no reason given"));
    }

    private static String field(JsonNode json, String name, String call) throws IOException {
        String value = json.path(name).asText("");
        if (value.isEmpty()) {
            throw new IOException("WhatsApp answered " + call + " without " + name);
        }
        return value;
    }
}

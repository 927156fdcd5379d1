package io.hookline.publish.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WhatsApp Cloud API: {@code POST /{phone-number-id}/media} (video/mp4, at most 16 MB) gives a media id
 * valid 30 days; {@code POST /{phone-number-id}/messages} sends an approved template whose header carries
 * that video, to an opted-in number only. Free-form messages are refused: the emulator never has an open
 * 24 h customer window, which is the case for a subscriber alert.
 */
public final class WhatsAppEmulator extends EmulatorServer {
    public static final long MAX_VIDEO_BYTES = 16L * 1024 * 1024;
    private static final Duration MEDIA_LIFETIME = Duration.ofDays(30);

    private final String token;
    private final Set<String> optedIn;
    private final Set<String> templates;
    private final Map<String, Upload> media = new HashMap<>();

    private record Upload(String sha256, long size, Instant uploadedAt) {}

    public WhatsAppEmulator(Clock clock, String token, Set<String> optedInNumbers, Set<String> approvedTemplates) {
        super("whatsapp", clock);
        this.token = token;
        this.optedIn = Set.copyOf(optedInNumbers);
        this.templates = Set.copyOf(approvedTemplates);
    }

    @Override
    Reply handle(EmulatorRequest request) {
        Graph.authorize(request, token);
        String[] segments = Graph.path(request).substring(1).split("/");
        if (segments.length == 2 && request.method.equals("POST") && segments[1].equals("media")) {
            return upload(request);
        }
        if (segments.length == 2 && request.method.equals("POST") && segments[1].equals("messages")) {
            return send(segments[0], request.json());
        }
        throw new Refusal(400, "100", "Unsupported " + request.method + " request: " + request.path);
    }

    private Reply upload(EmulatorRequest request) {
        Multipart form = request.multipart();
        if (!form.field("messaging_product").orElse("").equals("whatsapp")) {
            throw new Refusal(400, "100", "The parameter messaging_product is required and must be whatsapp");
        }
        Multipart.Part file = form.part("file")
                .filter(p -> p.filename().isPresent())
                .orElseThrow(() -> new Refusal(400, "100", "The parameter file is required"));
        String type = form.field("type").orElse(file.contentType());
        if (!type.equals("video/mp4") && !type.equals("video/3gpp")) {
            throw new Refusal(400, "131053", "Media upload error: unsupported video type " + type);
        }
        if (file.data().length > MAX_VIDEO_BYTES) {
            throw new Refusal(
                    400,
                    "131053",
                    "Media upload error: a video is at most 16 MB, got " + file.data().length + " bytes");
        }
        String id = newId("9770");
        media.put(id, new Upload(Media.sha256(file.data()), file.data().length, clock.instant()));
        return Reply.json(200, Json.obj("id", id));
    }

    private Reply send(String phoneNumberId, JsonNode message) {
        if (!message.path("messaging_product").asText().equals("whatsapp")) {
            throw new Refusal(400, "100", "The parameter messaging_product is required and must be whatsapp");
        }
        String to = message.path("to").asText("");
        if (!optedIn.contains(to)) {
            throw new Refusal(400, "131030", "Recipient phone number not in allowed list (not opted in): " + to);
        }
        if (!message.path("type").asText().equals("template")) {
            throw new Refusal(
                    400,
                    "131047",
                    "Re-engagement message: more than 24 hours have passed since the recipient "
                            + "last replied; only a template can be sent");
        }
        JsonNode template = message.path("template");
        String name = template.path("name").asText("");
        if (!templates.contains(name)
                || template.path("language").path("code").asText("").isEmpty()) {
            throw new Refusal(404, "132001", "Template name does not exist in the translation: " + name);
        }
        String mediaId = headerVideo(template);
        Upload upload = media.get(mediaId);
        if (upload == null || !clock.instant().isBefore(upload.uploadedAt().plus(MEDIA_LIFETIME))) {
            throw new Refusal(400, "131052", "Media download error: media id " + mediaId + " is unknown or expired");
        }
        String messageId = newId("wamid.HBgL");
        record(
                messageId,
                to,
                upload.sha256(),
                upload.size(),
                Map.of("template", name, "from", phoneNumberId, "media_id", mediaId, "text", bodyText(template)));
        return Reply.json(
                200,
                Json.obj(
                        "messaging_product",
                        "whatsapp",
                        "contacts",
                        List.of(Json.obj("input", to, "wa_id", to)),
                        "messages",
                        List.of(Json.obj("id", messageId, "message_status", "accepted"))));
    }

    /** The body component's text parameters, as the template fills them in, one a line. */
    private static String bodyText(JsonNode template) {
        List<String> texts = new ArrayList<>();
        for (JsonNode component : template.path("components")) {
            if (component.path("type").asText().equals("body")) {
                component
                        .path("parameters")
                        .forEach(p -> texts.add(p.path("text").asText()));
            }
        }
        return String.join("\n", texts);
    }

    /** The video id from the template's header component. */
    private static String headerVideo(JsonNode template) {
        for (JsonNode component : template.path("components")) {
            if (component.path("type").asText().equals("header")) {
                for (JsonNode parameter : component.path("parameters")) {
                    if (parameter.path("type").asText().equals("video")) {
                        return parameter.path("video").path("id").asText("");
                    }
                }
            }
        }
        throw new Refusal(
                400, "132012", "Parameter format does not match: the template header needs a video with an id");
    }

    @Override
    Reply error(int status, String code, String message) {
        return Graph.error(status, code, message);
    }
}

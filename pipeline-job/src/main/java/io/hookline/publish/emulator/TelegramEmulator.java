package io.hookline.publish.emulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Telegram Bot API {@code sendVideo} (also under the test environment's {@code /bot<token>/test/}): a
 * multipart upload to a known chat, at most 50 MB (2000 MB for a local Bot API server), answering the
 * message with the video's {@code file_id}; sending that file_id again posts without a new upload.
 */
public final class TelegramEmulator extends EmulatorServer {
    public static final long CLOUD_UPLOAD_LIMIT = 50L * 1000 * 1000;
    public static final long LOCAL_SERVER_UPLOAD_LIMIT = 2000L * 1000 * 1000;

    private final String botToken;
    private final Set<String> chats;
    private long uploadLimit = CLOUD_UPLOAD_LIMIT;
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<String, Long> messageIds = new HashMap<>();

    private record StoredFile(String fileId, String sha256, long size) {}

    /** @param chats the chats (channel usernames such as {@code @hookline_clips}, or ids) the bot may post to */
    public TelegramEmulator(Clock clock, String botToken, Set<String> chats) {
        super("telegram", clock);
        this.botToken = botToken;
        this.chats = Set.copyOf(chats);
    }

    public synchronized TelegramEmulator uploadLimit(long bytes) {
        this.uploadLimit = bytes;
        return this;
    }

    @Override
    Reply handle(EmulatorRequest request) {
        String path = request.path.replaceFirst("/test/", "/");
        if (!path.startsWith("/bot") || !request.method.equals("POST")) {
            throw new Refusal(404, "404", "Not Found");
        }
        int slash = path.indexOf('/', 4);
        if (slash < 0 || !path.substring(4, slash).equals(botToken)) {
            throw new Refusal(401, "401", "Unauthorized");
        }
        if (!path.substring(slash + 1).equals("sendVideo")) {
            throw new Refusal(404, "404", "Not Found: method not found");
        }
        return sendVideo(request);
    }

    private Reply sendVideo(EmulatorRequest request) {
        boolean multipart = request.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && request.body.length > uploadLimit) {
            throw new Refusal(413, "413", "Request Entity Too Large");
        }
        Map<String, String> params =
                request.contentType().startsWith("application/json") ? jsonParams(request) : request.params();
        String chat = params.getOrDefault("chat_id", "");
        if (chat.isEmpty()) {
            throw new Refusal(400, "400", "Bad Request: chat_id is empty");
        }
        if (!chats.contains(chat)) {
            throw new Refusal(400, "400", "Bad Request: chat not found");
        }
        Optional<Multipart.Part> upload = multipart
                ? request.multipart().part("video").filter(p -> p.filename().isPresent())
                : Optional.empty();
        StoredFile file = upload.map(this::store).orElseGet(() -> byFileId(params.getOrDefault("video", "")));
        long messageId = messageIds.merge(chat, 1L, Long::sum);
        String caption = params.getOrDefault("caption", "");
        record(
                chat + "/" + messageId,
                chat,
                file.sha256(),
                file.size(),
                Map.of("caption", caption, "file_id", file.fileId(), "uploaded", Boolean.toString(upload.isPresent())));
        return Reply.json(
                200,
                Json.obj(
                        "ok",
                        true,
                        "result",
                        Json.obj(
                                "message_id",
                                messageId,
                                "chat",
                                Json.obj("id", chat, "type", "channel"),
                                "date",
                                clock.instant().getEpochSecond(),
                                "video",
                                Json.obj(
                                        "file_id",
                                        file.fileId(),
                                        "file_unique_id",
                                        "u" + file.sha256().substring(0, 16),
                                        "file_size",
                                        file.size(),
                                        "mime_type",
                                        "video/mp4"),
                                "caption",
                                caption)));
    }

    private StoredFile store(Multipart.Part part) {
        StoredFile file = new StoredFile(newId("BAACAgIAAxk"), Media.sha256(part.data()), part.data().length);
        files.put(file.fileId(), file);
        return file;
    }

    private StoredFile byFileId(String fileId) {
        StoredFile file = files.get(fileId);
        if (file == null) {
            // A URL would be fetched by Telegram (20 MB); the emulator takes uploads and file_ids only.
            throw new Refusal(400, "400", "Bad Request: wrong file identifier/HTTP URL specified");
        }
        return file;
    }

    private static Map<String, String> jsonParams(EmulatorRequest request) {
        Map<String, String> params = new HashMap<>();
        request.json()
                .fields()
                .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }

    @Override
    Reply error(int status, String code, String message) {
        var body = Json.obj("ok", false, "error_code", status, "description", message);
        if (status == 429) {
            body.put("parameters", Json.obj("retry_after", faults().retryAfter().toSeconds()));
        }
        return Reply.json(status, body);
    }
}

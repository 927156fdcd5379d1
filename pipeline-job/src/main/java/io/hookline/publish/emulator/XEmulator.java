package io.hookline.publish.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * X API v2: chunked media upload on {@code POST /2/media/upload} (command INIT with total_bytes, media_type
 * and media_category; APPEND with segment_index 0–999 and at most 5 MB; FINALIZE answering processing_info;
 * {@code GET ?command=STATUS} until succeeded), then {@code POST /2/tweets} with the media id. Media ids
 * expire after {@code expires_after_secs}; the same post text twice is refused with 403. The account's own
 * posts are listed by {@code GET /2/users/me} and {@code GET /2/users/{id}/tweets}, newest first, with
 * {@code attachments.media_keys} when {@code expansions=attachments.media_keys} asks for them.
 */
public final class XEmulator extends EmulatorServer {
    static final int MAX_SEGMENT = 5 * 1024 * 1024;
    private static final int MAX_SEGMENTS = 1000;
    private static final long MAX_VIDEO_BYTES = 512L * 1024 * 1024;
    private static final Duration MEDIA_LIFETIME = Duration.ofHours(24);
    private static final Set<String> VIDEO_CATEGORIES = Set.of("tweet_video", "amplify_video");

    private final String token;
    private final String account;
    private Duration processingDelay = Duration.ofSeconds(1);
    private final Map<String, Upload> uploads = new HashMap<>();
    private final Set<String> postedTexts = new HashSet<>();

    private static final class Upload {
        final String id;
        final long totalBytes;
        final Instant createdAt;
        final TreeMap<Integer, byte[]> segments = new TreeMap<>();
        final Media media = new Media();
        Instant finalizedAt;

        Upload(String id, long totalBytes, Instant createdAt) {
            this.id = id;
            this.totalBytes = totalBytes;
            this.createdAt = createdAt;
        }
    }

    public XEmulator(Clock clock, String token, String account) {
        super("x", clock);
        this.token = token;
        this.account = account;
    }

    public synchronized XEmulator processingDelay(Duration delay) {
        this.processingDelay = delay;
        return this;
    }

    @Override
    Reply handle(EmulatorRequest request) {
        if (!request.bearerToken().filter(token::equals).isPresent()) {
            throw new Refusal(401, "Unauthorized", "Unauthorized");
        }
        if (request.path.equals("/2/media/upload")) {
            Map<String, String> params = request.params();
            String command = params.getOrDefault("command", "");
            switch (request.method + " " + command) {
                case "POST INIT":
                    return init(params);
                case "POST APPEND":
                    return append(request, params);
                case "POST FINALIZE":
                    return finalizeUpload(params);
                case "GET STATUS":
                    return Reply.json(200, Json.obj("data", describe(upload(params))));
                default:
                    throw new Refusal(
                            400, "Invalid Request", "unknown command '" + command + "' for " + request.method);
            }
        }
        if (request.is("POST", "/2/tweets")) {
            return post(request.json());
        }
        if (request.is("GET", "/2/users/me")) {
            return Reply.json(200, Json.obj("data", Json.obj("id", userId(), "username", account)));
        }
        if (request.is("GET", "/2/users/" + userId() + "/tweets")) {
            return timeline(request.params());
        }
        throw new Refusal(404, "Not Found Error", "no such endpoint: " + request.method + " " + request.path);
    }

    private Reply init(Map<String, String> params) {
        long total = number(params, "total_bytes");
        if (total <= 0 || total > MAX_VIDEO_BYTES) {
            throw new Refusal(400, "Invalid Request", "total_bytes must be within 1 and " + MAX_VIDEO_BYTES);
        }
        if (!params.getOrDefault("media_type", "").startsWith("video/")) {
            throw new Refusal(400, "Invalid Request", "media_type must be a video type, e.g. video/mp4");
        }
        if (!VIDEO_CATEGORIES.contains(params.getOrDefault("media_category", ""))) {
            throw new Refusal(
                    400, "Invalid Request", "media_category must be tweet_video or amplify_video for a video");
        }
        Upload upload = new Upload(newId("18800281060205"), total, clock.instant());
        uploads.put(upload.id, upload);
        return Reply.json(
                200,
                Json.obj(
                        "data",
                        Json.obj(
                                "id",
                                upload.id,
                                "media_key",
                                "13_" + upload.id,
                                "expires_after_secs",
                                MEDIA_LIFETIME.toSeconds())));
    }

    private Reply append(EmulatorRequest request, Map<String, String> params) {
        Upload upload = upload(params);
        if (upload.finalizedAt != null) {
            throw new Refusal(400, "Invalid Request", "media " + upload.id + " is already finalized");
        }
        int index = (int) number(params, "segment_index");
        if (index < 0 || index >= MAX_SEGMENTS) {
            throw new Refusal(400, "Invalid Request", "segment_index must be within 0 and 999, got " + index);
        }
        byte[] segment = request.multipart()
                .part("media")
                .orElseThrow(() -> new Refusal(400, "Invalid Request", "the media part is missing"))
                .data();
        if (segment.length > MAX_SEGMENT) {
            throw new Refusal(400, "Invalid Request", "a segment is at most 5 MB, got " + segment.length + " bytes");
        }
        upload.segments.put(index, segment); // a repeated segment replaces the first, as a retry would
        return Reply.empty(204);
    }

    private Reply finalizeUpload(Map<String, String> params) {
        Upload upload = upload(params);
        if (upload.finalizedAt == null) {
            long received =
                    upload.segments.values().stream().mapToLong(s -> s.length).sum();
            if (upload.segments.isEmpty()
                    || upload.segments.lastKey() != upload.segments.size() - 1
                    || received != upload.totalBytes) {
                throw new Refusal(
                        400,
                        "Invalid Request",
                        "segments 0.." + (upload.segments.size() - 1) + " hold " + received
                                + " bytes; expected contiguous segments of " + upload.totalBytes + " bytes");
            }
            upload.segments.values().forEach(upload.media::append);
            upload.finalizedAt = clock.instant();
        }
        return Reply.json(200, Json.obj("data", describe(upload)));
    }

    private Map<String, Object> describe(Upload upload) {
        Map<String, Object> data = Json.obj(
                "id",
                upload.id,
                "media_key",
                "13_" + upload.id,
                "size",
                upload.totalBytes,
                "expires_after_secs",
                Math.max(
                        0,
                        Duration.between(clock.instant(), upload.createdAt.plus(MEDIA_LIFETIME))
                                .toSeconds()));
        if (upload.finalizedAt != null) {
            data.put(
                    "processing_info",
                    processed(upload)
                            ? Json.obj("state", "succeeded", "progress_percent", 100)
                            : Json.obj(
                                    "state",
                                    "in_progress",
                                    "check_after_secs",
                                    Math.max(1, processingDelay.toSeconds()),
                                    "progress_percent",
                                    50));
        }
        return data;
    }

    private Reply post(JsonNode body) {
        String text = body.path("text").asText("");
        List<String> mediaIds = new ArrayList<>();
        body.path("media").path("media_ids").forEach(id -> mediaIds.add(id.asText()));
        if (mediaIds.size() != 1) {
            throw new Refusal(
                    400, "Invalid Request", "this emulator takes a post with exactly one video in media.media_ids");
        }
        Upload upload = uploads.get(mediaIds.get(0));
        if (upload == null || !clock.instant().isBefore(upload.createdAt.plus(MEDIA_LIFETIME))) {
            throw new Refusal(400, "Invalid Request", "media id " + mediaIds.get(0) + " is unknown or expired");
        }
        if (!processed(upload)) {
            throw new Refusal(400, "Invalid Request", "media " + upload.id + " has not finished processing");
        }
        if (!postedTexts.add(text)) {
            throw new Refusal(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
        }
        String id = newId("1880");
        record(id, account, upload.media, Map.of("text", text, "media_id", upload.id));
        return Reply.json(201, Json.obj("data", Json.obj("id", id, "text", text)));
    }

    private String userId() {
        return Long.toString(Math.abs((long) account.hashCode()) + 1_000_000L);
    }

    /** The account's posts, newest first; media keys only when the expansion asks for them, as on X. */
    private Reply timeline(Map<String, String> params) {
        int max = params.containsKey("max_results") ? (int) number(params, "max_results") : 10;
        if (max < 5 || max > 100) {
            throw new Refusal(400, "Invalid Request", "max_results must be within 5 and 100");
        }
        boolean mediaKeys = params.getOrDefault("expansions", "").contains("attachments.media_keys");
        List<PostRecord> mine = new ArrayList<>(posts().all());
        Collections.reverse(mine);
        List<Map<String, Object>> data = mine.stream()
                .filter(p -> p.account().equals(account))
                .limit(max)
                .map(p -> {
                    Map<String, Object> post =
                            Json.obj("id", p.postId(), "text", p.metadata().get("text"));
                    if (mediaKeys) {
                        post.put(
                                "attachments",
                                Json.obj(
                                        "media_keys",
                                        List.of("13_" + p.metadata().get("media_id"))));
                    }
                    return post;
                })
                .toList();
        return Reply.json(200, Json.obj("data", data, "meta", Json.obj("result_count", data.size())));
    }

    private boolean processed(Upload upload) {
        return upload.finalizedAt != null && !clock.instant().isBefore(upload.finalizedAt.plus(processingDelay));
    }

    private Upload upload(Map<String, String> params) {
        Upload upload = uploads.get(params.getOrDefault("media_id", ""));
        if (upload == null || !clock.instant().isBefore(upload.createdAt.plus(MEDIA_LIFETIME))) {
            throw new Refusal(400, "Invalid Request", "media_id is unknown or expired: " + params.get("media_id"));
        }
        return upload;
    }

    private static long number(Map<String, String> params, String name) {
        try {
            return Long.parseLong(params.getOrDefault(name, ""));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Invalid Request", name + " must be a number, got '" + params.get(name) + "'");
        }
    }

    /** X v2's problem shape: title, detail, type and status. */
    @Override
    Reply error(int status, String title, String detail) {
        return Reply.json(
                status,
                Json.obj(
                        "title",
                        title,
                        "detail",
                        detail,
                        "type",
                        status == 400 ? "https://api.x.com/2/problems/invalid-request" : "about:blank",
                        "status",
                        status));
    }
}

package io.hookline.publish.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok Content Posting API, direct post by FILE_UPLOAD: {@code creator_info/query}, {@code video/init}
 * with the chunk rules (chunks of 5–64 MB, the last up to 128 MB, 1–1000 chunks, {@code total_chunk_count}
 * = video_size / chunk_size rounded down, a video under 5 MB in one chunk), chunks PUT in order with
 * {@code Content-Range} (206, then 201), and {@code status/fetch} until PUBLISH_COMPLETE. Init is limited to
 * 6 a minute per token; an unaudited client may post SELF_ONLY only.
 */
public final class TikTokEmulator extends EmulatorServer {
    static final long MB = 1024 * 1024;
    private static final long MAX_CHUNK = 64 * MB;
    private static final long MAX_LAST_CHUNK = 128 * MB;
    private static final int MAX_CHUNKS = 1000;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final String token;
    private final String openId;
    private long minChunk = 5 * MB;
    private boolean audited;
    private Duration processingDelay = Duration.ofSeconds(1);
    private int initsPerMinute = 6;
    private final Deque<Instant> inits = new ArrayDeque<>();
    private final Map<String, Upload> uploads = new HashMap<>();

    private static final class Upload {
        final String publishId;
        final JsonNode postInfo;
        final long videoSize;
        final long chunkSize;
        final int chunks;
        final Media media = new Media();
        Instant completedAt;

        Upload(String publishId, JsonNode postInfo, long videoSize, long chunkSize, int chunks) {
            this.publishId = publishId;
            this.postInfo = postInfo;
            this.videoSize = videoSize;
            this.chunkSize = chunkSize;
            this.chunks = chunks;
        }
    }

    public TikTokEmulator(Clock clock, String token, String openId) {
        super("tiktok", clock);
        this.token = token;
        this.openId = openId;
    }

    /** The smallest chunk (and the size below which a video goes whole); tests lower it from the real 5 MB. */
    public synchronized TikTokEmulator minChunkSize(long bytes) {
        this.minChunk = bytes;
        return this;
    }

    /** An audited client may post publicly; an unaudited one (the default) only privately. */
    public synchronized TikTokEmulator audited(boolean audited) {
        this.audited = audited;
        return this;
    }

    /** video/init calls a minute per token; the default is the API's 6, a soak that posts hundreds raises it. */
    public synchronized TikTokEmulator initsPerMinute(int limit) {
        this.initsPerMinute = limit;
        return this;
    }

    public synchronized TikTokEmulator processingDelay(Duration delay) {
        this.processingDelay = delay;
        return this;
    }

    @Override
    Reply handle(EmulatorRequest request) {
        if (request.is("PUT", "/upload/")) {
            return chunk(request);
        }
        if (!request.bearerToken().filter(token::equals).isPresent()) {
            throw new Refusal(401, "access_token_invalid", "The access token is invalid or not found in the request.");
        }
        if (request.is("POST", "/v2/post/publish/creator_info/query/")) {
            return ok(Json.obj(
                    "creator_username",
                    openId,
                    "creator_nickname",
                    openId,
                    "privacy_level_options",
                    audited
                            ? List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY")
                            : List.of("SELF_ONLY"),
                    "comment_disabled",
                    false,
                    "duet_disabled",
                    false,
                    "stitch_disabled",
                    false,
                    "max_video_post_duration_sec",
                    600));
        }
        if (request.is("POST", "/v2/post/publish/video/init/")) {
            return init(request);
        }
        if (request.is("POST", "/v2/post/publish/status/fetch/")) {
            return status(request);
        }
        throw new Refusal(404, "invalid_params", "no such endpoint: " + request.method + " " + request.path);
    }

    private Reply init(EmulatorRequest request) {
        Instant now = clock.instant();
        while (!inits.isEmpty() && !inits.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
            inits.removeFirst();
        }
        if (inits.size() >= initsPerMinute) {
            throw new Refusal(
                    429,
                    "rate_limit_exceeded",
                    "video/init is limited to " + initsPerMinute + " requests a minute per token");
        }
        inits.addLast(now);
        JsonNode body = request.json();
        JsonNode postInfo = body.path("post_info");
        String privacy = postInfo.path("privacy_level").asText("");
        if (privacy.isEmpty()) {
            throw new Refusal(400, "invalid_params", "post_info.privacy_level is required");
        }
        if (!audited && !privacy.equals("SELF_ONLY")) {
            throw new Refusal(
                    403,
                    "unaudited_client_can_only_post_to_private_accounts",
                    "An unaudited client may post with privacy_level SELF_ONLY only");
        }
        JsonNode source = body.path("source_info");
        if (!source.path("source").asText().equals("FILE_UPLOAD")) {
            throw new Refusal(400, "invalid_params", "this emulator takes source_info.source FILE_UPLOAD only");
        }
        long size = source.path("video_size").asLong(0);
        long chunk = source.path("chunk_size").asLong(0);
        int count = source.path("total_chunk_count").asInt(0);
        checkChunks(size, chunk, count);
        String publishId = newId("v_pub_file~v2-1.");
        uploads.put(publishId, new Upload(publishId, postInfo, size, chunk, count));
        return ok(Json.obj("publish_id", publishId, "upload_url", baseUrl() + "/upload/?upload_id=" + publishId));
    }

    private void checkChunks(long size, long chunk, int count) {
        if (size <= 0 || chunk <= 0 || count <= 0) {
            throw new Refusal(400, "invalid_params", "video_size, chunk_size and total_chunk_count are required");
        }
        if (size < minChunk && (chunk != size || count != 1)) {
            throw new Refusal(
                    400,
                    "invalid_params",
                    "a video under " + minChunk + " bytes goes whole: chunk_size = video_size, one chunk");
        }
        if (size >= minChunk && (chunk < minChunk || chunk > MAX_CHUNK)) {
            throw new Refusal(
                    400,
                    "invalid_params",
                    "chunk_size must be within " + minChunk + " and " + MAX_CHUNK + " bytes, got " + chunk);
        }
        if (count != size / chunk || count > MAX_CHUNKS) {
            throw new Refusal(
                    400,
                    "invalid_params",
                    "total_chunk_count must be video_size / chunk_size rounded down (" + size / chunk + "), at most "
                            + MAX_CHUNKS + "; got " + count);
        }
        if (size - (count - 1) * chunk > MAX_LAST_CHUNK) {
            throw new Refusal(400, "invalid_params", "the last chunk would be over " + MAX_LAST_CHUNK + " bytes");
        }
    }

    private Reply chunk(EmulatorRequest request) {
        Upload upload = uploads.get(request.query.getOrDefault("upload_id", ""));
        if (upload == null) {
            throw new Refusal(404, "invalid_params", "no upload with that upload_id");
        }
        Matcher range = RANGE.matcher(request.requireHeader("Content-Range", "invalid_params"));
        if (!range.matches() || Long.parseLong(range.group(3)) != upload.videoSize) {
            throw new Refusal(400, "invalid_params", "Content-Range must be bytes FIRST-LAST/" + upload.videoSize);
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        long received = upload.media.size();
        int index = (int) (received / upload.chunkSize);
        long expectedLength = index == upload.chunks - 1 ? upload.videoSize - received : upload.chunkSize;
        if (upload.completedAt != null
                || first != received
                || last - first + 1 != expectedLength
                || request.body.length != expectedLength) {
            throw new Refusal(
                    416,
                    "invalid_params",
                    "chunks go in order: expected bytes " + received + "-" + (received + expectedLength - 1) + "/"
                            + upload.videoSize + ", got " + range.group());
        }
        upload.media.append(request.body);
        if (upload.media.size() < upload.videoSize) {
            return Reply.empty(206);
        }
        // Fully received means it will be posted: record it now, whether or not the client polls.
        upload.completedAt = clock.instant();
        record(
                upload.publishId,
                openId,
                upload.media,
                Map.of(
                        "title",
                        upload.postInfo.path("title").asText(""),
                        "privacy_level",
                        upload.postInfo.path("privacy_level").asText()));
        return Reply.empty(201);
    }

    private Reply status(EmulatorRequest request) {
        String publishId = request.json().path("publish_id").asText("");
        Upload upload = uploads.get(publishId);
        if (upload == null) {
            throw new Refusal(400, "invalid_publish_id", "no post with publish_id " + publishId);
        }
        boolean done =
                upload.completedAt != null && !clock.instant().isBefore(upload.completedAt.plus(processingDelay));
        return ok(Json.obj(
                "status",
                done ? "PUBLISH_COMPLETE" : "PROCESSING_UPLOAD",
                "uploaded_bytes",
                upload.media.size(),
                "publicaly_available_post_id",
                done && audited ? List.of(upload.publishId) : List.of()));
    }

    private static Reply ok(Map<String, Object> data) {
        return Reply.json(
                200, Json.obj("data", data, "error", Json.obj("code", "ok", "message", "", "log_id", "emulator")));
    }

    @Override
    Reply error(int status, String code, String message) {
        return Reply.json(
                status,
                Json.obj("data", Map.of(), "error", Json.obj("code", code, "message", message, "log_id", "emulator")));
    }
}

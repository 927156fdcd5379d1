package io.hookline.publish.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube Data API v3: resumable {@code videos.insert} (a POST opens a session, PUTs send chunks that are
 * multiples of 256 KiB except the last, 308 with {@code Range} while incomplete, {@code bytes *}{@code /TOTAL}
 * asks for the status, 201 with the video at the end), {@code videos.list} and a search of the channel's
 * own uploads, so a publisher can look for a video before it starts again, and the daily
 * {@code videos.insert} quota.
 */
public final class YouTubeEmulator extends EmulatorServer {
    static final int CHUNK_GRANULE = 256 * 1024;
    private static final String UPLOAD = "/upload/youtube/v3/videos";
    // The quota day starts at midnight Pacific time.
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern STATUS_QUERY = Pattern.compile("bytes \\*/(\\d+)");

    private final String token;
    private final String channelId;
    private int dailyInsertQuota = 100;
    private LocalDate quotaDay;
    private int insertsToday;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Map<String, Object>> videos = new LinkedHashMap<>();

    private static final class Session {
        final long total;
        final JsonNode resource;
        final Media media = new Media();
        String videoId;

        Session(long total, JsonNode resource) {
            this.total = total;
            this.resource = resource;
        }
    }

    public YouTubeEmulator(Clock clock, String token, String channelId) {
        super("youtube", clock);
        this.token = token;
        this.channelId = channelId;
    }

    /** {@code videos.insert} calls a day; the default is the API's default. */
    public synchronized YouTubeEmulator dailyInsertQuota(int quota) {
        this.dailyInsertQuota = quota;
        return this;
    }

    @Override
    Reply handle(EmulatorRequest request) {
        if (request.is("PUT", UPLOAD)) {
            return upload(request); // the session URI is the credential, as on Google's servers
        }
        if (!request.bearerToken().filter(token::equals).isPresent()) {
            throw new Refusal(401, "authError", "Invalid Credentials");
        }
        if (request.is("POST", UPLOAD)) {
            return openSession(request);
        }
        if (request.is("GET", "/youtube/v3/videos")) {
            return list(request);
        }
        if (request.is("GET", "/youtube/v3/search")) {
            return search(request);
        }
        throw new Refusal(404, "notFound", "no such method: " + request.method + " " + request.path);
    }

    private Reply openSession(EmulatorRequest request) {
        if (!"resumable".equals(request.query.get("uploadType"))) {
            throw new Refusal(400, "invalidUploadType", "this emulator takes uploadType=resumable only");
        }
        if (request.query.getOrDefault("part", "").isBlank()) {
            throw new Refusal(400, "required", "Required parameter: part");
        }
        JsonNode resource = request.json();
        String title = resource.path("snippet").path("title").asText("");
        if (title.isBlank() || title.length() > 100) {
            throw new Refusal(400, "invalidTitle", "snippet.title must have 1 to 100 characters");
        }
        long total =
                parseLong(request.requireHeader("X-Upload-Content-Length", "badRequest"), "X-Upload-Content-Length");
        String type =
                request.requireHeader("X-Upload-Content-Type", "badRequest").toLowerCase(Locale.ROOT);
        if (!type.startsWith("video/") && !type.equals("application/octet-stream")) {
            throw new Refusal(
                    400, "invalidContentType", "X-Upload-Content-Type must be video/* or application/octet-stream");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), QUOTA_ZONE);
        if (!today.equals(quotaDay)) {
            quotaDay = today;
            insertsToday = 0;
        }
        if (insertsToday >= dailyInsertQuota) {
            throw new Refusal(
                    403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.");
        }
        insertsToday++;
        String uploadId = newId("upload-");
        sessions.put(uploadId, new Session(total, resource));
        return Reply.empty(200)
                .withHeader("Location", baseUrl() + UPLOAD + "?uploadType=resumable&upload_id=" + uploadId);
    }

    private Reply upload(EmulatorRequest request) {
        Session session = sessions.get(request.query.getOrDefault("upload_id", ""));
        if (session == null) {
            throw new Refusal(404, "notFound", "no upload session with that upload_id");
        }
        String range = request.header("Content-Range").orElse(null);
        if (range != null && STATUS_QUERY.matcher(range).matches()) {
            return status(session);
        }
        if (session.videoId != null) {
            return Reply.json(200, videos.get(session.videoId));
        }
        long first = 0;
        long last = request.body.length - 1L;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches() || Long.parseLong(m.group(3)) != session.total) {
                throw new Refusal(400, "badRequest", "Content-Range must be bytes FIRST-LAST/" + session.total);
            }
            first = Long.parseLong(m.group(1));
            last = Long.parseLong(m.group(2));
        }
        long length = last - first + 1;
        if (first != session.media.size() || length != request.body.length || last >= session.total) {
            throw new Refusal(
                    400,
                    "badRequest",
                    "chunk " + first + "-" + last + " of " + request.body.length
                            + " bytes does not continue the " + session.media.size()
                            + " bytes received; ask with bytes */"
                            + session.total);
        }
        if (last + 1 < session.total && length % CHUNK_GRANULE != 0) {
            throw new Refusal(
                    400, "badRequest", "a chunk other than the last must be a multiple of 262144 bytes, got " + length);
        }
        session.media.append(request.body);
        return session.media.size() == session.total ? publish(session) : status(session);
    }

    private Reply status(Session session) {
        if (session.videoId != null) {
            return Reply.json(200, videos.get(session.videoId));
        }
        Reply incomplete = Reply.empty(308);
        long have = session.media.size();
        return have == 0 ? incomplete : incomplete.withHeader("Range", "bytes=0-" + (have - 1));
    }

    private Reply publish(Session session) {
        String id = newId("yt");
        JsonNode snippet = session.resource.path("snippet");
        String privacy = session.resource.path("status").path("privacyStatus").asText("public");
        Map<String, Object> video = Json.obj(
                "kind",
                "youtube#video",
                "id",
                id,
                "snippet",
                Json.obj(
                        "publishedAt",
                        clock.instant().toString(),
                        "channelId",
                        channelId,
                        "title",
                        snippet.path("title").asText(),
                        "description",
                        snippet.path("description").asText(""),
                        "categoryId",
                        snippet.path("categoryId").asText("17")),
                "status",
                Json.obj("uploadStatus", "uploaded", "privacyStatus", privacy));
        videos.put(id, video);
        session.videoId = id;
        record(
                id,
                channelId,
                session.media,
                Map.of(
                        "title",
                        snippet.path("title").asText(),
                        "description",
                        snippet.path("description").asText(""),
                        "privacyStatus",
                        privacy));
        return Reply.json(201, video);
    }

    private Reply list(EmulatorRequest request) {
        String ids = request.query.getOrDefault("id", "");
        if (ids.isBlank()) {
            throw new Refusal(400, "missingRequiredParameter", "this emulator lists videos by id only");
        }
        List<Map<String, Object>> items = Arrays.stream(ids.split(","))
                .map(videos::get)
                .filter(Objects::nonNull)
                .toList();
        return Reply.json(200, Json.obj("kind", "youtube#videoListResponse", "items", items));
    }

    /** {@code search.list?forMine=true&type=video&q=…}: the channel's own uploads whose title or description holds q. */
    private Reply search(EmulatorRequest request) {
        if (!"true".equals(request.query.get("forMine"))) {
            throw new Refusal(
                    400, "invalidSearchFilter", "this emulator searches the channel's own videos only (forMine=true)");
        }
        String q = request.query.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        List<Map<String, Object>> items = videos.values().stream()
                .filter(v -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> snippet = (Map<String, Object>) v.get("snippet");
                    return (snippet.get("title") + " " + snippet.get("description"))
                            .toLowerCase(Locale.ROOT)
                            .contains(q);
                })
                .map(v -> Json.obj(
                        "kind",
                        "youtube#searchResult",
                        "id",
                        Json.obj("kind", "youtube#video", "videoId", v.get("id")),
                        "snippet",
                        v.get("snippet")))
                .toList();
        return Reply.json(200, Json.obj("kind", "youtube#searchListResponse", "items", items));
    }

    private static long parseLong(String value, String what) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below like any other bad value
        }
        throw new Refusal(400, "badRequest", what + " must be a positive byte count, got " + value);
    }

    @Override
    Reply error(int status, String code, String message) {
        String domain = code.equals("quotaExceeded") ? "youtube.quota" : "global";
        return Reply.json(
                status,
                Json.obj(
                        "error",
                        Json.obj(
                                "code",
                                status,
                                "message",
                                message,
                                "errors",
                                List.of(Json.obj("message", message, "domain", domain, "reason", code)))));
    }
}

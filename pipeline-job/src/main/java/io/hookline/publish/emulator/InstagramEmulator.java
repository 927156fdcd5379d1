package io.hookline.publish.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instagram Graph API content publishing: a REELS or STORIES container from a {@code video_url} (fetched
 * as Meta fetches it) or a resumable upload to rupload's {@code /ig-api-upload/{version}/{container}} with
 * {@code offset} and {@code file_size} headers; the container's {@code status_code} moves IN_PROGRESS → FINISHED after a
 * processing delay (ERROR when the media cannot be had, EXPIRED 24 h after creation, PUBLISHED);
 * {@code media_publish} works only on a FINISHED container and within 50 posts per rolling 24 h, which
 * {@code content_publishing_limit} reports.
 */
public final class InstagramEmulator extends EmulatorServer {
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration CONTAINER_LIFETIME = Duration.ofHours(24);
    private static final Set<String> MEDIA_TYPES = Set.of("REELS", "STORIES");

    private final String token;
    private final HttpClient fetcher =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration processingDelay = Duration.ofSeconds(1);
    private int publishLimit = 50;
    private final Map<String, Container> containers = new HashMap<>();
    private final Map<String, List<Instant>> publishedAt = new HashMap<>();

    private static final class Container {
        final String id;
        final String account;
        final Map<String, String> params;
        final Instant createdAt;
        final Media media = new Media();
        long fileSize = -1;
        Instant uploadedAt;
        String error;
        boolean published;

        Container(String id, String account, Map<String, String> params, Instant createdAt) {
            this.id = id;
            this.account = account;
            this.params = params;
            this.createdAt = createdAt;
        }
    }

    public InstagramEmulator(Clock clock, String token) {
        super("instagram", clock);
        this.token = token;
    }

    /** How long a fully received video stays IN_PROGRESS. */
    public synchronized InstagramEmulator processingDelay(Duration delay) {
        this.processingDelay = delay;
        return this;
    }

    public synchronized InstagramEmulator publishLimit(int postsPer24h) {
        this.publishLimit = postsPer24h;
        return this;
    }

    @Override
    Reply handle(EmulatorRequest request) {
        String[] segments = Graph.path(request).substring(1).split("/");
        // rupload's path carries the API version, /ig-api-upload/v21.0/{container}; older clients leave it out.
        boolean uploadPath = segments[0].equals("ig-api-upload")
                && (segments.length == 2 || segments.length == 3 && segments[1].matches("v\\d+\\.\\d+"));
        if (uploadPath && request.method.equals("POST")) {
            return upload(request, container(segments[segments.length - 1]));
        }
        Graph.authorize(request, token);
        if (segments.length == 1 && request.method.equals("GET")) {
            return status(request, container(segments[0]));
        }
        if (segments.length == 2 && segments[1].equals("media") && request.method.equals("POST")) {
            return create(request, segments[0]);
        }
        if (segments.length == 2 && segments[1].equals("media_publish") && request.method.equals("POST")) {
            return publish(request, segments[0]);
        }
        if (segments.length == 2 && segments[1].equals("content_publishing_limit") && request.method.equals("GET")) {
            return Reply.json(
                    200,
                    Json.obj(
                            "data",
                            List.of(Json.obj(
                                    "quota_usage",
                                    recentPosts(segments[0]),
                                    "config",
                                    Json.obj("quota_total", publishLimit, "quota_duration", WINDOW.toSeconds())))));
        }
        throw new Refusal(400, "100", "Unsupported " + request.method + " request: " + request.path);
    }

    private Reply create(EmulatorRequest request, String account) {
        Map<String, String> params = request.params();
        params.remove("access_token");
        String type = params.getOrDefault("media_type", "");
        if (!MEDIA_TYPES.contains(type)) {
            throw new Refusal(
                    400, "100", "The parameter media_type must be REELS or STORIES for a video, got '" + type + "'");
        }
        String videoUrl = params.get("video_url");
        boolean resumable = "resumable".equals(params.get("upload_type"));
        if ((videoUrl == null) == !resumable) {
            throw new Refusal(400, "100", "Give either video_url or upload_type=resumable");
        }
        Container container = new Container(newId("17890"), account, params, clock.instant());
        containers.put(container.id, container);
        if (resumable) {
            return Reply.json(
                    200,
                    Json.obj(
                            "id",
                            container.id,
                            "uri",
                            baseUrl() + "/ig-api-upload/" + Graph.version(request) + "/" + container.id));
        }
        fetch(container, videoUrl);
        return Reply.json(200, Json.obj("id", container.id));
    }

    /** Fetches the video as Meta does, off the request thread: the URL may well point at this very server. */
    private void fetch(Container container, String videoUrl) {
        HttpRequest get;
        try {
            get = HttpRequest.newBuilder(URI.create(videoUrl))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            container.error = "video_url is not a URL: " + videoUrl;
            return;
        }
        fetcher.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            synchronized (this) {
                if (failure != null || response.statusCode() != 200) {
                    container.error = "Media download has failed: "
                            + (failure != null ? failure.toString() : "HTTP " + response.statusCode());
                    return;
                }
                container.media.append(response.body());
                container.fileSize = container.media.size();
                container.uploadedAt = clock.instant();
            }
        });
    }

    private Reply upload(EmulatorRequest request, Container container) {
        Graph.authorize(request, token);
        if (container.params.containsKey("video_url")) {
            throw new Refusal(400, "100", "container " + container.id + " takes its video from video_url");
        }
        long offset = headerNumber(request, "offset");
        long fileSize = headerNumber(request, "file_size");
        if (container.fileSize >= 0 && fileSize != container.fileSize) {
            throw new Refusal(400, "100", "file_size changed from " + container.fileSize + " to " + fileSize);
        }
        if (offset > container.media.size()) {
            throw new Refusal(
                    400, "100", "offset " + offset + " is past the " + container.media.size() + " bytes received");
        }
        if (offset + request.body.length > fileSize) {
            throw new Refusal(400, "100", "the upload runs past file_size " + fileSize);
        }
        container.fileSize = fileSize;
        container.media.truncate(offset); // a resumed upload sends again from its offset
        container.media.append(request.body);
        if (container.media.size() == fileSize) {
            container.uploadedAt = clock.instant();
        }
        return Reply.json(200, Json.obj("success", true, "message", "Upload successful."));
    }

    private Reply status(EmulatorRequest request, Container container) {
        String status = statusCode(container);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", container.id);
        all.put("status_code", status);
        all.put("status", container.error != null ? "Error: " + container.error : status);
        all.put(
                "copyright_check_status",
                Json.obj("status", status.equals("IN_PROGRESS") ? "in_progress" : "completed", "matches_found", false));
        all.put(
                "video_status",
                Json.obj(
                        "uploading_phase",
                        Json.obj(
                                "status",
                                container.uploadedAt == null ? "in_progress" : "complete",
                                "bytes_transferred",
                                container.media.size())));
        List<String> fields = Arrays.asList(
                request.params().getOrDefault("fields", "status_code").split(","));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", container.id);
        fields.stream().filter(all::containsKey).forEach(f -> answer.put(f, all.get(f)));
        return Reply.json(200, answer);
    }

    private Reply publish(EmulatorRequest request, String account) {
        String creationId = request.params().getOrDefault("creation_id", "");
        Container container = containers.get(creationId);
        if (container == null || !container.account.equals(account)) {
            throw new Refusal(
                    400, "100", "Invalid parameter: creation_id " + creationId + " is not a container of " + account);
        }
        String status = statusCode(container);
        if (!status.equals("FINISHED")) {
            throw new Refusal(
                    400,
                    "9007/2207027",
                    "The media is not ready for publishing, please wait for a moment (status_code " + status + ")");
        }
        if (recentPosts(account) >= publishLimit) {
            throw new Refusal(
                    400, "9/2207042", "Application request limit reached: " + publishLimit + " posts in 24 hours");
        }
        container.published = true;
        publishedAt.computeIfAbsent(account, a -> new ArrayList<>()).add(clock.instant());
        String mediaId = newId("17920");
        record(
                mediaId,
                account,
                container.media,
                Map.of(
                        "media_type",
                        container.params.get("media_type"),
                        "caption",
                        container.params.getOrDefault("caption", ""),
                        "container",
                        container.id));
        return Reply.json(200, Json.obj("id", mediaId));
    }

    private String statusCode(Container container) {
        Instant now = clock.instant();
        if (container.published) {
            return "PUBLISHED";
        }
        if (!now.isBefore(container.createdAt.plus(CONTAINER_LIFETIME))) {
            return "EXPIRED";
        }
        if (container.error != null) {
            return "ERROR";
        }
        boolean processed = container.uploadedAt != null && !now.isBefore(container.uploadedAt.plus(processingDelay));
        return processed ? "FINISHED" : "IN_PROGRESS";
    }

    private int recentPosts(String account) {
        Instant from = clock.instant().minus(WINDOW);
        return (int) publishedAt.getOrDefault(account, List.of()).stream()
                .filter(t -> t.isAfter(from))
                .count();
    }

    private Container container(String id) {
        Container container = containers.get(id);
        if (container == null) {
            throw new Refusal(400, "100/33", "Unsupported get request. Object with ID '" + id + "' does not exist");
        }
        return container;
    }

    private static long headerNumber(EmulatorRequest request, String name) {
        String value = request.requireHeader(name, "100");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(400, "100", "header " + name + " must be a number, got " + value);
        }
    }

    @Override
    Reply error(int status, String code, String message) {
        return Graph.error(status, code, message);
    }
}

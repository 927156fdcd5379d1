package io.hookline.publish.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.publish.ClipCheck;
import io.hookline.publish.ClipFile;
import io.hookline.publish.Mp4Facts;
import io.hookline.publish.Post;
import io.hookline.publish.Processing;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.Publisher;
import io.hookline.publish.http.HttpCalls;
import io.hookline.publish.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube Data API v3, {@code videos.insert} as a resumable upload. {@link #start} opens the session (its URI,
 * stored in the ledger, is the handle); {@link #upload} PUTs chunks of a multiple of 256 KiB with
 * {@code Content-Range}; whenever this process does not know what the session holds (a new run, a broken
 * connection, a 5xx) it first asks with {@code Content-Range: bytes *}{@code /TOTAL} and goes on from the
 * 308's {@code Range}. The last chunk creates the video, with its privacy, so the session, never a new one,
 * is asked for it again: that is what keeps a resumed upload from making a second video. A Short is an
 * ordinary upload of a vertical or square file of at most 3 minutes.
 */
public final class YouTubePublisher implements Publisher {
    private static final ClipCheck CLIP_CHECK = ClipCheck.againstManifest("YouTube");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");
    private static final String SPORTS_CATEGORY = "17";

    private final HttpCalls http;
    private final YouTubeSettings settings;
    /** Bytes each session confirmed to this process; absent when unknown, so the session is asked first. */
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();
    /** The video each completed session made, as its last chunk's answer said. */
    private final Map<String, String> videos = new ConcurrentHashMap<>();

    public YouTubePublisher(HttpCalls http, YouTubeSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public String start(PublishItem item) throws IOException, PublishRefusedException {
        Mp4Facts facts = CLIP_CHECK.check(item);
        YouTubeLimits.check(item, facts);
        ObjectNode resource = JSON.createObjectNode();
        resource.putObject("snippet")
                .put("title", YouTubeLimits.title(item))
                .put("description", YouTubeLimits.description(item.caption()))
                .put("categoryId", SPORTS_CATEGORY);
        resource.putObject("status")
                .put("privacyStatus", item.destination().privacy().name().toLowerCase(Locale.ROOT))
                .put("selfDeclaredMadeForKids", false);
        URI url = settings.baseUrl().resolve("/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status");
        HttpResponse<String> response = http.repeatable()
                .send(() -> authorized(url, item)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("X-Upload-Content-Length", Long.toString(item.bytes()))
                        .header("X-Upload-Content-Type", "video/mp4")
                        .POST(HttpRequest.BodyPublishers.ofString(resource.toString()))
                        .build());
        if (response.statusCode() != 200) {
            throw failure("opening the upload session", url, response);
        }
        String session = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("YouTube opened an upload session without a Location"));
        confirmed.put(session, 0L);
        return session;
    }

    @Override
    public long upload(PublishItem item, String handle, long progress) throws IOException, PublishRefusedException {
        URI session = URI.create(handle);
        long total = item.bytes();
        Long known = confirmed.get(handle);
        long from = known != null && known == progress ? progress : ask(session, total);
        if (from >= total) {
            return total;
        }
        int length = (int) Math.min(settings.chunkBytes(), total - from);
        byte[] chunk = ClipFile.read(item.file(), from, length);
        HttpResponse<String> response;
        try {
            // Sent once: after a failure the session is asked what it holds instead.
            response = http.once()
                    .send(() -> HttpRequest.newBuilder(session)
                            .timeout(settings.timeout())
                            .header("Content-Type", "video/mp4")
                            .header("Content-Range", "bytes " + from + "-" + (from + length - 1) + "/" + total)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                            .build());
        } catch (IOException e) {
            confirmed.remove(handle);
            throw e;
        }
        long held = held(session, total, response);
        confirmed.put(handle, held);
        if (held == total) {
            videos.put(handle, videoId(session, response));
        }
        return held;
    }

    @Override
    public String finish(PublishItem item, String handle) throws IOException, PublishRefusedException {
        confirmed.remove(handle);
        String known = videos.remove(handle);
        if (known != null) {
            return known;
        }
        URI session = URI.create(handle);
        HttpResponse<String> response = statusOf(session, item.bytes());
        if (response.statusCode() == 308) {
            throw new IOException("YouTube's upload session holds " + rangeEnd(response) + " of " + item.bytes()
                    + " bytes; the upload goes on");
        }
        return videoId(session, response);
    }

    @Override
    public Processing poll(PublishItem item, String videoId) throws IOException, PublishRefusedException {
        JsonNode video = video(item, videoId)
                .orElseThrow(() -> new PublishRefusedException("YouTube no longer lists video " + videoId));
        JsonNode status = video.path("status");
        return switch (status.path("uploadStatus").asText("uploaded")) {
            case "uploaded", "processed" -> Processing.ready();
            case "failed" ->
                Processing.failed("YouTube could not process the video: "
                        + status.path("failureReason").asText("no reason given"));
            case "rejected" ->
                Processing.failed("YouTube rejected the video: "
                        + status.path("rejectionReason").asText("no reason given"));
            case "deleted" -> Processing.failed("the video was deleted on YouTube");
            default -> Processing.working(settings.pollEvery());
        };
    }

    /** The upload itself made the video: if YouTube lists it, it is the post. */
    @Override
    public Optional<Post> find(PublishItem item, String videoId) throws IOException, PublishRefusedException {
        return video(item, videoId).map(v -> post(item, videoId));
    }

    @Override
    public Post publish(PublishItem item, String videoId) {
        return post(item, videoId); // the video went out with its privacy status when the upload completed
    }

    private static Post post(PublishItem item, String videoId) {
        return new Post(
                videoId,
                item.destination().shorts()
                        ? "https://www.youtube.com/shorts/" + videoId
                        : "https://www.youtube.com/watch?v=" + videoId);
    }

    private Optional<JsonNode> video(PublishItem item, String videoId) throws IOException, PublishRefusedException {
        URI url = settings.baseUrl().resolve("/youtube/v3/videos?part=status,processingDetails&id=" + videoId);
        HttpResponse<String> response =
                http.repeatable().send(() -> authorized(url, item).GET().build());
        if (response.statusCode() != 200) {
            throw failure("looking up video " + videoId, url, response);
        }
        JsonNode items = JSON.readTree(response.body()).path("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    /** How many bytes the session holds: asked, not assumed. */
    private long ask(URI session, long total) throws IOException, PublishRefusedException {
        return held(session, total, statusOf(session, total));
    }

    private HttpResponse<String> statusOf(URI session, long total) throws IOException, PublishRefusedException {
        HttpResponse<String> response = http.repeatable()
                .send(() -> HttpRequest.newBuilder(session)
                        .timeout(settings.timeout())
                        .header("Content-Range", "bytes */" + total)
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build());
        if (response.statusCode() != 308 && response.statusCode() / 100 != 2) {
            throw failure("asking the upload session what it holds", session, response);
        }
        return response;
    }

    private long held(URI session, long total, HttpResponse<String> response)
            throws IOException, PublishRefusedException {
        return switch (response.statusCode()) {
            case 308 -> rangeEnd(response);
            case 200, 201 -> total;
            default -> throw failure("uploading", session, response);
        };
    }

    private static long rangeEnd(HttpResponse<String> response) throws IOException {
        Optional<String> range = response.headers().firstValue("Range");
        if (range.isEmpty()) {
            return 0;
        }
        Matcher m = RANGE.matcher(range.get());
        if (!m.matches()) {
            throw new IOException("YouTube answered a Range of '" + range.get() + "'");
        }
        return Long.parseLong(m.group(1)) + 1;
    }

    private static String videoId(URI session, HttpResponse<String> response) throws IOException {
        String id = JSON.readTree(response.body()).path("id").asText("");
        if (id.isEmpty()) {
            throw new IOException(
                    "YouTube completed the upload at " + RetryingHttp.host(session) + " without a video id");
        }
        return id;
    }

    private HttpRequest.Builder authorized(URI url, PublishItem item) {
        return HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + item.secret().value());
    }

    /**
     * A 4xx is a refusal for good, thrown here; what passes is returned for the engine to retry: the day's
     * upload quota (a later run, after midnight Pacific, goes on), and a 429 or 5xx a single-shot call did
     * not retry.
     */
    private static IOException failure(String doing, URI url, HttpResponse<String> response)
            throws PublishRefusedException {
        String reason = "";
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            reason = error.path("errors").path(0).path("reason").asText("");
            message = error.path("message").asText(message);
        } catch (IOException notJson) {
            // the raw body is the message
        }
        int status = response.statusCode();
        String text = "YouTube refused " + doing + " (HTTP " + status + (reason.isEmpty() ? "" : " " + reason)
                + " from " + RetryingHttp.host(url) + "): " + excerpt(message);
        boolean passing = status == 429
                || status >= 500
                || reason.equals("quotaExceeded")
                || reason.equals("uploadLimitExceeded")
                || reason.equals("rateLimitExceeded");
        if (!passing) {
            throw new PublishRefusedException(text);
        }
        return new IOException(text);
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}

package io.hookline.publish.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.publish.ClipCheck;
import io.hookline.publish.ClipFile;
import io.hookline.publish.Post;
import io.hookline.publish.Processing;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.Publisher;
import io.hookline.publish.http.HttpCalls;
import io.hookline.publish.http.RetryingHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Instagram Graph API content publishing of a Reel or a Story. {@link #start} creates the media container,
 * either from a {@code video_url} the platform fetches or for a resumable upload (its id, and the upload
 * URI, are the handle); {@link #upload} sends the file to that URI in parts, each naming its {@code offset},
 * so a part sent again overwrites rather than appends; {@link #poll} reads the container's
 * {@code status_code} until FINISHED; {@link #publish} calls {@code media_publish} once. An error after that
 * call may still mean a live post, so it is never repeated blindly: every attempt first reads the container's
 * status, and a PUBLISHED container is the post.
 */
public final class InstagramPublisher implements Publisher {
    private static final ClipCheck CLIP_CHECK = ClipCheck.againstManifest("Instagram");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Graph error codes that pass: rate limits, a container not ready yet, the 24 h publishing limit. */
    private static final Set<Integer> PASSING = Set.of(2, 4, 9, 17, 32, 613, 9004, 9007);

    private final HttpCalls http;
    private final InstagramSettings settings;

    public InstagramPublisher(HttpCalls http, InstagramSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public String start(PublishItem item) throws IOException, PublishRefusedException {
        InstagramLimits.check(item, CLIP_CHECK.check(item));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", InstagramLimits.mediaType(item));
        if (form.get("media_type").equals("REELS")) {
            form.put("caption", InstagramLimits.caption(item));
            form.put("share_to_feed", "true");
        }
        if (settings.mediaUrl() != null) {
            form.put("video_url", mediaUrl(item).toString());
        } else {
            form.put("upload_type", "resumable");
        }
        URI url = graph(item.destination().account() + "/media");
        JsonNode container = json(
                http.repeatable()
                        .send(() -> authorized(url, item)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                                .build()),
                "creating the media container",
                url);
        String id = container.path("id").asText("");
        if (id.isEmpty()) {
            throw new IOException("Instagram created a container without an id");
        }
        if (settings.mediaUrl() != null) {
            return id;
        }
        String uri = container.path("uri").asText("");
        if (uri.isEmpty()) {
            throw new IOException("Instagram created resumable container " + id + " without an upload uri");
        }
        return id + " " + uri;
    }

    @Override
    public long upload(PublishItem item, String handle, long progress) throws IOException, PublishRefusedException {
        int space = handle.indexOf(' ');
        if (space < 0) {
            return item.bytes(); // the platform fetches the video_url itself
        }
        URI uri = URI.create(handle.substring(space + 1));
        int length = (int) Math.min(settings.chunkBytes(), item.bytes() - progress);
        byte[] part = ClipFile.read(item.file(), progress, length);
        // The offset header makes a repeat overwrite what the platform holds from there: safe to repeat.
        json(
                http.repeatable()
                        .send(() -> HttpRequest.newBuilder(uri)
                                .timeout(settings.timeout())
                                .header(
                                        "Authorization",
                                        "OAuth " + item.secret().value())
                                .header("offset", Long.toString(progress))
                                .header("file_size", Long.toString(item.bytes()))
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(part))
                                .build()),
                "the upload at byte " + progress,
                uri);
        return progress + length;
    }

    @Override
    public String finish(PublishItem item, String handle) {
        int space = handle.indexOf(' ');
        return space < 0 ? handle : handle.substring(0, space);
    }

    @Override
    public Processing poll(PublishItem item, String containerId) throws IOException, PublishRefusedException {
        JsonNode status = status(item, containerId);
        String code = status.path("status_code").asText("");
        return switch (code) {
            case "FINISHED", "PUBLISHED" -> Processing.ready();
            case "IN_PROGRESS" -> Processing.working(settings.pollEvery());
            case "ERROR" ->
                Processing.failed("Instagram could not process container " + containerId + ": "
                        + status.path("status").asText("no reason given"));
            case "EXPIRED" -> Processing.failed("container " + containerId + " expired (24 h) before it was published");
            default -> throw new IOException("Instagram answered status_code '" + code + "' for " + containerId);
        };
    }

    /**
     * A PUBLISHED container is a post. The Graph API does not tell which media a container became, so the
     * container's id stands for it.
     */
    @Override
    public Optional<Post> find(PublishItem item, String containerId) throws IOException, PublishRefusedException {
        boolean published =
                status(item, containerId).path("status_code").asText("").equals("PUBLISHED");
        return published ? Optional.of(new Post(containerId, "")) : Optional.empty();
    }

    @Override
    public Post publish(PublishItem item, String containerId) throws IOException, PublishRefusedException {
        Optional<Post> earlier = find(item, containerId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        URI url = graph(item.destination().account() + "/media_publish");
        JsonNode media = json(
                http.once()
                        .send(() -> authorized(url, item)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("creation_id", containerId))))
                                .build()),
                "publishing container " + containerId,
                url);
        String id = media.path("id").asText("");
        if (id.isEmpty()) {
            throw new IOException("Instagram published container " + containerId + " without a media id");
        }
        return new Post(id, "");
    }

    private JsonNode status(PublishItem item, String containerId) throws IOException, PublishRefusedException {
        URI url = graph(containerId + "?fields=status_code,status");
        return json(
                http.repeatable().send(() -> authorized(url, item).GET().build()),
                "the status of container " + containerId,
                url);
    }

    /** Where the platform fetches the clip: the media URL, then the file's path inside its match folder. */
    private URI mediaUrl(PublishItem item) throws PublishRefusedException {
        Path matchDir = item.file().getParent();
        while (matchDir != null && !String.valueOf(matchDir.getFileName()).equals(item.matchId())) {
            matchDir = matchDir.getParent();
        }
        if (matchDir == null) {
            throw new PublishRefusedException(item.file() + " is not inside a folder named " + item.matchId()
                    + ", so it has no address under " + settings.mediaUrl());
        }
        StringBuilder path = new StringBuilder(settings.mediaUrl().toString().replaceAll("/+$", ""))
                .append('/')
                .append(segment(item.matchId()));
        for (Path part : matchDir.relativize(item.file())) {
            path.append('/').append(segment(part.toString()));
        }
        return URI.create(path.toString());
    }

    private URI graph(String pathAndQuery) {
        return URI.create(settings.graphUrl().toString().replaceAll("/+$", "") + "/" + pathAndQuery);
    }

    private HttpRequest.Builder authorized(URI url, PublishItem item) {
        return HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + item.secret().value());
    }

    /** The answer's JSON on a 200; a Graph error thrown as a refusal, or as an IOException when it passes. */
    private static JsonNode json(HttpResponse<String> response, String doing, URI url)
            throws IOException, PublishRefusedException {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.createObjectNode();
        }
        if (status == 200) {
            return body;
        }
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(-1);
        String text = "Instagram refused " + doing + " (HTTP " + status + ", code " + code
                + (error.has("error_subcode")
                        ? "/" + error.path("error_subcode").asInt()
                        : "") + " from "
                + RetryingHttp.host(url) + "): " + excerpt(error.path("message").asText(response.body()));
        if (status == 429 || status >= 500 || PASSING.contains(code)) {
            throw new IOException(text);
        }
        throw new PublishRefusedException(text);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> segment(e.getKey()) + "=" + segment(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}

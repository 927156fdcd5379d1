package io.hookline.publish.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.profiles.PlatformLimits;
import io.hookline.publish.ClipCheck;
import io.hookline.publish.Post;
import io.hookline.publish.Processing;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.Publisher;
import io.hookline.publish.http.AnswerJson;
import io.hookline.publish.http.MultipartBody;
import io.hookline.publish.http.RetryingHttp;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Posts a clip to X: the chunked media upload on {@code /2/media/upload} (INIT with the size and type,
 * APPEND of numbered segments, FINALIZE, STATUS until processed), then {@code POST /2/tweets} with the media
 * id. The media id is the upload handle; the ledger's progress is the bytes of the segments sent, and a
 * resumed upload re-sends the segment it stopped in under the same index, which X overwrites. The post call
 * is never repeated blindly: X takes no idempotency key, so before each try the account's recent posts are
 * searched for one that carries this media.
 */
public final class XPublisher implements Publisher {
    /** X's protocol: at most 5 MB a segment, segment indexes 0 to 999. */
    static final int MAX_SEGMENT_BYTES = 5 * 1024 * 1024;

    static final int MAX_SEGMENTS = 1000;
    /** X's most for a post's text, counting every link as 23 characters (its t.co form). */
    static final int MAX_TEXT = 280;

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetryingHttp http;
    private final URI base;
    private final int chunkBytes;
    private final Duration timeout;
    private final ClipCheck check;

    /**
     * @param base       {@code https://api.x.com}, or an emulator's address
     * @param chunkBytes the segment size, at most 5 MB; raised when a file would need more than 1000 segments
     */
    public XPublisher(RetryingHttp http, URI base, int chunkBytes, PlatformLimits limits, Duration timeout) {
        if (chunkBytes <= 0 || chunkBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("an X segment is 1 byte to 5 MB, got " + chunkBytes);
        }
        this.http = http;
        this.base = base;
        this.chunkBytes = chunkBytes;
        this.timeout = timeout;
        this.check = new ClipCheck("X", limits.sizeCapBytes(), limits, Set.of());
    }

    @Override
    public String start(PublishItem item) throws IOException, PublishRefusedException {
        check.check(item);
        int length = textLength(text(item));
        if (length > MAX_TEXT) {
            throw new PublishRefusedException("the post's text is " + length + " characters (a link counts 23); X"
                    + " takes " + MAX_TEXT + ": shorten the destination's title or caption");
        }
        segmentBytes(item.bytes()); // refuses a file too large for 1000 segments before a session opens
        JsonNode data = answer(
                http.send(() -> upload(
                                item,
                                "?command=INIT&total_bytes=" + item.bytes()
                                        + "&media_type=video%2Fmp4&media_category=tweet_video")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                "INIT");
        return text(data.path("data"), "id", "INIT");
    }

    @Override
    public long upload(PublishItem item, String mediaId, long progress) throws IOException, PublishRefusedException {
        int segment = segmentBytes(item.bytes());
        int index = (int) (progress / segment);
        long from = (long) index * segment;
        byte[] bytes = new byte[(int) Math.min(segment, item.bytes() - from)];
        try (RandomAccessFile file = new RandomAccessFile(item.file().toFile(), "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        answer(
                http.send(() -> {
                    MultipartBody body =
                            new MultipartBody().media("media", "segment-" + index, "application/octet-stream", bytes);
                    return upload(item, "?command=APPEND&media_id=" + mediaId + "&segment_index=" + index)
                            .header("Content-Type", body.contentType())
                            .POST(body.publisher())
                            .build();
                }),
                "APPEND of segment " + index);
        return from + bytes.length;
    }

    @Override
    public String finish(PublishItem item, String mediaId) throws IOException, PublishRefusedException {
        JsonNode data = answer(
                http.send(() -> upload(item, "?command=FINALIZE&media_id=" + mediaId)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                "FINALIZE");
        return text(data.path("data"), "id", "FINALIZE");
    }

    @Override
    public Processing poll(PublishItem item, String mediaId) throws IOException, PublishRefusedException {
        JsonNode info = answer(
                        http.send(() -> upload(item, "?command=STATUS&media_id=" + mediaId)
                                .GET()
                                .build()),
                        "STATUS")
                .path("data")
                .path("processing_info");
        return switch (info.path("state").asText("succeeded")) {
            case "succeeded" -> Processing.ready();
            case "failed" ->
                Processing.failed("X could not process the video: "
                        + info.path("error")
                                .path("message")
                                .asText(info.path("error").toString()));
            default ->
                Processing.working(Duration.ofSeconds(
                        Math.max(1, info.path("check_after_secs").asLong(1))));
        };
    }

    /** A post of the account's recent ones that carries this media (X's media key ends in its media id). */
    @Override
    public Optional<Post> find(PublishItem item, String mediaId) throws IOException, PublishRefusedException {
        String userId = text(
                answer(http.send(() -> request(item, "/2/users/me").GET().build()), "users/me")
                        .path("data"),
                "id",
                "users/me");
        JsonNode posts = answer(
                http.send(() -> request(
                                item,
                                "/2/users/" + encode(userId)
                                        + "/tweets?max_results=100&expansions=attachments.media_keys&tweet.fields=attachments")
                        .GET()
                        .build()),
                "the account's posts");
        for (JsonNode post : posts.path("data")) {
            for (JsonNode key : post.path("attachments").path("media_keys")) {
                if (key.asText().endsWith("_" + mediaId)) {
                    return Optional.of(post(item, post.path("id").asText()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Post publish(PublishItem item, String mediaId) throws IOException, PublishRefusedException {
        Optional<Post> earlier = find(item, mediaId); // an earlier try may have posted before its answer was lost
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ObjectNode body = JSON.createObjectNode().put("text", text(item));
        body.putObject("media").putArray("media_ids").add(mediaId);
        HttpResponse<String> response = http.sendOnce(request(item, "/2/tweets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new IOException("HTTP " + status + " from " + RetryingHttp.host(base)
                    + " on the post; the next try first looks for it among the account's posts");
        }
        JsonNode data = answer(response, "the post");
        return post(item, text(data.path("data"), "id", "the post"));
    }

    /** The title, then the caption (link and hashtags included) on the next line. */
    static String text(PublishItem item) {
        return item.caption().isEmpty() ? item.title() : item.title() + "\n" + item.caption();
    }

    static int textLength(String text) {
        String links = LINK.matcher(text).replaceAll("x".repeat(23));
        return links.codePointCount(0, links.length());
    }

    /** The segment size for a file: the configured one, raised so that 1000 segments hold the file. */
    private int segmentBytes(long fileBytes) throws PublishRefusedException {
        long needed = (fileBytes + MAX_SEGMENTS - 1) / MAX_SEGMENTS;
        if (needed > MAX_SEGMENT_BYTES) {
            throw new PublishRefusedException("a file of " + fileBytes + " bytes needs more than " + MAX_SEGMENTS
                    + " segments of 5 MB, X's most");
        }
        return (int) Math.max(chunkBytes, needed);
    }

    private Post post(PublishItem item, String id) {
        return new Post(id, "https://x.com/" + item.destination().account() + "/status/" + id);
    }

    private HttpRequest.Builder upload(PublishItem item, String query) {
        return request(item, "/2/media/upload" + query);
    }

    private HttpRequest.Builder request(PublishItem item, String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + item.secret().value());
    }

    /** The answer's JSON when it is a success; X's problem detail as a refusal otherwise. */
    private JsonNode answer(HttpResponse<String> response, String call) throws IOException, PublishRefusedException {
        int status = response.statusCode();
        JsonNode json = AnswerJson.of(response.body());
        if (status / 100 == 2) {
            return json;
        }
        String detail = json.path("detail").asText(json.path("title").asText(excerpt(response.body())));
        throw new PublishRefusedException("X refused " + call + " (HTTP " + status + "): " + detail);
    }

    private static String text(JsonNode node, String field, String call) throws IOException {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IOException("X answered " + call + " without " + field);
        }
        return value;
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.hookline.publish.tiktok;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TikTok Content Posting API, direct post of a file. {@link #start} queries the creator's info (privacy levels
 * offered, longest video) and inits the post with its chunk plan; the publish id and upload URL are the
 * handle, with the chunk size. {@link #upload} PUTs the chunks in order with {@code Content-Range}; whenever this process does not
 * know what the platform holds (a new run, a broken connection, a 5xx) it first fetches the status, whose
 * {@code uploaded_bytes} says where to go on. The platform posts once the last chunk is in; {@link #poll}
 * fetches the status until PUBLISH_COMPLETE.
 */
public final class TikTokPublisher implements Publisher {
    private static final ClipCheck CLIP_CHECK = ClipCheck.againstManifest("TikTok");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCalls http;
    private final TikTokSettings settings;
    /** Bytes each upload confirmed to this process; absent when unknown, so the platform is asked first. */
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    public TikTokPublisher(HttpCalls http, TikTokSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public String start(PublishItem item) throws IOException, PublishRefusedException {
        Mp4Facts facts = CLIP_CHECK.check(item);
        TikTokLimits.checkFile(item, facts);
        JsonNode creator =
                call(item, "/v2/post/publish/creator_info/query/", JSON.createObjectNode(), "the creator info");
        String privacy = TikTokLimits.privacyLevel(item, facts, creator);
        ChunkPlan plan = ChunkPlan.of(item.bytes(), settings);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("post_info")
                .put("title", TikTokLimits.caption(item))
                .put("privacy_level", privacy)
                .put("disable_comment", false)
                .put("disable_duet", false)
                .put("disable_stitch", false);
        body.putObject("source_info")
                .put("source", "FILE_UPLOAD")
                .put("video_size", plan.videoSize())
                .put("chunk_size", plan.chunkSize())
                .put("total_chunk_count", plan.count());
        // An init whose upload never comes expires unused, so repeating it is harmless.
        JsonNode init = call(item, "/v2/post/publish/video/init/", body, "the post's init");
        String publishId = init.path("publish_id").asText("");
        String uploadUrl = init.path("upload_url").asText("");
        if (publishId.isEmpty() || uploadUrl.isEmpty()) {
            throw new IOException("TikTok's init answered without a publish_id or an upload_url");
        }
        // The chunk size goes into the handle: a later run must cut the file as the init declared it.
        String handle = publishId + " " + plan.chunkSize() + " " + uploadUrl;
        confirmed.put(handle, 0L);
        return handle;
    }

    @Override
    public long upload(PublishItem item, String handle, long progress) throws IOException, PublishRefusedException {
        String[] parts = handle.split(" ", 3);
        String publishId = parts[0];
        ChunkPlan plan = ChunkPlan.declared(item.bytes(), Long.parseLong(parts[1]));
        URI uploadUrl = URI.create(parts[2]);
        Long known = confirmed.get(handle);
        long from = known != null && known == progress
                ? progress
                : status(item, publishId).path("uploaded_bytes").asLong(0);
        if (from >= item.bytes()) {
            return item.bytes();
        }
        int index = plan.indexAt(from);
        long first = plan.start(index);
        long end = plan.end(index);
        byte[] chunk = ClipFile.read(item.file(), first, (int) (end - first));
        HttpResponse<String> response;
        try {
            // Sent once: after a failure the status says what arrived, and the chunks must stay in order.
            response = http.once()
                    .send(() -> HttpRequest.newBuilder(uploadUrl)
                            .timeout(settings.timeout())
                            .header("Content-Type", "video/mp4")
                            .header("Content-Range", "bytes " + first + "-" + (end - 1) + "/" + item.bytes())
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                            .build());
        } catch (IOException e) {
            confirmed.remove(handle);
            throw e;
        }
        int status = response.statusCode();
        if (status != 201 && status != 206) {
            confirmed.remove(handle);
            if (status == 416) {
                throw new IOException("TikTok expected another chunk than bytes " + first + "-" + (end - 1)
                        + "; the status says which");
            }
            throw failure(response, "chunk " + (index + 1) + " of " + plan.count(), uploadUrl);
        }
        long held = status == 201 ? item.bytes() : end;
        confirmed.put(handle, held);
        return held;
    }

    @Override
    public String finish(PublishItem item, String handle) {
        confirmed.remove(handle);
        return publishId(handle);
    }

    @Override
    public Processing poll(PublishItem item, String publishId) throws IOException, PublishRefusedException {
        JsonNode status = status(item, publishId);
        return switch (status.path("status").asText("")) {
            case "PUBLISH_COMPLETE" -> Processing.ready();
            case "FAILED" ->
                Processing.failed("TikTok could not post it: "
                        + status.path("fail_reason").asText("no reason given"));
            default -> Processing.working(settings.pollEvery());
        };
    }

    /** TikTok posts on its own once the upload is complete: a PUBLISH_COMPLETE status is the post. */
    @Override
    public Optional<Post> find(PublishItem item, String publishId) throws IOException, PublishRefusedException {
        JsonNode status = status(item, publishId);
        return status.path("status").asText("").equals("PUBLISH_COMPLETE")
                ? Optional.of(post(status, publishId))
                : Optional.empty();
    }

    @Override
    public Post publish(PublishItem item, String publishId) throws IOException, PublishRefusedException {
        return find(item, publishId)
                .orElseThrow(() -> new IOException("TikTok has not completed " + publishId + " yet"));
    }

    /** A public post has an id of its own; a private one is known by its publish id only. */
    private static Post post(JsonNode status, String publishId) {
        JsonNode ids = status.path("publicaly_available_post_id");
        return new Post(ids.isArray() && !ids.isEmpty() ? ids.get(0).asText() : publishId, "");
    }

    private JsonNode status(PublishItem item, String publishId) throws IOException, PublishRefusedException {
        return call(
                item,
                "/v2/post/publish/status/fetch/",
                JSON.createObjectNode().put("publish_id", publishId),
                "the status of " + publishId);
    }

    /** A POST of JSON to the API, answered by {@code data}. */
    private JsonNode call(PublishItem item, String path, JsonNode body, String what)
            throws IOException, PublishRefusedException {
        URI url = settings.baseUrl().resolve(path);
        HttpResponse<String> response = http.repeatable()
                .send(() -> HttpRequest.newBuilder(url)
                        .timeout(settings.timeout())
                        .header("Authorization", "Bearer " + item.secret().value())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build());
        JsonNode answer = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
        if (response.statusCode() != 200
                || !answer.path("error").path("code").asText("ok").equals("ok")) {
            throw failure(response, what, url);
        }
        return answer.path("data");
    }

    /** A refusal for good, thrown; a rate limit or server error, returned for the engine to retry. */
    private static IOException failure(HttpResponse<String> response, String what, URI url)
            throws PublishRefusedException {
        String code = "";
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            code = error.path("code").asText("");
            message = error.path("message").asText(message);
        } catch (IOException notJson) {
            // the raw body is the message
        }
        int status = response.statusCode();
        String text = "TikTok refused " + what + " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + " from "
                + RetryingHttp.host(url) + "): " + excerpt(message);
        if (status == 429 || status >= 500 || code.equals("rate_limit_exceeded")) {
            return new IOException(text);
        }
        throw new PublishRefusedException(text);
    }

    private static String publishId(String handle) {
        return handle.substring(0, handle.indexOf(' '));
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}

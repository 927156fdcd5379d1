package io.hookline.publish.http;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/form-data body (RFC 7578) of text fields and one media part, which is either bytes in memory (a
 * chunk) or a whole file streamed from disk. Built once per request: a retry builds it again, so a file is
 * re-read from its start.
 */
public final class MultipartBody {
    private final String boundary = "hookline-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    public MultipartBody field(String name, String value) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n"));
        return this;
    }

    public MultipartBody media(String name, String filename, String contentType, byte[] data) {
        parts.add(text(mediaHead(name, filename, contentType)));
        parts.add(HttpRequest.BodyPublishers.ofByteArray(data));
        parts.add(text("\r\n"));
        return this;
    }

    /** The whole file, streamed; a file gone since the caller checked surfaces as an UncheckedIOException. */
    public MultipartBody media(String name, String contentType, Path file) {
        parts.add(text(mediaHead(name, file.getFileName().toString(), contentType)));
        try {
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        parts.add(text("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    private String mediaHead(String name, String filename, String contentType) {
        // Quotes and line breaks would end the header early; a clip's file name has neither, but be sure.
        String safe = filename.replaceAll("[\"\\r\\n]", "_");
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + safe
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
    }

    private static HttpRequest.BodyPublisher text(String text) {
        return HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}

package io.hookline.publish.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The webhook's multipart/form-data body: a {@code metadata} JSON part and the clip as a {@code file} part.
 * One pass over the file signs the whole body and checks the file against the manifest's sha256; the file is
 * then streamed, never held in memory.
 */
final class WebhookBody {
    private final String boundary;
    private final byte[] head;
    private final byte[] tail;
    private final Path file;

    WebhookBody(String boundary, String metadataJson, Path file) {
        this.boundary = boundary;
        this.file = file;
        this.head = ("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"metadata\"\r\n"
                        + "Content-Type: application/json\r\n\r\n"
                        + metadataJson + "\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
                        + "Content-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The signature header's value, after checking the file still has the manifest's hash. */
    String sign(byte[] key, String expectedSha256) throws IOException, FileChangedException {
        HmacSha256 hmac = new HmacSha256(key);
        MessageDigest sha256 = sha256();
        hmac.update(head, 0, head.length);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                hmac.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        }
        hmac.update(tail, 0, tail.length);
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!expectedSha256.isEmpty() && !actual.equalsIgnoreCase(expectedSha256)) {
            throw new FileChangedException(file + " has sha256 " + actual + ", the manifest says " + expectedSha256);
        }
        return hmac.signature();
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        return HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofByteArray(tail));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The file is not the one the manifest describes: sending it would post something nobody checked. */
    static final class FileChangedException extends Exception {
        FileChangedException(String message) {
            super(message);
        }
    }
}

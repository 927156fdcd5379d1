package io.hookline.ingest.video;

import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Failures;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads playlists and segments wherever they are: a local path, {@code http(s)://} through java.net.http, or
 * {@code s3://} through the job's shared S3 client. A resource that is not there is an empty answer, not an
 * error, because a live playlist may name a segment that is gone or not yet uploaded.
 */
final class Resources {
    /** A segment is a few seconds of video: one that takes longer than this is treated as unreadable. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final S3Settings s3;
    private final HttpClient http;

    Resources(S3Settings s3) {
        this.s3 = s3;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Makes a URI from a playlist absolute against the playlist's own location. */
    static String resolve(String playlist, String uri) {
        if (uri.contains("://")) {
            return uri.startsWith("file://") ? Path.of(URI.create(uri)).toString() : uri;
        }
        if (playlist.contains("://")) {
            return URI.create(playlist).resolve(uri).toString();
        }
        return Path.of(playlist).resolveSibling(uri).normalize().toString();
    }

    /** The bytes at a location, or empty when nothing is there. */
    Optional<byte[]> read(String location) throws IOException {
        if (S3Location.isS3(location)) {
            return readS3(S3Location.parse(location));
        }
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return readHttp(location);
        }
        try {
            return Optional.of(Files.readAllBytes(Path.of(location)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> readHttp(String location) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(location))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 404 || status == 410) {
                return Optional.empty();
            }
            if (status / 100 != 2) {
                throw new IOException("HTTP " + status + " for " + location);
            }
            return Optional.of(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + location, e);
        }
    }

    private Optional<byte[]> readS3(S3Location object) throws IOException {
        try {
            return Optional.of(S3Clients.shared(s3)
                    .getObjectAsBytes(b -> b.bucket(object.bucket()).key(object.key()))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Failures.io("read", object, e);
        }
    }
}

package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.LiveHls;
import io.hookline.testing.S3TestServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Live playlists served over HTTP (the JDK's server on 127.0.0.1) and from S3 (S3Proxy in the test JVM),
 * published while the test waits; segment 1 is never uploaded, so the server answers 404 for it.
 */
class LiveHlsITCase {
    private static final String BUCKET = "live";
    private static final String MISSING = "seg1.ts";

    @TempDir
    static Path work;

    static LiveHls stream;
    static S3TestServer s3;
    static S3Client client;

    @TempDir
    Path served;

    @BeforeAll
    static void start() throws Exception {
        stream = LiveHls.cut(work, false);
        s3 = S3TestServer.start();
        s3.createBucket(BUCKET);
        client = s3.client();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        s3.close();
    }

    @Test
    void anHttpPlaylistIsReadAsItGrows() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hls/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring("/hls/".length()));
            byte[] body = Files.exists(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            String playlist = "http://127.0.0.1:" + server.getAddress().getPort() + "/hls/live.m3u8";
            readsGrowingStream(playlist, S3Settings.defaults(), withoutMissing(LiveHls.directory(served)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anS3PlaylistIsReadAsItGrows() throws Exception {
        // The job's shared client is built once per JVM; build it before the clock of the test starts.
        S3Clients.shared(s3.settings()).listBuckets();
        LiveHls.Shelf bucket = (name, data) ->
                client.putObject(b -> b.bucket(BUCKET).key("matches/m1/" + name), RequestBody.fromBytes(data));

        readsGrowingStream("s3://" + BUCKET + "/matches/m1/live.m3u8", s3.settings(), withoutMissing(bucket));
    }

    private static void readsGrowingStream(String playlist, S3Settings settings, LiveHls.Shelf shelf) throws Exception {
        Thread publisher = stream.publishEvery(shelf, 400);
        try (LiveVideo video = LiveVideo.open(playlist, settings, false)) {
            Duration wait = Duration.ofSeconds(15);
            Window first = video.await(0, 6000, wait, Duration.ofMillis(50));

            assertThat(stream.publishedAt(5))
                    .as("the last segment is not out yet")
                    .isNull();
            assertThat(first.notes()).containsExactly("segment 1 (0:02.0-0:04.0) is missing: skipped");
            List<WindowFrames.Shown> shown = WindowFrames.decode(first, 0, 6000);
            assertThat(shown).filteredOn(s -> s.frame() < 50).containsExactlyElementsOf(WindowFrames.frames(0, 50));
            assertThat(shown).filteredOn(s -> s.frame() >= 50).containsExactlyElementsOf(WindowFrames.frames(100, 150));

            Window last = video.await(6000, 12_000, wait, Duration.ofMillis(50));
            assertThat(last.notes()).isEmpty();
            assertThat(last.identity()).isEqualTo("hls:" + playlist);
            assertThat(WindowFrames.decode(last, 6000, 12_000))
                    .containsExactlyElementsOf(WindowFrames.expected(6000, 12_000));
        } finally {
            publisher.join();
        }
    }

    private static LiveHls.Shelf withoutMissing(LiveHls.Shelf shelf) {
        return (name, data) -> {
            if (!name.equals(MISSING)) {
                shelf.put(name, data);
            }
        };
    }
}

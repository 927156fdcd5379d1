package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.testing.S3TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The console over an output prefix in S3 (a real S3 server in this JVM, on the same Jetty as the console): the
 * matches and gallery read from the bucket, and a rendition played from a presigned URL, in ranges.
 */
class ConsoleS3ITCase {

    @TempDir
    Path dir;

    @Test
    void aMatchOnS3IsListedAndItsRenditionsPlayFromPresignedUrls() throws Exception {
        Path local = dir.resolve("out");
        ConsoleFixtures.writeManifest(local, "m1", 3, 2, 3, false, null);
        byte[] video = new byte[100_000];
        Arrays.fill(video, (byte) 7);
        video[5000] = 42;
        Files.write(Files.createDirectories(local.resolve("m1/clips/c0001")).resolve("profile-0.mp4"), video);
        try (S3TestServer s3 = S3TestServer.start();
                S3Client client = s3.client()) {
            s3.createBucket("clips");
            try (Stream<Path> files = Files.walk(local)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    client.putObject(
                            b -> b.bucket("clips")
                                    .key("prod/"
                                            + local.relativize(f).toString().replace('\\', '/')),
                            RequestBody.fromFile(f));
                }
            }
            OutputFolder output = OutputFolders.of("s3://clips/prod", s3.settings());
            ConsoleSettings settings = new ConsoleSettings(
                    "127.0.0.1",
                    0,
                    output,
                    null,
                    List.of(),
                    LedgerDatabase.h2File(dir.resolve("ledger")),
                    null,
                    "hookline.events",
                    dir.resolve("work"),
                    Duration.ofSeconds(1),
                    (log, args) -> 2);
            try (ConsoleServer server = ConsoleServer.start(settings)) {
                HttpClient http = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                String base = "http://127.0.0.1:" + server.port();
                assertThat(get(http, base + "/").body())
                        .contains("data-match=\"m1\"")
                        .contains("3 of 3 planned");
                assertThat(get(http, base + "/matches/m1").body().split("<li class=\"clip\"", -1))
                        .hasSize(4);

                HttpResponse<String> media = get(http, base + "/media/m1/c0001/profile-0");
                assertThat(media.statusCode()).isEqualTo(302);
                String presigned = media.headers().firstValue("Location").orElseThrow();
                assertThat(presigned)
                        .startsWith(s3.endpoint() + "/clips/prod/m1/clips/c0001/profile-0.mp4?")
                        .contains("X-Amz-Signature=");
                HttpResponse<byte[]> part = http.send(
                        HttpRequest.newBuilder(URI.create(presigned))
                                .header("Range", "bytes=4990-5009")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(part.statusCode()).isEqualTo(206);
                assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 4990, 5010));
                assertThat(get(http, base + "/matches/m2").statusCode()).isEqualTo(404);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

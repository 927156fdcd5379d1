package io.hookline.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.SourceReader;
import io.hookline.sample.SyntheticVideo;
import io.hookline.storage.Sha256;
import io.hookline.testing.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 store and the S3 video source against a real S3 server (S3Proxy) in the test JVM. */
class S3ClipStoreITCase {
    private static final String BUCKET = "clips";
    /** S3's smallest part: anything smaller is refused for every part but the last. */
    private static final long PART = S3Settings.MIN_PART_BYTES;

    static S3TestServer server;
    static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
        server.createBucket(BUCKET);
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        server.close();
    }

    @AfterEach
    void noFaults() {
        server.failEvery(0);
    }

    @Test
    void aRenditionBecomesOneObjectWithItsTypeChecksumAndClipId() throws Exception {
        S3ClipStore store = store("out/", server.settings());
        byte[] content = random(100_000, 1);
        Path temp = store.newTempFile("m1/clips/c42/youtube.mp4");
        Files.write(temp, content);

        store.commit(temp, "m1/clips/c42/youtube.mp4");

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("out/m1/clips/c42/youtube.mp4"));
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.contentLength()).isEqualTo(content.length);
        assertThat(head.metadata())
                .containsEntry("clip-id", "c42")
                .containsEntry("sha256", Sha256.of(write(dir.resolve("copy"), content)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("out/m1/clips/c42/youtube.mp4"))
                        .asByteArray())
                .isEqualTo(content);
        assertThat(temp).doesNotExist();
        assertThat(store.locate("m1/manifest.json")).isEqualTo("s3://clips/out/m1/manifest.json");
    }

    @Test
    void aLargeFileGoesUpInPartsAndReadsBackWhole() throws Exception {
        S3ClipStore store = store("big/", server.settings().withMultipart(PART, PART));
        byte[] content = random((int) (2 * PART + 12_345), 2);
        Path temp = store.newTempFile("m1/clips/c7/tv.mp4");
        Files.write(temp, content);

        store.commit(temp, "m1/clips/c7/tv.mp4");

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("big/m1/clips/c7/tv.mp4"));
        // A multipart object's ETag ends in the number of its parts.
        assertThat(head.eTag()).endsWith("-3\"");
        assertThat(head.metadata()).containsEntry("clip-id", "c7");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big/m1/clips/c7/tv.mp4"))
                        .asByteArray())
                .isEqualTo(content);
    }

    @Test
    void writingTheSameBytesAgainLeavesTheObjectAsItWas() throws Exception {
        S3ClipStore store = store("again/", server.settings());
        store.write("m1/manifest.json", "{\"clips\":[]}".getBytes());
        int written = server.objectsWritten();

        store.write("m1/manifest.json", "{\"clips\":[]}".getBytes());
        assertThat(server.objectsWritten()).isEqualTo(written);

        store.write("m1/manifest.json", "{\"clips\":[1]}".getBytes());
        assertThat(server.objectsWritten()).isEqualTo(written + 1);
        assertThat(keys("again/")).containsExactly("again/m1/manifest.json");
    }

    @Test
    void answers503AreRetriedAndNothingIsLost() throws Exception {
        S3ClipStore store = store("flaky/", server.settings().withMultipart(PART, PART));
        server.failEvery(3);
        int before = server.failuresInjected();
        byte[] big = random((int) (PART + 1), 3);
        for (int i = 0; i < 12; i++) {
            store.write("m1/clips/c" + i + "/small.json", ("{\"n\":" + i + "}").getBytes());
        }
        Path temp = store.newTempFile("m1/clips/big/tv.mp4");
        Files.write(temp, big);
        store.commit(temp, "m1/clips/big/tv.mp4");
        server.failEvery(0);

        assertThat(server.failuresInjected() - before).isGreaterThanOrEqualTo(5);
        assertThat(keys("flaky/")).hasSize(13);
        for (int i = 0; i < 12; i++) {
            String key = "flaky/m1/clips/c" + i + "/small.json";
            assertThat(new String(
                            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()))
                    .isEqualTo("{\"n\":" + i + "}");
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("flaky/m1/clips/big/tv.mp4"))
                        .asByteArray())
                .isEqualTo(big);
    }

    @Test
    void aWrongBucketIsNamed() {
        S3ClipStore store = new S3ClipStore(s3, S3Location.parse("s3://no-such-bucket/out"), server.settings(), dir);

        assertThatThrownBy(() -> store.write("m1/manifest.json", new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "cannot upload to s3://no-such-bucket/out/m1/manifest.json: bucket 'no-such-bucket' does not exist");
    }

    @Test
    void wrongCredentialsAreNamed() {
        try (S3Client stranger = S3Clients.create(
                server.settings(), StaticCredentialsProvider.create(AwsBasicCredentials.create("nobody", "wrong")))) {
            S3ClipStore store = new S3ClipStore(stranger, S3Location.parse("s3://clips/out"), server.settings(), dir);

            assertThatThrownBy(() -> store.write("m1/manifest.json", new byte[] {1}))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot upload to s3://clips/out/m1/manifest.json: ")
                    .hasMessageContaining("check the credentials");
        }
    }

    @Test
    void aMissingVideoIsNamed() {
        assertThatThrownBy(() -> S3Video.check(s3, S3Location.parse("s3://clips/matches/none.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot read the video s3://clips/matches/none.mp4: no such object");
        assertThatThrownBy(() -> S3Video.check(s3, S3Location.parse("s3://nowhere/none.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read the video s3://nowhere/none.mp4: ");
    }

    @Test
    void ffmpegReadsTheVideoThroughAPresignedUrlByRanges() throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(320, 180, 25, 6_000, true, List.of(2_000L)), video);
        s3.putObject(b -> b.bucket(BUCKET).key("matches/m1.mp4"), video);
        int ranged = server.rangedReads();

        S3Location location = S3Location.parse("s3://clips/matches/m1.mp4");
        assertThat(S3Video.check(s3, location)).isEqualTo(Files.size(video));
        String url;
        try (S3Presigner presigner = S3Clients.presigner(server.settings())) {
            url = S3Video.presign(presigner, location, Duration.ofMinutes(5));
        }
        SourceInfo info = SourceReader.probe(url);

        assertThat(url).startsWith(server.endpoint() + "/clips/matches/m1.mp4?");
        assertThat(info.durationMs()).isBetween(5_900L, 6_100L);
        assertThat(info.width()).isEqualTo(320);
        assertThat(server.rangedReads()).isGreaterThan(ranged);
    }

    private S3ClipStore store(String prefix, S3Settings settings) {
        return new S3ClipStore(server.client(settings), new S3Location(BUCKET, prefix), settings, dir.resolve("tmp"));
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Path write(Path file, byte[] content) throws IOException {
        return Files.write(file, content);
    }
}

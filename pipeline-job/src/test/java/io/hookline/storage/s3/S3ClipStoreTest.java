package io.hookline.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

class S3ClipStoreTest {
    private static final long PART = S3Settings.MIN_PART_BYTES;
    private static final S3Settings AWS = S3Settings.defaults().withMultipart(2 * PART, PART);

    private final FakeS3Client s3 = new FakeS3Client();

    @TempDir
    Path dir;

    @Test
    void aSmallFileIsOnePutWithTypeMetadataAndS3Checksum() throws Exception {
        S3ClipStore store = store(AWS);
        Path temp = temp(store, "m1/clips/c1/tv.mp4", new byte[] {1, 2, 3});

        store.commit(temp, "m1/clips/c1/tv.mp4");

        assertThat(s3.puts).singleElement().satisfies(put -> {
            assertThat(put.bucket()).isEqualTo("b");
            assertThat(put.key()).isEqualTo("out/m1/clips/c1/tv.mp4");
            assertThat(put.contentType()).isEqualTo("video/mp4");
            assertThat(put.metadata()).containsEntry("clip-id", "c1").containsEntry("sha256", sha(1, 2, 3));
            assertThat(Base64.getDecoder().decode(put.checksumSHA256()))
                    .isEqualTo(HexFormat.of().parseHex(sha(1, 2, 3)));
        });
        assertThat(temp).doesNotExist();
    }

    @Test
    void aCompatibleStoreGetsNoChecksumHeaderButTheMetadata() throws Exception {
        S3ClipStore store = store(AWS.withEndpoint("http://localhost:9000"));

        store.write("m1/manifest.json", new byte[] {7});

        assertThat(s3.puts).singleElement().satisfies(put -> {
            assertThat(put.checksumSHA256()).isNull();
            assertThat(put.contentType()).isEqualTo("application/json");
            assertThat(put.metadata()).containsOnlyKeys("sha256");
        });
    }

    @Test
    void aFileOverTheThresholdGoesUpInPartsWithPartChecksums() throws Exception {
        S3ClipStore store = store(AWS);
        byte[] content = new byte[(int) (2 * PART + 10)];
        Arrays.fill(content, (byte) 9);

        store.commit(temp(store, "m1/clips/c2/tv.mp4", content), "m1/clips/c2/tv.mp4");

        assertThat(s3.puts).isEmpty();
        assertThat(s3.parts).extracting(UploadPartRequest::partNumber).containsExactly(1, 2, 3);
        assertThat(s3.parts).allSatisfy(p -> assertThat(p.checksumSHA256()).isNotNull());
        assertThat(s3.objects.get("out/m1/clips/c2/tv.mp4").bytes()).isEqualTo(content);
        assertThat(s3.objects.get("out/m1/clips/c2/tv.mp4").metadata()).containsEntry("clip-id", "c2");
    }

    @Test
    void aFailedPartAbortsTheUploadAndNamesTheObject() throws Exception {
        S3ClipStore store = store(AWS);
        s3.failPart = 2;
        Path temp = temp(store, "m1/clips/c3/tv.mp4", new byte[(int) (2 * PART + 1)]);

        assertThatThrownBy(() -> store.commit(temp, "m1/clips/c3/tv.mp4"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot upload to s3://b/out/m1/clips/c3/tv.mp4: S3 answered 500");
        assertThat(s3.aborted).containsExactly("upload-1");
        assertThat(s3.objects).isEmpty();
        assertThat(temp).doesNotExist();
    }

    @Test
    void theSameBytesAreNotUploadedTwiceButNewBytesReplaceTheObject() throws Exception {
        S3ClipStore store = store(AWS);
        store.write("m1/manifest.json", new byte[] {1});
        store.write("m1/manifest.json", new byte[] {1});
        assertThat(s3.puts).hasSize(1);

        store.write("m1/manifest.json", new byte[] {2});
        assertThat(s3.puts).hasSize(2);
        assertThat(s3.objects.get("out/m1/manifest.json").bytes()).containsExactly(2);
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertThat(S3ClipStore.contentType("m/manifest.avro")).isEqualTo("application/avro");
        assertThat(S3ClipStore.contentType("m/dead-letters.jsonl")).isEqualTo("application/x-ndjson");
        assertThat(S3ClipStore.contentType("m/clips/c/thumb.jpg")).isEqualTo("image/jpeg");
        assertThat(S3ClipStore.contentType("m/README")).isEqualTo("application/octet-stream");
    }

    private S3ClipStore store(S3Settings settings) {
        return new S3ClipStore(s3, S3Location.parse("s3://b/out"), settings, dir.resolve("tmp"));
    }

    private static Path temp(S3ClipStore store, String key, byte[] content) throws IOException {
        return Files.write(store.newTempFile(key), content);
    }

    private static String sha(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return HexFormat.of().formatHex(io.hookline.storage.Sha256.digest(b, 0, b.length));
    }
}

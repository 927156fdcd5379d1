package io.hookline.console;

import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** An output prefix in S3: files are read with the job's S3 client, videos are played from presigned URLs. */
final class S3OutputFolder implements OutputFolder, AutoCloseable {
    private final S3Location root;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Settings settings;

    S3OutputFolder(S3Location root, S3Settings settings) {
        this.root = root;
        this.settings = settings;
        this.s3 = S3Clients.create(settings);
        this.presigner = S3Clients.presigner(settings);
    }

    @Override
    public List<String> matchIds() {
        String prefix = root.key().isEmpty() ? "" : root.key() + "/";
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(root.bucket())
                    .prefix(prefix)
                    .delimiter("/")
                    .continuationToken(token)
                    .build());
            page.commonPrefixes().forEach(p -> {
                String name = p.prefix().substring(prefix.length(), p.prefix().length() - 1);
                if (Ids.valid(name) && !name.startsWith("_")) {
                    ids.add(name);
                }
            });
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return ids.stream().sorted().toList();
    }

    @Override
    public Optional<byte[]> read(String matchId, String file) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(GetObjectRequest.builder()
                    .bucket(root.bucket())
                    .key(key(matchId, file))
                    .build());
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> stamp(String matchId, String file) {
        try {
            return Optional.of(s3.headObject(HeadObjectRequest.builder()
                            .bucket(root.bucket())
                            .key(key(matchId, file))
                            .build())
                    .eTag());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public int storedRenditions(String matchId) {
        String prefix = key(matchId, "clips") + "/";
        int count = 0;
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(root.bucket())
                    .prefix(prefix)
                    .continuationToken(token)
                    .build());
            count += (int) page.contents().stream()
                    .filter(o -> o.key().endsWith(".mp4"))
                    .count();
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return count;
    }

    @Override
    public Media media(String matchId, String file) {
        String url = presigner
                .presignGetObject(r -> r.signatureDuration(settings.presignExpiry())
                        .getObjectRequest(g -> g.bucket(root.bucket()).key(key(matchId, file))))
                .url()
                .toString();
        return new Media.Redirect(url);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private String key(String matchId, String file) {
        return root.resolve(Ids.require(matchId, "match id") + "/" + OutputFolder.requireInside(file))
                .key();
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}

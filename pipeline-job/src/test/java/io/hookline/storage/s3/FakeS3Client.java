package io.hookline.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** An in-memory S3 with just the calls the store makes; it records every request it gets. */
final class FakeS3Client implements S3Client {
    record StoredObject(byte[] bytes, String contentType, Map<String, String> metadata) {}

    final Map<String, StoredObject> objects = new TreeMap<>();
    final List<PutObjectRequest> puts = new ArrayList<>();
    final List<UploadPartRequest> parts = new ArrayList<>();
    final List<String> aborted = new ArrayList<>();
    /** When set, uploading this part number fails with a 500. */
    int failPart = -1;

    private CreateMultipartUploadRequest upload;
    private final List<byte[]> uploadedParts = new ArrayList<>();

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        puts.add(request);
        objects.put(request.key(), new StoredObject(read(body), request.contentType(), request.metadata()));
        return PutObjectResponse.builder().build();
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        StoredObject o = objects.get(request.key());
        if (o == null) {
            throw NoSuchKeyException.builder().statusCode(404).build();
        }
        return HeadObjectResponse.builder()
                .contentLength((long) o.bytes().length)
                .contentType(o.contentType())
                .metadata(o.metadata())
                .build();
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        upload = request;
        uploadedParts.clear();
        return CreateMultipartUploadResponse.builder().uploadId("upload-1").build();
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        parts.add(request);
        if (request.partNumber() == failPart) {
            throw S3Exception.builder().statusCode(500).message("injected").build();
        }
        uploadedParts.add(read(body));
        return UploadPartResponse.builder().eTag("etag-" + request.partNumber()).build();
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        int size = uploadedParts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] p : uploadedParts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        objects.put(request.key(), new StoredObject(all, upload.contentType(), upload.metadata()));
        return CompleteMultipartUploadResponse.builder().build();
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        aborted.add(request.uploadId());
        return AbortMultipartUploadResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {}

    private static byte[] read(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.hookline.testing;

import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3Settings;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.io.Payload;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server in the test JVM (S3Proxy over an in-memory store), with SigV4 authentication. It can
 * answer a share of object requests with HTTP 503, as S3 does when it sheds load.
 *
 * <p>Starting it sets {@code aws.accessKeyId} and {@code aws.secretAccessKey}, so the job's clients, which use
 * the standard credential chain, find its key pair the way they would find real credentials.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "hookline-test";
    public static final String SECRET_KEY = "hookline-test-secret";

    private final S3Proxy proxy;
    private final FlakyBlobStore store;

    private S3TestServer(S3Proxy proxy, FlakyBlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    public static S3TestServer start() throws Exception {
        BlobStore memory = ContextBuilder.newBuilder("transient")
                .credentials("unused", "unused")
                .build(BlobStoreContext.class)
                .getBlobStore();
        FlakyBlobStore store = new FlakyBlobStore(memory);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        return new S3TestServer(proxy, store);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public S3Settings settings() {
        return S3Settings.defaults().withEndpoint(endpoint());
    }

    /** A client with the server's key pair. */
    public S3Client client(S3Settings settings) {
        return S3Clients.create(
                settings, StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public S3Client client() {
        return client(settings());
    }

    public void createBucket(String name) {
        store.createContainerInLocation(null, name);
    }

    /** From now on every {@code n}-th object request is answered with 503 Slow Down; 0 turns it off. */
    public void failEvery(int n) {
        store.failEvery.set(n);
    }

    /** Object requests answered with 503 so far. */
    public int failuresInjected() {
        return store.injected.get();
    }

    /** Object writes (single PUTs and completed multipart uploads) the server has carried out. */
    public int objectsWritten() {
        return store.written.get();
    }

    /** GETs that asked for a byte range. */
    public int rangedReads() {
        return store.rangedReads.get();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    private static final class FlakyBlobStore extends ForwardingBlobStore {
        final AtomicInteger failEvery = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger rangedReads = new AtomicInteger();

        FlakyBlobStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public String putBlob(String container, Blob blob) {
            maybeFail();
            written.incrementAndGet();
            return super.putBlob(container, blob);
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            maybeFail();
            written.incrementAndGet();
            return super.putBlob(container, blob, options);
        }

        @Override
        public BlobMetadata blobMetadata(String container, String name) {
            maybeFail();
            return super.blobMetadata(container, name);
        }

        @Override
        public Blob getBlob(String container, String name, GetOptions options) {
            maybeFail();
            if (options != null && !options.getRanges().isEmpty()) {
                rangedReads.incrementAndGet();
            }
            return super.getBlob(container, name, options);
        }

        @Override
        public MultipartUpload initiateMultipartUpload(String container, BlobMetadata metadata, PutOptions options) {
            maybeFail();
            return super.initiateMultipartUpload(container, metadata, options);
        }

        @Override
        public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, Payload payload) {
            maybeFail();
            return super.uploadMultipartPart(upload, partNumber, payload);
        }

        @Override
        public String completeMultipartUpload(MultipartUpload upload, java.util.List<MultipartPart> parts) {
            maybeFail();
            written.incrementAndGet();
            return super.completeMultipartUpload(upload, parts);
        }

        private void maybeFail() {
            int n = failEvery.get();
            if (n > 0 && requests.incrementAndGet() % n == 0) {
                injected.incrementAndGet();
                throw new HttpResponseException(
                        "Slow Down",
                        null,
                        HttpResponse.builder().statusCode(503).build());
            }
        }
    }
}

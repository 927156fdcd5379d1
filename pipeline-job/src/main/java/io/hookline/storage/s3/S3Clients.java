package io.hookline.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds S3 clients from {@link S3Settings}. Credentials come from the standard AWS chain unless a caller
 * passes its own provider.
 */
public final class S3Clients {
    /** Signing needs a region; S3-compatible stores accept any, so this one stands in when none is set. */
    private static final Region COMPATIBLE_STORE_REGION = Region.US_EAST_1;

    /** Every render and file sink of a TaskManager shares one client, so its pool allows them all. */
    private static final int MAX_CONNECTIONS = 64;

    /** One client per settings in a JVM: tasks of a TaskManager share its connection pool. */
    private static final Map<S3Settings, S3Client> SHARED = new ConcurrentHashMap<>();

    private S3Clients() {}

    /** The client every task of this JVM uses for {@code settings}; it lives as long as the JVM. */
    public static S3Client shared(S3Settings settings) {
        return SHARED.computeIfAbsent(settings, S3Clients::create);
    }

    public static S3Client create(S3Settings settings) {
        return create(settings, DefaultCredentialsProvider.builder().build());
    }

    public static S3Client create(S3Settings settings, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(settings.maxAttempts())));
        Region region = region(settings);
        if (region != null) {
            builder.region(region);
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()))
                    // S3-compatible stores often reject the flexible checksums recent SDKs send by default;
                    // the store still gets our SHA-256 where we set it explicitly.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    public static S3Presigner presigner(S3Settings settings) {
        return presigner(settings, DefaultCredentialsProvider.builder().build());
    }

    public static S3Presigner presigner(S3Settings settings, AwsCredentialsProvider credentials) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        Region region = region(settings);
        if (region != null) {
            builder.region(region);
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    /**
     * Retries throttling, 5xx answers and I/O errors with exponential backoff and jitter. The retry quota
     * (circuit breaker) is off: during an S3 brown-out a render should wait and finish, not fail its clip.
     */
    static RetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .circuitBreakerEnabled(false)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .build();
    }

    /** The configured region; for an endpoint override without one, a stand-in; else the SDK's own chain. */
    private static Region region(S3Settings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region());
        }
        return settings.endpoint() != null ? COMPATIBLE_STORE_REGION : null;
    }
}

package io.hookline.storage.secrets;

import io.hookline.publish.CredentialException;
import io.hookline.publish.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Destinations' credentials kept in AWS Secrets Manager: a secret's current string, read with the standard
 * AWS credential chain, in the region of its ARN or the default region. A value is kept for a few minutes, so
 * a long-running publisher does not ask for every clip yet sees a rotated secret soon. The client is made on
 * the first read: destinations that keep their credentials elsewhere need no AWS set-up.
 */
public final class SecretsManagerStore implements Secrets.SecretStore, AutoCloseable {
    private static final Duration KEPT = Duration.ofMinutes(5);

    private final Supplier<SecretsManagerClientBuilder> builders;
    private final Clock clock;
    private final Map<String, SecretsManagerClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Kept> values = new ConcurrentHashMap<>();

    /**
     * A store on AWS, through the standard credential and region chains; {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}
     * points it at another endpoint, as for any AWS SDK client.
     */
    public SecretsManagerStore(Clock clock) {
        this(() -> SecretsManagerClient.builder().httpClientBuilder(Apache5HttpClient.builder()), clock);
    }

    /** @param builders make a client builder, credentials and endpoint set; the store sets the region */
    SecretsManagerStore(Supplier<SecretsManagerClientBuilder> builders, Clock clock) {
        this.builders = builders;
        this.clock = clock;
    }

    @Override
    public String read(String name) throws CredentialException {
        Instant now = clock.instant();
        Kept kept = values.get(name);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.value();
        }
        try {
            GetSecretValueResponse response = client(regionOf(name)).getSecretValue(b -> b.secretId(name));
            String value = response.secretString();
            if (value == null || value.isBlank()) {
                throw new CredentialException("AWS Secrets Manager secret " + name + " has no string value (a"
                        + " binary secret cannot be a destination's credential)");
            }
            values.put(name, new Kept(value.strip(), now.plus(KEPT)));
            return value.strip();
        } catch (SecretsManagerException e) {
            // The service's own message names the secret and the reason (not found, access denied), never a value.
            throw new CredentialException("cannot read AWS Secrets Manager secret " + name + ": "
                    + e.awsErrorDetails().errorCode() + " ("
                    + e.awsErrorDetails().errorMessage() + ")");
        } catch (SdkException e) {
            throw new CredentialException(
                    "cannot reach AWS Secrets Manager for secret " + name + ": " + e.getMessage());
        }
    }

    /** The region an ARN names (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), or null for the default. */
    static String regionOf(String name) {
        String[] parts = name.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("secretsmanager") ? parts[3] : null;
    }

    private SecretsManagerClient client(String region) {
        return clients.computeIfAbsent(region == null ? "" : region, r -> {
            SecretsManagerClientBuilder builder = builders.get();
            return (r.isEmpty() ? builder : builder.region(Region.of(r))).build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(SecretsManagerClient::close);
    }

    private record Kept(String value, Instant until) {}
}

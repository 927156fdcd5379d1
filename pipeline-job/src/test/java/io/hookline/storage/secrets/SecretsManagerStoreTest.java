package io.hookline.storage.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hookline.publish.CredentialException;
import io.hookline.testing.SteppingClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The store against a local endpoint that answers Secrets Manager's GetSecretValue in its JSON protocol, as
 * the real SDK client calls it: the value, a secret that is not there, access refused, the value kept a while.
 */
class SecretsManagerStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hookline/telegram-AbCdEf";
    private static final Map<String, String> SECRETS = Map.of(ARN, "123456:known-bot-token\n", "empty", "");

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-07T03:00:00Z"));
    private SecretsManagerStore store;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String id = request.path("SecretId").asText();
            String body;
            int status;
            if (id.equals("forbidden")) {
                status = 400;
                body = "{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform"
                        + " secretsmanager:GetSecretValue on forbidden\"}";
            } else if (SECRETS.containsKey(id)) {
                status = 200;
                body = JSON.writeValueAsString(
                        Map.of("ARN", id, "Name", id, "SecretString", SECRETS.get(id), "VersionId", "v1"));
            } else {
                status = 400;
                body = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the"
                        + " specified secret.\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        store = new SecretsManagerStore(
                () -> SecretsManagerClient.builder()
                        .httpClientBuilder(Apache5HttpClient.builder())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .endpointOverride(endpoint),
                clock);
    }

    @AfterEach
    void stop() {
        store.close();
        server.stop(0);
    }

    @Test
    void readsASecretsStringAndKeepsItForAFewMinutes() throws Exception {
        assertThat(store.read(ARN)).isEqualTo("123456:known-bot-token");
        assertThat(store.read(ARN)).isEqualTo("123456:known-bot-token");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("SecretId").asText()).isEqualTo(ARN);
        assertThat(targets).containsExactly("secretsmanager.GetSecretValue");

        clock.advance(Duration.ofSeconds(301));
        store.read(ARN);
        assertThat(requests)
                .as("read again once kept long enough to have been rotated")
                .hasSize(2);
    }

    @Test
    void aSecretThatIsNotThereOrNotAllowedOrEmptyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> store.read("hookline/missing"))
                .isInstanceOf(CredentialException.class)
                .hasMessage("cannot read AWS Secrets Manager secret hookline/missing: ResourceNotFoundException"
                        + " (Secrets Manager can't find the specified secret.)");
        assertThatThrownBy(() -> store.read("forbidden"))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("AccessDeniedException");
        assertThatThrownBy(() -> store.read("empty"))
                .isInstanceOf(CredentialException.class)
                .hasMessage("AWS Secrets Manager secret empty has no string value (a binary secret cannot be a"
                        + " destination's credential)");
    }

    @Test
    void anArnNamesItsRegion() {
        assertThat(SecretsManagerStore.regionOf(ARN)).isEqualTo("eu-west-1");
        assertThat(SecretsManagerStore.regionOf("hookline/telegram")).isNull();
    }
}

package io.hookline.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks before anything starts that Kafka answers and the topics exist, so "Kafka is down" or a mistyped
 * topic is one clear sentence rather than a job that retries in the background forever.
 */
public final class KafkaCheck {

    private KafkaCheck() {}

    /** @throws IllegalStateException naming the servers or the missing topics */
    public static void requireTopics(
            String bootstrapServers, Properties clientProperties, Duration timeout, String... topics) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IllegalStateException(
                        "Kafka at " + bootstrapServers + " did not answer within " + timeout.toSeconds()
                                + " s; is it running and reachable from here?",
                        e);
            }
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(topic);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka at " + bootstrapServers + " has no topic "
                        + String.join(", ", missing) + "; create it first (see infra/README.md)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka at " + bootstrapServers, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IllegalStateException("cannot use Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}

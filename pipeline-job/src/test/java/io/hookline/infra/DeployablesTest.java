package io.hookline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.job.JobOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployable pieces in infra/ are well-formed and agree with each other and with the job: the
 * FlinkDeployment against the fields of the Flink Kubernetes operator's CRD (v1beta1, operator 1.15, as
 * its reference documents them; the CRD itself is not served by the registries this build can reach), the
 * local docker-compose stack, and the Dockerfile both run.
 */
class DeployablesTest {
    private static final Path INFRA = Path.of("").toAbsolutePath().getParent().resolve("infra");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The operator's FlinkDeployment fields, by path: what each object may hold. */
    private static final Map<String, Set<String>> CRD_FIELDS = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "spec",
                    Set.of(
                            "image",
                            "imagePullPolicy",
                            "serviceAccount",
                            "flinkVersion",
                            "flinkConfiguration",
                            "logConfiguration",
                            "mode",
                            "ingress",
                            "podTemplate",
                            "jobManager",
                            "taskManager",
                            "job",
                            "restartNonce"),
            "spec.job",
                    Set.of(
                            "jarURI",
                            "parallelism",
                            "entryClass",
                            "args",
                            "state",
                            "savepointTriggerNonce",
                            "initialSavepointPath",
                            "checkpointTriggerNonce",
                            "upgradeMode",
                            "allowNonRestoredState",
                            "savepointRedeployNonce",
                            "autoscalerResetNonce"),
            "spec.jobManager", Set.of("resource", "replicas", "podTemplate"),
            "spec.taskManager", Set.of("resource", "replicas", "podTemplate"),
            "spec.jobManager.resource", Set.of("cpu", "memory", "ephemeralStorage"),
            "spec.taskManager.resource", Set.of("cpu", "memory", "ephemeralStorage"));

    private static final Map<String, Set<String>> CRD_ENUMS = Map.of(
            "spec.flinkVersion", Set.of("v1_16", "v1_17", "v1_18", "v1_19", "v1_20", "v2_0", "v2_1", "v2_2"),
            "spec.mode", Set.of("native", "standalone"),
            "spec.job.upgradeMode", Set.of("stateless", "savepoint", "last-state"),
            "spec.job.state", Set.of("running", "suspended"));
    private static final String JAR_IN_IMAGE = "/opt/flink/usrlib/hookline-job.jar";

    @Test
    void theFlinkDeploymentHasOnlyFieldsTheOperatorKnows() throws IOException {
        JsonNode deployment = yaml(INFRA.resolve("kubernetes/hookline-live.yaml"));

        assertThat(deployment.get("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.get("kind").asText()).isEqualTo("FlinkDeployment");
        List<String> unknown = new ArrayList<>();
        CRD_FIELDS.forEach((path, allowed) -> {
            JsonNode node = at(deployment, path);
            if (node != null) {
                node.fieldNames().forEachRemaining(f -> {
                    if (!allowed.contains(f)) {
                        unknown.add(path + "." + f);
                    }
                });
            }
        });
        assertThat(unknown).as("fields the CRD does not have").isEmpty();
        CRD_ENUMS.forEach((path, values) ->
                assertThat(at(deployment, path).asText()).as(path).isIn(values));
        // The CRD types flinkConfiguration as a map of strings: a bare number or boolean would be refused.
        deployment
                .get("spec")
                .get("flinkConfiguration")
                .properties()
                .forEach(e -> assertThat(e.getValue().isTextual())
                        .as("flinkConfiguration." + e.getKey() + " is a string")
                        .isTrue());
        assertThat(at(deployment, "spec.jobManager.resource.memory").asText()).matches("\\d+[mg]");
        assertThat(at(deployment, "spec.taskManager.replicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theFlinkDeploymentRunsTheLiveJobWithHaAndSavepointUpgradesOnS3() throws IOException {
        JsonNode spec = yaml(INFRA.resolve("kubernetes/hookline-live.yaml")).get("spec");
        JsonNode flink = spec.get("flinkConfiguration");
        JsonNode job = spec.get("job");

        assertThat(job.get("jarURI").asText()).isEqualTo("local://" + JAR_IN_IMAGE);
        assertThat(job.get("entryClass").asText()).isEqualTo("io.hookline.job.HooklineJob");
        assertThat(job.get("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(flink.get(HighAvailabilityOptions.HA_MODE.key()).asText()).isEqualTo("kubernetes");
        assertThat(flink.get(HighAvailabilityOptions.HA_STORAGE_PATH.key()).asText())
                .startsWith("s3://");
        assertThat(flink.get(CheckpointingOptions.SAVEPOINT_DIRECTORY.key()).asText())
                .startsWith("s3://");
        String checkpoints =
                flink.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()).asText();
        assertThat(checkpoints).startsWith("s3://");

        Configuration args = JobOptions.fromArgs(strings(job.get("args")).toArray(String[]::new));
        assertThat(args.get(JobOptions.KAFKA_BOOTSTRAP)).isNotBlank();
        assertThat(args.get(JobOptions.CHECKPOINTS)).isEqualTo(checkpoints);
        assertThat(args.get(JobOptions.OUT)).startsWith("s3://");
        assertThat(args.get(JobOptions.VIDEO)).startsWith("s3://");
        assertThat(args.get(JobOptions.EVENTS)).isNull();
        assertThat(args.toMap().keySet()).allSatisfy(key -> assertThat(key).startsWith("hookline."));
    }

    @Test
    void theComposeStackRunsTheLiveJobAgainstItsOwnKafkaAndS3() throws IOException {
        JsonNode compose = yaml(INFRA.resolve("local/docker-compose.yml"));
        JsonNode services = compose.get("services");

        assertThat(iterable(services.fieldNames())).contains("minio", "kafka", "jobmanager", "taskmanager");
        JsonNode jobManager = services.get("jobmanager");
        List<String> command = strings(jobManager.get("command"));
        assertThat(command.subList(0, 3))
                .containsExactly("standalone-job", "--job-classname", "io.hookline.job.HooklineJob");
        Configuration args =
                JobOptions.fromArgs(command.subList(3, command.size()).toArray(String[]::new));
        assertThat(args.get(JobOptions.KAFKA_BOOTSTRAP)).isEqualTo("kafka:9092");
        assertThat(args.get(JobOptions.S3_ENDPOINT)).isEqualTo("http://minio:9000");
        assertThat(args.get(JobOptions.CHECKPOINTS)).startsWith("file:///flink-state/");
        // The job's S3 key pair is MinIO's root user; the credential chain finds it in the environment.
        JsonNode minio = services.get("minio").get("environment");
        JsonNode env = jobManager.get("environment");
        assertThat(env.get("AWS_ACCESS_KEY_ID").asText())
                .isEqualTo(minio.get("MINIO_ROOT_USER").asText());
        assertThat(env.get("AWS_SECRET_ACCESS_KEY").asText())
                .isEqualTo(minio.get("MINIO_ROOT_PASSWORD").asText());
        assertThat(services.get("taskmanager").get("image").asText())
                .isEqualTo(jobManager.get("image").asText());
        assertThat(jobManager.get("build").get("dockerfile").asText()).isEqualTo("infra/Dockerfile");
    }

    @Test
    void theImagePutsTheJarWhereTheDeploymentsLookForIt() throws IOException {
        String dockerfile = Files.readString(INFRA.resolve("Dockerfile"));

        assertThat(dockerfile)
                .contains("FROM flink:2.2.0-java17")
                .contains("libpulse0")
                .contains(JAR_IN_IMAGE);
    }

    private static JsonNode yaml(Path file) throws IOException {
        Object parsed = new Yaml().load(Files.readString(file));
        return JSON.valueToTree(parsed);
    }

    /** The node at a dotted path, or null. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (!path.isEmpty()) {
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
        }
        return node;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        List<T> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }
}

package io.hookline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A standalone Flink session cluster as separate processes on this machine: one JobManager and any number
 * of TaskManagers, each a {@code java} process on the Flink jars Maven resolved (what a distribution's lib/
 * holds), started with Flink's own entry points. Jobs go in through Flink's own client (CliFrontend).
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final String classpath;
    private final List<String> jvmOpens;
    private final Map<String, String> environment;
    private final int restPort;
    private final Map<String, String> conf;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process jobManager;
    private final List<Process> taskManagers = new ArrayList<>();

    private StandaloneFlinkCluster(
            Path home,
            String classpath,
            List<String> jvmOpens,
            Map<String, String> environment,
            int restPort,
            Map<String, String> conf) {
        this.home = home;
        this.classpath = classpath;
        this.jvmOpens = jvmOpens;
        this.environment = environment;
        this.restPort = restPort;
        this.conf = conf;
    }

    /**
     * Writes the cluster's conf/ under {@code home}.
     *
     * @param environment what every process (and the client) gets in its environment, e.g. AWS credentials or
     *     {@code FLINK_PLUGINS_DIR}
     * @param settings more entries for config.yaml, e.g. the S3 file system's endpoint
     */
    public static StandaloneFlinkCluster configure(
            Path home, String classpath, String jvmOpens, Map<String, String> environment, Map<String, String> settings)
            throws IOException {
        int restPort = freePort();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "localhost");
        conf.put("jobmanager.rpc.port", String.valueOf(freePort()));
        conf.put("jobmanager.bind-host", "localhost");
        conf.put("jobmanager.memory.process.size", "1024m");
        conf.put("rest.address", "localhost");
        conf.put("rest.bind-address", "localhost");
        conf.put("rest.port", String.valueOf(restPort));
        conf.put("taskmanager.host", "localhost");
        conf.put("taskmanager.bind-host", "localhost");
        conf.put("taskmanager.numberOfTaskSlots", "2");
        conf.put("taskmanager.memory.process.size", "2048m");
        conf.put("taskmanager.memory.managed.size", "64m");
        // Spread a job's slots over the TaskManagers, so each one runs part of it.
        conf.put("taskmanager.load-balance.mode", "SLOTS");
        conf.put("parallelism.default", "2");
        // Notice a killed TaskManager in seconds rather than the default 50.
        conf.put("heartbeat.interval", "2 s");
        conf.put("heartbeat.timeout", "10 s");
        conf.put("restart-strategy.type", "fixed-delay");
        conf.put("restart-strategy.fixed-delay.attempts", "20");
        conf.put("restart-strategy.fixed-delay.delay", "2 s");
        conf.put("io.tmp.dirs", home.resolve("tmp").toString());
        conf.putAll(settings);
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("log"));
        Files.createDirectories(home.resolve("tmp"));
        StringBuilder yaml = new StringBuilder();
        conf.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        Files.writeString(home.resolve("conf/config.yaml"), yaml);
        Files.writeString(home.resolve("conf/log4j.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = File
                appender.file.name = File
                appender.file.type = File
                appender.file.fileName = ${sys:log.file}
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1} - %m%n
                logger.kafka.name = org.apache.kafka
                logger.kafka.level = WARN
                """);
        return new StandaloneFlinkCluster(
                home, classpath, Arrays.asList(jvmOpens.trim().split("\\s+")), environment, restPort, conf);
    }

    public void startJobManager() throws IOException {
        jobManager = start(
                "jobmanager",
                List.of("-Xmx512m"),
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                List.of());
    }

    /**
     * Starts a TaskManager; returns its index for {@link #killTaskManager}. Its JVM sizes and the memory
     * options it expects come from Flink's own calculation, as flink-daemon.sh gets them from BashJavaUtils.
     */
    public int startTaskManager() throws IOException {
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(Configuration.fromMap(conf));
        List<String> jvm =
                List.of(ProcessMemoryUtils.generateJvmParametersStr(spec).trim().split("\\s+"));
        List<String> dynamic = List.of(
                TaskExecutorProcessUtils.generateDynamicConfigsStr(spec).trim().split("\\s+"));
        taskManagers.add(start(
                "taskmanager-" + taskManagers.size(),
                jvm,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                dynamic));
        return taskManagers.size() - 1;
    }

    /** SIGKILL, as when a machine or a pod dies: no shutdown hooks, no goodbye to the JobManager. */
    public void killTaskManager(int index) throws InterruptedException {
        Process p = taskManagers.get(index);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    public void awaitTaskManagers(int count, Duration timeout) throws Exception {
        await(
                "" + count + " TaskManagers",
                timeout,
                () -> rest("/taskmanagers").get("taskmanagers").size() >= count);
    }

    /** Submits a jar with {@code flink run --detached}; returns the job id the client printed. */
    public String submit(Path jar, List<String> args, Duration timeout) throws Exception {
        List<String> command = java("client", List.of("-Xmx1g"));
        command.add("org.apache.flink.client.cli.CliFrontend");
        command.addAll(List.of("run", "--detached", jar.toString()));
        command.addAll(args);
        Path out = home.resolve("log/client.out");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("FLINK_CONF_DIR", home.resolve("conf").toString());
        Process client = builder.start();
        if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("flink run did not return within " + timeout + ":\n" + Files.readString(out));
        }
        String printed = Files.readString(out);
        Matcher id = JOB_ID.matcher(printed);
        if (client.exitValue() != 0 || !id.find()) {
            throw new AssertionError("flink run failed (exit " + client.exitValue() + "):\n" + printed);
        }
        return id.group(1);
    }

    public void awaitJobRunning(String jobId, Duration timeout) throws Exception {
        await("job " + jobId + " running", timeout, () -> {
            JsonNode job = rest("/jobs/" + jobId);
            for (JsonNode vertex : job.get("vertices")) {
                if (!"RUNNING".equals(vertex.get("status").asText())) {
                    return false;
                }
            }
            return "RUNNING".equals(job.get("state").asText());
        });
    }

    /** A GET on the JobManager's REST API. */
    public JsonNode rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public void cancel(String jobId) throws IOException, InterruptedException {
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/jobs/" + jobId + "?mode=cancel"))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The end of every process's log, for a failure message. */
    public String logTails(int lines) throws IOException {
        StringBuilder tails = new StringBuilder();
        try (Stream<Path> logs = Files.list(home.resolve("log"))) {
            for (Path log : logs.sorted().toList()) {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                tails.append("==> ").append(log).append('\n');
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(l -> tails.append(l).append('\n'));
            }
        }
        return tails.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : taskManagers) {
            p.destroyForcibly();
        }
        if (jobManager != null) {
            jobManager.destroyForcibly();
        }
        for (Process p : taskManagers) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (jobManager != null) {
            jobManager.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(String name, List<String> jvm, String mainClass, List<String> dynamicConfig)
            throws IOException {
        List<String> command = java(name, jvm);
        command.addAll(List.of(mainClass, "--configDir", home.resolve("conf").toString()));
        command.addAll(dynamicConfig);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("log/" + name + ".out").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private List<String> java(String name, List<String> jvm) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(jvmOpens);
        command.add("-Dlog.file=" + home.resolve("log/" + name + ".log"));
        command.add("-Dlog4j.configurationFile="
                + home.resolve("conf/log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + what + " within " + timeout, last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

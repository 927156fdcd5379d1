package io.hookline.cli;

import io.hookline.ingest.kafka.KafkaCheck;
import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.ingest.sync.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./hookline submit}: publishes a match to Kafka for a running live job. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes a match to Kafka for a live job to turn into clips: its descriptor (--match), then"
                    + " its events from a feed file (--events), or either alone.",
            "Each goes out as an Avro record keyed by its match id; a MATCH_END closes each match"
                    + " unless the feed has one or --open is given."
        })
final class SubmitCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, description = "Kafka to publish to (host:port[,host:port...]).")
    String bootstrap;

    @Option(
            names = "--topic",
            defaultValue = "hookline.events",
            description = "The live job's events topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--match",
            paramLabel = "FILE",
            description =
                    "The match's descriptor (YAML: matchId, and optionally title, homeTeam, awayTeam, video), sent"
                            + " first.")
    Path match;

    @Option(names = "--events", description = "Event feed: Avro file of MatchEvent records, or JSON Lines.")
    Path events;

    @Option(
            names = "--open",
            description = "Leave the match open: send no MATCH_END, more events follow in a later submit.")
    boolean open;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description = "A Kafka producer property, e.g. security.protocol=SSL; repeat for more.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(
            names = "--timeout",
            defaultValue = "30",
            description = "Seconds to wait for Kafka to answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (match == null && events == null) {
            System.err.println("error: nothing to submit: give --match, --events or both");
            return ExitCodes.USAGE;
        }
        if (events != null && (!Files.isRegularFile(events) || !Files.isReadable(events))) {
            System.err.println("error: event feed not found or not readable: " + events);
            return ExitCodes.USAGE;
        }
        MatchDescriptor descriptor = null;
        if (match != null) {
            try {
                descriptor = MatchDescriptor.load(match);
            } catch (SyncException | IOException e) {
                System.err.println(
                        "error: match descriptor " + (e instanceof SyncException ? "" : match + ": ") + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Properties props = new Properties();
        props.putAll(kafkaProperties);
        try {
            KafkaCheck.requireTopics(bootstrap, props, timeout, topic);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        MatchPublisher.Result result;
        try (MatchPublisher publisher = new MatchPublisher(bootstrap, props, timeout)) {
            result = publisher.publish(descriptor, events, topic, open);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "; nothing was sent");
            return ExitCodes.USAGE;
        }
        if (descriptor != null) {
            System.out.printf("Published the descriptor of match %s to %s.%n", descriptor.matchId(), topic);
        }
        result.eventsByMatch()
                .forEach((match, count) -> System.out.printf(
                        "Published %d events of match %s to %s%s.%n",
                        count,
                        match,
                        topic,
                        result.endedMatches().contains(match) ? ", ended with MATCH_END" : ", left open"));
        if (events != null && result.eventsByMatch().isEmpty()) {
            System.out.println("The feed held no events to publish.");
        }
        if (!result.skipped().isEmpty()) {
            System.err.println("Skipped " + result.skipped().size() + " records that could not be read:");
            result.skipped().forEach(s -> System.err.println("  " + s));
            return ExitCodes.PARTIAL;
        }
        return ExitCodes.OK;
    }
}

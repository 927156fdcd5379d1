package io.hookline.cli;

import io.hookline.ingest.kafka.ClipsTopicReader;
import io.hookline.profiles.Destination;
import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.ProfileException;
import io.hookline.publish.DryRun;
import io.hookline.publish.LivePublishing;
import io.hookline.publish.MatchClips;
import io.hookline.publish.Outcome;
import io.hookline.publish.PublishRun;
import io.hookline.publish.Publishers;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.whatsapp.Recipients;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline publish OUT/<matchId>}: posts a finished match's clips to its destinations, once each. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes a match's clips to the destinations (destinations/*.yaml), best rank first, under"
                    + " each destination's quota, recording every step in the publish ledger so a re-run resumes and"
                    + " never posts a clip twice."
        },
        subcommands = {
            PublishStatusCommand.class,
            PublishApproveCommand.class,
            PublishRejectCommand.class,
            PublishResendCommand.class,
            PublishConfirmCommand.class
        },
        commandListHeading = "%nCommands:%n")
final class PublishCommand implements Callable<Integer> {
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "OUT/MATCH",
            description = "A match's output folder, local or s3://bucket/prefix/<matchId>; the renditions the"
                    + " destinations take are copied from S3 under --out's .publish/s3/ first.")
    String matchDir;

    @Option(
            names = "--destinations",
            paramLabel = "DIR",
            description = "The profiles folder whose destinations/ to use (or that destinations/ folder itself);"
                    + " default: the shipped clip-profiles.")
    Path destinations;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Only these destinations.")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--dry-run",
            description = "Print what would be posted, in order, with the quota decisions;"
                    + " write nothing and call no platform.")
    boolean dryRun;

    @Option(
            names = "--api-url",
            paramLabel = "PLATFORM=URL",
            split = ",",
            description = "Where a platform's API"
                    + " is, such as an emulator's address: youtube, instagram (the Graph root with its version), tiktok, x,"
                    + " telegram, telegram-local (a self-hosted Bot API server, for localBotApi destinations) or whatsapp"
                    + " (with its version, e.g. https://graph.facebook.com/v21.0); the default is each platform's own.")
    Map<String, URI> apiUrls = new LinkedHashMap<>();

    @Option(
            names = "--media-url",
            paramLabel = "URL",
            description = "Where Instagram can fetch the clips: the output folder served over HTTPS, so"
                    + " URL/<matchId>/clips/... is a clip. Default: the publisher uploads each file itself.")
    URI mediaUrl;

    @Option(
            names = "--x-segment-kb",
            paramLabel = "KB",
            defaultValue = "4096",
            description = "The size of X's upload segments, at most 5120 (default: ${DEFAULT-VALUE}).")
    int xSegmentKb;

    @Option(
            names = "--whatsapp-recipients",
            paramLabel = "FILE",
            description = "The numbers that opted in to" + " WhatsApp alerts, one a line in international form.")
    Path whatsappRecipients;

    @Option(
            names = "--whatsapp-template",
            paramLabel = "NAME",
            defaultValue = "new_clip",
            description = "The"
                    + " approved template WhatsApp alerts use: a video header and one body parameter, the clip's title"
                    + " (default: ${DEFAULT-VALUE}).")
    String whatsappTemplate;

    @Option(
            names = "--whatsapp-language",
            paramLabel = "CODE",
            defaultValue = "en",
            description = "The template's language code (default: ${DEFAULT-VALUE}).")
    String whatsappLanguage;

    @Option(
            names = "--follow",
            paramLabel = "TOPIC",
            description =
                    "Publish a live job's clips as they land on"
                            + " this clips topic (read_committed), for every match, until stopped; the clips' files are under --from.")
    String follow;

    @Option(
            names = "--from",
            paramLabel = "OUT",
            description = "Where the live job writes its output (its --out), a folder or s3://bucket/prefix, for"
                    + " --follow (default: --out).")
    String from;

    @Option(
            names = "--s3-endpoint",
            paramLabel = "URL",
            description = "Endpoint of an S3-compatible store for s3:// outputs, e.g. http://localhost:9000.")
    String s3Endpoint;

    @Option(
            names = "--s3-region",
            paramLabel = "REGION",
            description = "AWS region of the output's bucket (default: the AWS SDK's region chain).")
    String s3Region;

    @Option(
            names = "--bootstrap",
            paramLabel = "SERVERS",
            defaultValue = "localhost:9092",
            description = "The Kafka bootstrap servers of --follow (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Mixin
    PublishLedgers ledgers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (follow != null) {
            if (matchDir != null || dryRun) {
                throw new IllegalArgumentException(
                        "--follow publishes a live topic: give no match folder and no" + " --dry-run with it");
            }
            return follow(out);
        }
        if (matchDir == null) {
            spec.commandLine().usage(out);
            return ExitCodes.USAGE;
        }
        DestinationSet set = loadDestinations();
        List<Destination> chosen = chosen(set);
        MatchClips match = copies(out).match(matchDir, renditions(chosen));
        Publishers publishers = new PlatformPublishers(
                        apiUrls, mediaUrl, xSegmentKb * 1024, recipients(), whatsappTemplate, whatsappLanguage)
                .of(set);
        // A local match folder's ledger is beside it, in OUT; an S3 output's is in the local --out.
        Path outDir = S3Location.isS3(matchDir)
                ? ledgers.out.toAbsolutePath().normalize()
                : Path.of(matchDir).toAbsolutePath().normalize().getParent();
        List<Outcome> outcomes;
        if (dryRun) {
            Optional<PublishLedger> ledger = ledgers.openIfPresent(outDir);
            try {
                outcomes = DryRun.of(match, chosen, ledger, publishers, Clock.systemUTC());
            } finally {
                ledger.ifPresent(PublishLedger::close);
            }
            out.println("Dry run for " + match.matchId() + ": nothing is posted or recorded.");
            outcomes.forEach(out::println);
        } else {
            try (PublishLedger ledger = ledgers.open(outDir)) {
                outcomes = run(ledger, publishers, LEASE, out).publish(match, chosen);
            }
        }
        out.printf(
                "%d record(s): %s%n",
                outcomes.size(),
                PublishStatusCommand.counts(
                        outcomes.stream().map(o -> o.result().name()).toList()));
        return outcomes.stream().anyMatch(Outcome::troubled) ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** A run that prints each outcome as it comes; a record is leased for {@code lease} while it is worked on. */
    private PublishRun run(PublishLedger ledger, Publishers publishers, Duration lease, PrintWriter out) {
        return new PublishRun(
                ledger,
                publishers,
                DestinationSecrets.ofThisProcess(),
                Clock.systemUTC(),
                Sleeper.REAL,
                Backoff.standard(),
                owner(),
                lease,
                outcome -> {
                    out.println(outcome);
                    out.flush();
                });
    }

    private OutputCopies copies(PrintWriter out) {
        S3Settings s3 = S3Settings.defaults();
        s3 = s3Endpoint == null ? s3 : s3.withEndpoint(s3Endpoint);
        s3 = s3Region == null ? s3 : s3.withRegion(s3Region);
        return new OutputCopies(
                s3, ledgers.out.toAbsolutePath().resolve(".publish").resolve("s3"), out);
    }

    private static Set<String> renditions(List<Destination> chosen) {
        return chosen.stream().map(Destination::rendition).collect(Collectors.toSet());
    }

    /** Publishes the clips topic's clips until the process is stopped (SIGTERM, Ctrl-C). */
    private int follow(PrintWriter out) throws Exception {
        DestinationSet set = loadDestinations();
        List<Destination> chosen = chosen(set);
        Publishers publishers = new PlatformPublishers(
                        apiUrls, mediaUrl, xSegmentKb * 1024, recipients(), whatsappTemplate, whatsappLanguage)
                .of(set);
        Path outDir = ledgers.out.toAbsolutePath().normalize();
        Duration lease = LEASE;
        // SIGTERM: the hook stops the reader and waits until the clips in hand are done and the ledger is closed.
        // It waits on this latch, not on the main thread, which then blocks in System.exit while hooks run.
        CountDownLatch closed = new CountDownLatch(1);
        try (PublishLedger ledger = ledgers.open(outDir);
                ClipsTopicReader reader = new ClipsTopicReader(bootstrap, follow, Duration.ofMinutes(1), message -> {
                    out.println(message);
                    out.flush();
                })) {
            PublishRun run = run(ledger, publishers, lease, out);
            OutputCopies copies = copies(out);
            String jobOut = from != null ? from : outDir.toString();
            Set<String> renditions = renditions(chosen);
            FollowClips following = new FollowClips(
                    reader,
                    new LivePublishing(ledger, run, chosen, owner(), lease),
                    clip -> copies.landed(clip, jobOut, renditions));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                following.stop();
                                try {
                                    closed.await(2, TimeUnit.MINUTES);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "publish-follow-stop"));
            out.println("Following " + follow + " on " + bootstrap + " for " + chosen.size()
                    + " destination(s); the ledger is " + ledger + ".");
            out.flush();
            following.run();
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }

    private DestinationSet loadDestinations() throws ProfileException {
        if (destinations == null) {
            return ProfileSource.of(null).loadWithDestinations();
        }
        Path dir = destinations;
        if (dir.getFileName() != null
                && dir.getFileName().toString().equals("destinations")
                && dir.toAbsolutePath().getParent() != null) {
            dir = dir.toAbsolutePath().getParent();
        }
        if (!Files.isDirectory(dir.resolve("destinations"))) {
            throw new IllegalArgumentException("--destinations " + destinations + ": no destinations/ folder there");
        }
        return ProfileSource.of(dir).loadWithDestinations();
    }

    private List<Destination> chosen(DestinationSet set) {
        if (only.isEmpty()) {
            return set.destinations();
        }
        List<Destination> chosen = new ArrayList<>();
        for (String name : only) {
            try {
                chosen.add(set.destination(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--only: " + e.getMessage());
            }
        }
        return chosen;
    }

    private Recipients recipients() throws IOException {
        if (whatsappRecipients == null) {
            return Recipients.none();
        }
        if (!Files.isRegularFile(whatsappRecipients)) {
            throw new IllegalArgumentException("--whatsapp-recipients " + whatsappRecipients + ": no such file");
        }
        return Recipients.read(whatsappRecipients);
    }

    /**
     * The lease owner. An H2 ledger file is open in one process at a time, so a run on this machine takes over
     * the leases a killed run left at once; on a shared server ledger each run is its own owner.
     */
    private String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return ledgers.url == null || ledgers.url.startsWith("jdbc:h2:")
                ? "publish@" + host
                : "publish@" + host + ":" + ProcessHandle.current().pid();
    }
}

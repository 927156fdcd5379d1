package io.hookline.console;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.kafka.MatchPublisher;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.ingest.sync.SyncException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Submit: a feed and a descriptor (which names the video) are uploaded, checked, and either published to Kafka
 * for the live job, as {@code ./hookline submit} does, or run as a finished match with {@code ./hookline run},
 * one run at a time in the background.
 */
final class SubmitRoutes implements AutoCloseable {
    private final ConsoleSettings settings;
    private final ProfileCatalog profiles;
    private final List<SubmitPage.Entry> entries = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-run");
        t.setDaemon(true);
        return t;
    });

    SubmitRoutes(ConsoleSettings settings, ProfileCatalog profiles) {
        this.settings = settings;
        this.profiles = profiles;
    }

    void page(Context ctx) {
        List<SubmitPage.Entry> shown;
        synchronized (entries) {
            shown = List.copyOf(entries);
        }
        ctx.html(SubmitPage.render(Guard.session(ctx), settings.bootstrap() != null, settings.topic(), shown));
    }

    void submit(Context ctx) throws IOException {
        UploadedFile feed = ctx.uploadedFile("feed");
        UploadedFile descriptorFile = ctx.uploadedFile("descriptor");
        if (feed == null || descriptorFile == null) {
            throw new BadRequestResponse("upload both the event feed and the match descriptor");
        }
        String mode = String.valueOf(ctx.formParam("mode"));
        Path dir = Files.createDirectories(settings.work().resolve("uploads"))
                .resolve(Sessions.token().substring(0, 12));
        Files.createDirectories(dir);
        Path descriptorPath = save(descriptorFile, dir.resolve("match.yaml"));
        MatchDescriptor descriptor;
        try {
            descriptor = MatchDescriptor.load(descriptorPath);
        } catch (SyncException e) {
            throw new BadRequestResponse("match descriptor " + descriptorFile.filename() + ": " + e.getMessage());
        }
        Ids.require(descriptor.matchId(), "the descriptor's matchId");
        // The feed's format follows its name, as the CLI reads it: Avro, else JSON Lines.
        Path feedPath = save(feed, dir.resolve(feed.filename().endsWith(".avro") ? "events.avro" : "events.jsonl"));
        SubmitPage.Entry entry;
        if (mode.equals("kafka")) {
            entry = publish(descriptor, feedPath);
        } else if (mode.equals("run")) {
            entry = run(descriptor, feedPath);
        } else {
            throw new BadRequestResponse("mode must be kafka or run");
        }
        entries.add(0, entry);
        ctx.redirect("/submit", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private SubmitPage.Entry publish(MatchDescriptor descriptor, Path feed) {
        if (settings.bootstrap() == null) {
            throw new BadRequestResponse("this console has no Kafka (start it with --bootstrap) to publish to");
        }
        try (MatchPublisher publisher =
                new MatchPublisher(settings.bootstrap(), new Properties(), Duration.ofSeconds(30))) {
            MatchPublisher.Result result = publisher.publish(descriptor, feed, settings.topic(), false);
            int events = result.eventsByMatch().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            String skipped = result.skipped().isEmpty()
                    ? ""
                    : "; skipped " + result.skipped().size() + " unreadable records: "
                            + String.join(
                                    "; ",
                                    result.skipped()
                                            .subList(
                                                    0,
                                                    Math.min(3, result.skipped().size())));
            return new SubmitPage.Entry(
                    Instant.now(),
                    descriptor.matchId(),
                    "kafka",
                    "published the descriptor and " + events + " events to " + settings.topic() + skipped);
        } catch (IOException | RuntimeException e) {
            return new SubmitPage.Entry(
                    Instant.now(), descriptor.matchId(), "kafka", "not published: " + e.getMessage());
        }
    }

    private SubmitPage.Entry run(MatchDescriptor descriptor, Path feed) {
        if (descriptor.video() == null) {
            throw new BadRequestResponse("to run a finished match, its descriptor must name its video (video:)");
        }
        SubmitPage.Entry entry = new SubmitPage.Entry(Instant.now(), descriptor.matchId(), "run", "queued");
        Path events = withDescriptor(descriptor, feed);
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--events",
                events.toString(),
                "--video",
                descriptor.video(),
                "--out",
                settings.output().describe()));
        Path profileDir = profiles.current().dir();
        if (profileDir != null) {
            args.addAll(List.of("--profiles", profileDir.toString()));
        }
        runner.submit(() -> {
            entry.state("running");
            StringWriter out = new StringWriter();
            int code = settings.commands().run(new PrintWriter(out, true), args.toArray(String[]::new));
            String[] lines = out.toString().strip().split("\n");
            entry.state((code == 0 ? "done" : "exit code " + code) + ": " + lines[lines.length - 1]);
        });
        return entry;
    }

    /**
     * A JSON Lines feed with the descriptor's event first, so the run names the match and its teams as a live
     * job would; an Avro feed is run as it came.
     */
    private static Path withDescriptor(MatchDescriptor descriptor, Path feed) {
        if (!feed.getFileName().toString().endsWith(".jsonl")) {
            return feed;
        }
        try {
            Path joined = feed.resolveSibling("events-with-descriptor.jsonl");
            Files.writeString(joined, MatchEventJson.write(descriptor.event()) + "\n", StandardCharsets.UTF_8);
            Files.write(joined, Files.readAllBytes(feed), StandardOpenOption.APPEND);
            return joined;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed to run: " + e.getMessage(), e);
        }
    }

    private static Path save(UploadedFile file, Path to) throws IOException {
        try (InputStream in = file.content()) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}

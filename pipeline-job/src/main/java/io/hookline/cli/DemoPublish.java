package io.hookline.cli;

import io.hookline.profiles.Destination;
import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Platform;
import io.hookline.publish.MatchClips;
import io.hookline.publish.Outcome;
import io.hookline.publish.PublishRun;
import io.hookline.publish.Publishers;
import io.hookline.publish.Secrets;
import io.hookline.publish.emulator.EmulatorServer;
import io.hookline.publish.emulator.PlatformEmulators;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.whatsapp.Recipients;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./hookline demo --publish}: the demo match's clips published to the shipped destinations, every
 * platform pointed at its emulator in this process. The credentials are files this class writes with the
 * emulators' own token, never real ones; the ledger is the demo's own and starts empty each time, as the
 * emulators do. Approval and spacing are off: nobody is there to approve, and nobody should wait minutes.
 */
final class DemoPublish {
    static final String DIR = "demo-publish";
    private static final int X_SEGMENT_BYTES = 4 << 20;

    private final PrintWriter out;

    DemoPublish(PrintWriter out) {
        this.out = out;
    }

    /** Publishes the match in {@code matchDir}; returns the exit code. */
    int run(Path matchDir, DestinationSet shipped) throws IOException, InterruptedException {
        Path work = matchDir.toAbsolutePath().getParent().resolve(DIR);
        MatchClips match = MatchClips.read(matchDir);
        List<Destination> destinations = new ArrayList<>();
        for (Destination destination : shipped.destinations()) {
            destinations.add(towardEmulator(destination, credentials(work, destination)));
        }
        clear(work.resolve("ledger"));
        try (PlatformEmulators emulators = PlatformEmulators.start(Clock.systemUTC());
                PublishLedger ledger = JdbcPublishLedger.open(
                        LedgerDatabase.h2File(work.resolve("ledger").resolve("ledger")), Clock.systemUTC())) {
            out.println("Publishing " + match.matchId() + " to " + destinations.size()
                    + " shipped destinations, each pointed at its emulator:");
            emulators.baseUrls().forEach((platform, url) -> out.printf("  %-10s %s%n", platform, url));
            Publishers publishers = new PlatformPublishers(
                            apiUrls(emulators),
                            null,
                            X_SEGMENT_BYTES,
                            new Recipients(List.of(PlatformEmulators.WHATSAPP_OPTED_IN)),
                            PlatformEmulators.WHATSAPP_TEMPLATE,
                            "en")
                    .of(shipped);
            PublishRun publish = new PublishRun(
                    ledger,
                    publishers,
                    new Secrets(Map.of()),
                    Clock.systemUTC(),
                    Sleeper.REAL,
                    Backoff.standard(),
                    "demo-publish",
                    Duration.ofMinutes(10),
                    o -> print(o, ledger));
            List<Outcome> outcomes = publish.publish(match, destinations);
            report(outcomes, emulators);
            return outcomes.stream().anyMatch(Outcome::troubled) ? ExitCodes.PARTIAL : ExitCodes.OK;
        }
    }

    /** Each record as it is done: a post with its URL, its id where the platform gives no URL, or why not. */
    private void print(Outcome o, PublishLedger ledger) {
        String detail = o.detail();
        if (o.result() == Outcome.Result.POSTED && detail.isEmpty()) {
            detail = "no address; post id "
                    + ledger.get(o.key()).map(r -> r.postId()).orElse("?");
        }
        out.printf("  %-20s #%-3d %-8s %s%n", o.key().destination(), o.rank(), o.result(), detail);
        out.flush();
    }

    private void report(List<Outcome> outcomes, PlatformEmulators emulators) {
        out.printf(
                "%d record(s): %s%n",
                outcomes.size(),
                PublishStatusCommand.counts(
                        outcomes.stream().map(o -> o.result().name()).toList()));
        StringBuilder counts = new StringBuilder("Emulators hold:");
        for (EmulatorServer server : emulators.servers()) {
            counts.append(' ')
                    .append(server.platform())
                    .append(' ')
                    .append(server.posts().size())
                    .append(',');
        }
        out.println(counts.substring(0, counts.length() - 1) + " post(s)");
    }

    /** Graph platforms take their version in the base URL, as the real ones do. */
    static Map<String, URI> apiUrls(PlatformEmulators emulators) {
        Map<String, URI> urls = new LinkedHashMap<>();
        emulators.baseUrls().forEach((platform, url) -> {
            if (PlatformPublishers.DEFAULT_BASES.containsKey(platform)) {
                boolean graph = platform.equals("instagram") || platform.equals("whatsapp");
                urls.put(platform, graph ? URI.create(url + "/v21.0") : url);
            }
        });
        return urls;
    }

    /** The shipped destination, with the demo's credentials, an account its emulator knows, no approval or wait. */
    static Destination towardEmulator(Destination d, Path credentials) {
        String account = d.platform() == Platform.TELEGRAM ? PlatformEmulators.TELEGRAM_CHAT : d.account();
        return new Destination(
                d.name(),
                d.file(),
                d.platform(),
                account,
                new Destination.Credentials(Destination.Credentials.Source.FILE, credentials.toString()),
                d.rendition(),
                d.title(),
                d.caption(),
                d.hashtags(),
                d.link(),
                d.takes(),
                new Destination.Quota(d.quota().postsPer24h(), 0),
                d.privacy(),
                false,
                false,
                d.shorts());
    }

    private static Path credentials(Path work, Destination destination) throws IOException {
        Path file = work.resolve("credentials").resolve(destination.name() + ".token");
        Files.createDirectories(file.getParent());
        String secret =
                destination.platform() == Platform.WEBHOOK ? PlatformEmulators.WEBHOOK_SECRET : PlatformEmulators.TOKEN;
        return Files.writeString(file, secret + "\n").toAbsolutePath();
    }

    /** The emulators start empty, so the ledger does too: an old one would name posts they never held. */
    private static void clear(Path ledgerDir) throws IOException {
        if (!Files.isDirectory(ledgerDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(ledgerDir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}

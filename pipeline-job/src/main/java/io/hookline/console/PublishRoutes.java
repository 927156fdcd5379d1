package io.hookline.console;

import io.hookline.console.PublishingPage.DestinationLine;
import io.hookline.profiles.Destination;
import io.hookline.publish.ledger.JdbcPublishLedger;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.publish.ledger.LedgerException;
import io.hookline.publish.ledger.PublishKey;
import io.hookline.publish.ledger.PublishLedger;
import io.hookline.publish.ledger.PublishRecord;
import io.hookline.publish.ledger.PublishState;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The publishing page over the publish ledger, and its two actions. The ledger is opened per request, so the
 * publish CLI can use the same H2 file between two of them; a decision names the record's version as read, so
 * one made on a stale page is refused instead of overwriting a newer state.
 */
final class PublishRoutes {
    private final LedgerDatabase database;
    private final ProfileCatalog profiles;
    private final Clock clock;

    PublishRoutes(LedgerDatabase database, ProfileCatalog profiles, Clock clock) {
        this.database = database;
        this.profiles = profiles;
        this.clock = clock;
    }

    void page(Context ctx) {
        List<PublishRecord> waiting = List.of();
        List<DestinationLine> lines = new ArrayList<>();
        List<Destination> destinations = profiles.current().set() == null
                ? List.of()
                : profiles.current().set().destinations();
        if (exists()) {
            try (PublishLedger ledger = open()) {
                waiting = ledger.byState(PublishState.AWAITING_APPROVAL);
                for (Destination d : destinations) {
                    List<PublishRecord> records = ledger.byDestination(d.name());
                    Map<String, Long> counts = new TreeMap<>(records.stream()
                            .collect(
                                    Collectors.groupingBy(r -> r.state().name().toLowerCase(), Collectors.counting())));
                    String text = counts.isEmpty()
                            ? "none"
                            : counts.entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey())
                                    .collect(Collectors.joining(", "));
                    lines.add(new DestinationLine(
                            d.name(),
                            d.platform().name().toLowerCase(),
                            text,
                            ledger.posts(d.name(), Duration.ofHours(24)).count(),
                            d.quota().postsPer24h(),
                            d.approval()));
                }
            }
        } else {
            destinations.forEach(d -> lines.add(new DestinationLine(
                    d.name(),
                    d.platform().name().toLowerCase(),
                    "none",
                    0,
                    d.quota().postsPer24h(),
                    d.approval())));
        }
        ctx.html(PublishingPage.render(
                Guard.session(ctx),
                database.toString() + (exists() ? "" : " (not created yet)"),
                waiting,
                lines,
                ctx.queryParam("done")));
    }

    void approve(Context ctx) {
        decide(ctx, false);
    }

    void reject(Context ctx) {
        decide(ctx, true);
    }

    private void decide(Context ctx, boolean reject) {
        PublishKey key = new PublishKey(
                Ids.require(ctx.formParam("clip"), "clip id"),
                Ids.require(ctx.formParam("rendition"), "rendition"),
                Ids.require(ctx.formParam("destination"), "destination"));
        long version;
        try {
            version = Long.parseLong(String.valueOf(ctx.formParam("version")));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("version must be a number");
        }
        String reason = ctx.formParam("reason");
        if (reject && (reason == null || reason.isBlank())) {
            throw new BadRequestResponse("a rejection needs a reason");
        }
        String person = Guard.session(ctx).user().name();
        String done;
        try (PublishLedger ledger = open()) {
            if (reject) {
                ledger.reject(key, version, person, reason.strip());
                done = "Rejected " + key + ": " + reason.strip();
            } else {
                ledger.approve(key, version, person);
                done = "Approved " + key + "; the next publish run posts it.";
            }
        } catch (LedgerException e) {
            done = "Not changed: " + e.getMessage();
        }
        ctx.redirect(
                "/publishing?done=" + java.net.URLEncoder.encode(done, java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    private boolean exists() {
        String url = database.url();
        if (!url.startsWith("jdbc:h2:file:")) {
            return true;
        }
        return Files.exists(Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db"));
    }

    private PublishLedger open() {
        return JdbcPublishLedger.open(database, clock);
    }
}

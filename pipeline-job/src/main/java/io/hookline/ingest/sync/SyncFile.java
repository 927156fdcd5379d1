package io.hookline.ingest.sync;

import static io.hookline.ingest.sync.YamlNodes.checkKeys;
import static io.hookline.ingest.sync.YamlNodes.mapping;
import static io.hookline.ingest.sync.YamlNodes.optional;
import static io.hookline.ingest.sync.YamlNodes.required;
import static io.hookline.ingest.sync.YamlNodes.text;

import io.hookline.ingest.sync.YamlNodes.Entry;
import io.hookline.ingest.sync.YamlNodes.Mapping;
import io.hookline.ingest.sync.YamlNodes.Node;
import io.hookline.ingest.sync.YamlNodes.Sequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sync file: which match a feed is for, how its clock runs, and where the clock is in the video. The shape
 * is documented in {@code pipeline-job/src/test/resources/sync/nba-example.yaml} and in docs/feeds.md.
 *
 * @param homeTeam the provider's name of the home team, or null to let the feed say
 */
public record SyncFile(Located<String> matchId, Located<GameClock> clock, Located<String> homeTeam, ClockSync sync) {
    private static final Set<String> KEYS = Set.of(
            "matchId", "clock", "periodLength", "overtimeLength", "regularPeriods", "homeTeam", "periods", "sync");
    private static final Set<String> COUNTDOWN_KEYS = Set.of("periodLength", "overtimeLength", "regularPeriods");
    private static final Set<String> POINT_KEYS = Set.of("period", "clock", "video");
    private static final int DEFAULT_REGULAR_PERIODS = 4;
    /** A video time written as a wall-clock date and time rather than a time into the video. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

    public static SyncFile load(Path file) throws SyncException, IOException {
        return load(file, null);
    }

    /** @param wallClock places video times given as dates and times; null when there is no video to ask */
    public static SyncFile load(Path file, WallClock wallClock) throws SyncException, IOException {
        return read(file.toString(), Files.readAllBytes(file), wallClock);
    }

    /** Reads a sync file's text; {@code file} is how messages name it. */
    public static SyncFile read(String file, byte[] yaml) throws SyncException {
        return read(file, yaml, null);
    }

    /**
     * Reads a sync file's text; {@code file} is how messages name it.
     *
     * @param wallClock places video times given as dates and times ({@code 2026-12-06T20:00:30Z}) on the video;
     *     null when there is no video to ask, which makes such a time an error
     */
    public static SyncFile read(String file, byte[] yaml, WallClock wallClock) throws SyncException {
        Node top = YamlNodes.parse(file, yaml);
        if (!(top instanceof Mapping root)) {
            throw new SyncException(
                    top.where(),
                    "expected keys and values (matchId: ..., clock: ...), got "
                            + (top instanceof Sequence ? "a list" : "a single value"));
        }
        checkKeys(root, KEYS);
        Located<String> matchId = text(required(root, "matchId"), "matchId");
        Located<GameClock> clock = clock(root);
        Node home = optional(root, "homeTeam");
        Located<String> homeTeam = home == null ? null : text(home, "homeTeam");

        List<SyncPoint> points = new ArrayList<>();
        Node periods = optional(root, "periods");
        if (periods != null) {
            for (Entry e : mapping(periods, "periods").entries()) {
                int period = positive(e.key(), "periods: period");
                points.add(new SyncPoint(
                        period,
                        clock.value().startReading(period),
                        videoTime(e.value(), "periods: video time", wallClock),
                        e.value().where()));
            }
        }
        Node sync = optional(root, "sync");
        if (sync != null) {
            if (!(sync instanceof Sequence list)) {
                throw new SyncException(sync.where(), "sync: expected a list of {period, clock, video}");
            }
            for (Node item : list.items()) {
                Mapping point = mapping(item, "sync point");
                checkKeys(point, POINT_KEYS);
                points.add(new SyncPoint(
                        positive(required(point, "period"), "period"),
                        time(required(point, "clock"), "clock"),
                        videoTime(required(point, "video"), "video", wallClock),
                        item.where()));
            }
        }
        if (points.isEmpty()) {
            throw new SyncException(
                    root.where(),
                    "nothing places the clock on the video: give periods (each period's" + " start) or sync points");
        }
        return new SyncFile(matchId, clock, homeTeam, ClockSync.of(clock.value(), points));
    }

    private static Located<GameClock> clock(Mapping root) throws SyncException {
        Located<String> node = text(required(root, "clock"), "clock");
        ClockKind kind = ClockKind.parse(node.value())
                .orElseThrow(() -> new SyncException(
                        node.where(),
                        "clock must be countdown (time remaining, stops: basketball) or running (time since the period"
                                + " started: soccer), got '" + node.value() + "'"));
        if (kind == ClockKind.RUNNING) {
            for (Entry e : root.entries()) {
                if (COUNTDOWN_KEYS.contains(e.key().text())) {
                    throw new SyncException(e.key().where(), e.key().text() + " is only for countdown clocks");
                }
            }
            return new Located<>(GameClock.running(), node.where());
        }
        long period = time(required(root, "periodLength"), "periodLength");
        Node overtime = optional(root, "overtimeLength");
        Node regular = optional(root, "regularPeriods");
        return new Located<>(
                GameClock.countdown(
                        period,
                        overtime == null ? period : time(overtime, "overtimeLength"),
                        regular == null ? DEFAULT_REGULAR_PERIODS : positive(regular, "regularPeriods")),
                node.where());
    }

    private static long time(Node node, String key) throws SyncException {
        Located<String> t = text(node, key);
        try {
            return ClockText.parseMs(t.value());
        } catch (IllegalArgumentException e) {
            throw new SyncException(t.where(), key + ": " + e.getMessage());
        }
    }

    /** A video time, or a wall-clock date and time placed on the video through {@code wallClock}. */
    private static long videoTime(Node node, String key, WallClock wallClock) throws SyncException {
        Located<String> t = text(node, key);
        if (!DATE.matcher(t.value()).lookingAt()) {
            return time(node, key);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(t.value()).toInstant();
        } catch (DateTimeParseException e) {
            throw new SyncException(
                    t.where(),
                    key + ": '" + t.value() + "' is not a date and time with its zone" + " (2026-12-06T20:00:30Z)");
        }
        if (wallClock == null) {
            throw new SyncException(
                    t.where(),
                    key + ": " + t.value() + " is a wall-clock time: give the match's video,"
                            + " an HLS playlist with EXT-X-PROGRAM-DATE-TIME, to place it (import --video)");
        }
        return wallClock
                .videoMsAt(instant)
                .orElseThrow(() -> new SyncException(
                        t.where(),
                        key + ": no video was"
                                + " recorded at " + t.value()
                                + " (the playlist's EXT-X-PROGRAM-DATE-TIME tags place none of its"
                                + " segments then)"));
    }

    private static int positive(Node node, String key) throws SyncException {
        Located<String> t = text(node, key);
        if (t.value().matches("\\d{1,9}") && Integer.parseInt(t.value()) >= 1) {
            return Integer.parseInt(t.value());
        }
        throw new SyncException(t.where(), key + ": expected a whole number from 1, got '" + t.value() + "'");
    }
}

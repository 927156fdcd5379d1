package io.hookline.ingest.sync;

import static io.hookline.ingest.sync.YamlNodes.checkKeys;
import static io.hookline.ingest.sync.YamlNodes.optional;
import static io.hookline.ingest.sync.YamlNodes.required;
import static io.hookline.ingest.sync.YamlNodes.text;

import io.hookline.ingest.sync.YamlNodes.Mapping;
import io.hookline.ingest.sync.YamlNodes.Node;
import io.hookline.model.MatchEvent;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What ops tell a live job about a match before its events: which match it is, and its teams' names and title
 * for the graphics. It travels to the job as a {@code MATCH_START} event at the start of the video, ahead of
 * the match's events; the job names each side's events after it (the score bug, lower thirds and per-team
 * compilations then read "Riverside 2 - 1 Harbour" rather than "2 - 1").
 *
 * <pre>
 * matchId: derby-2026-11-29
 * title: Riverside v Harbour, matchday 14
 * homeTeam: Riverside
 * awayTeam: Harbour
 * video: s3://media/derby-2026-11-29/live.m3u8
 * </pre>
 *
 * A live job serves many matches at once, so each match names its own video; without one, the job's video is
 * used.
 *
 * @param title null when not given
 * @param homeTeam null when not given
 * @param awayTeam null when not given
 * @param video the match's video (a path, URL, s3:// object or HLS playlist); null when not given
 */
public record MatchDescriptor(String matchId, String title, String homeTeam, String awayTeam, String video) {
    /** The event id of the descriptor's event: a match has one descriptor, a later one replaces it. */
    public static final String EVENT_ID = "match-start";
    /** The attribute an event carries its team's name in, as importers write it. */
    public static final String TEAM_NAME = "teamName";
    /** The attribute the descriptor's event carries the match's video in. */
    public static final String VIDEO = "video";

    private static final Set<String> KEYS = Set.of("matchId", "title", "homeTeam", "awayTeam", VIDEO);

    /** A descriptor without a video of its own. */
    public MatchDescriptor(String matchId, String title, String homeTeam, String awayTeam) {
        this(matchId, title, homeTeam, awayTeam, null);
    }

    public static MatchDescriptor load(Path file) throws SyncException, IOException {
        return read(file.toString(), Files.readAllBytes(file));
    }

    /** Reads a descriptor (YAML, or JSON, which is YAML too); {@code file} is how messages name it. */
    public static MatchDescriptor read(String file, byte[] yaml) throws SyncException {
        Node top = YamlNodes.parse(file, yaml);
        if (!(top instanceof Mapping root)) {
            throw new SyncException(top.where(), "expected keys and values (matchId: ..., homeTeam: ...)");
        }
        checkKeys(root, KEYS);
        return new MatchDescriptor(
                text(required(root, "matchId"), "matchId").value(),
                value(root, "title"),
                value(root, "homeTeam"),
                value(root, "awayTeam"),
                value(root, VIDEO));
    }

    private static String value(Mapping root, String key) throws SyncException {
        Node node = optional(root, key);
        return node == null ? null : text(node, key).value();
    }

    /** The descriptor a {@code MATCH_START} event carries. */
    public static MatchDescriptor of(MatchEvent start) {
        Map<String, String> a = start.getAttributes();
        return new MatchDescriptor(
                start.getMatchId(), a.get("title"), a.get("homeTeam"), a.get("awayTeam"), a.get(VIDEO));
    }

    public static boolean is(MatchEvent event) {
        return EventType.MATCH_START.name().equals(event.getType());
    }

    /** The event that carries this descriptor: at the start of the video, so it comes before every play. */
    public MatchEvent event() {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "title", title);
        put(attributes, "homeTeam", homeTeam);
        put(attributes, "awayTeam", awayTeam);
        put(attributes, VIDEO, video);
        return MatchEvent.newBuilder()
                .setMatchId(matchId)
                .setEventId(EVENT_ID)
                .setType(EventType.MATCH_START.name())
                .setPeriod(1)
                .setVideoTimeMs(0L)
                .setAttributes(attributes)
                .build();
    }

    /**
     * {@code e} with its team's name from this descriptor, when it is a side's event ({@code home} or
     * {@code away}) and does not name its team already.
     */
    public MatchEvent name(MatchEvent e) {
        String name = "home".equals(e.getTeam()) ? homeTeam : "away".equals(e.getTeam()) ? awayTeam : null;
        if (name == null || e.getAttributes().containsKey(TEAM_NAME)) {
            return e;
        }
        Map<String, String> attributes = new LinkedHashMap<>(e.getAttributes());
        attributes.put(TEAM_NAME, name);
        return MatchEvent.newBuilder(e).setAttributes(attributes).build();
    }

    /** How {@code other} differs from this descriptor, e.g. {@code homeTeam "Riverside" / "Riverside FC"}; empty when alike. */
    public String differences(MatchDescriptor other) {
        List<String> out = new ArrayList<>();
        differs(out, "title", title, other.title);
        differs(out, "homeTeam", homeTeam, other.homeTeam);
        differs(out, "awayTeam", awayTeam, other.awayTeam);
        differs(out, VIDEO, video, other.video);
        return String.join(", ", out);
    }

    private static void differs(List<String> out, String key, String mine, String theirs) {
        if (!Objects.equals(mine, theirs)) {
            out.add(key + " " + quoted(mine) + " / " + quoted(theirs));
        }
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}

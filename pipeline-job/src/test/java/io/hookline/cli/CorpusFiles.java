package io.hookline.cli;

import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.model.Score;
import io.hookline.profiles.ProfileLoader;
import io.hookline.sample.SyntheticVideo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The inputs of the bad-input corpus, all made by the test: a short synthetic match video, a one-rendition
 * profile set, and a feed of good events that the cases damage (bytes cut, flipped or replaced).
 */
final class CorpusFiles {
    static final String MATCH = "m1";
    /** The play every intact feed must still turn into a clip. */
    static final String GOAL_TITLE = "Goal — Ana O'Neil (1-0)";
    /** The other play the rules make a clip of. */
    static final String SAVE_TITLE = "Save — Zoë Brandt";

    static final long VIDEO_MS = 30_000;

    private CorpusFiles() {}

    /** 320x180 at 25 fps with sound, crowd roars at the goal and the save. */
    static Path video(Path dir) throws IOException {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(new SyntheticVideo.Spec(320, 180, 25, VIDEO_MS, true, List.of(10_000L, 24_000L)), video);
        return video;
    }

    /** A picture with a video's name. */
    static Path pictureNamedMp4(Path dir) throws IOException {
        Path file = dir.resolve("pitch.mp4");
        ImageIO.write(new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    /** The shipped highlight rules, one tiny rendition that encodes fast, and a template that draws nothing. */
    static Path profiles(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.createDirectories(dir.resolve("graphics"));
        try (InputStream rules = ProfileLoader.class.getResourceAsStream("/hookline-profiles/rules/highlights.yaml")) {
            Files.copy(rules, dir.resolve("rules/highlights.yaml"));
        }
        Files.writeString(dir.resolve("profiles/tiny.yaml"), """
                renditions:
                  tiny:
                    description: the smallest landscape rendition, for tests
                    graphics: plain
                    video: {width: 320, height: 180, fps: 25, fit: crop, codec: h264, profile: main, level: "3.0",
                            gopSeconds: 1, preset: ultrafast, crf: 32, maxBitrateKbps: 500}
                    audio: {sampleRate: 48000, channels: 2, bitrateKbps: 64, loudnessLufs: -14, truePeakDbtp: -1}
                    container: {format: mp4, moovFirst: true, editLists: false}
                    safeZone: {}
                    duration: {minSeconds: 1, maxSeconds: 60}
                """);
        Files.writeString(dir.resolve("graphics/plain.yaml"), """
                templates:
                  plain:
                    caption: {enabled: false}
                """);
        return dir;
    }

    /** A match's descriptor and its events: a goal and a save of the home side make clips; a foul and a card do not. */
    static List<MatchEvent> events(String matchId) {
        List<MatchEvent> events = new ArrayList<>();
        events.add(MatchEvent.newBuilder(new MatchDescriptor(matchId, null, "Riverside", "Harbour").event())
                .build());
        events.add(event(matchId, "e01", "PERIOD_START", 1_000).build());
        events.add(event(matchId, "e02", "KEY_PASS", 8_500)
                .setPlayers(List.of("Ana O'Neil"))
                .build());
        events.add(event(matchId, "e03", "GOAL", 10_000)
                .setPlayers(List.of("Ana O'Neil"))
                .setScore(new Score(1, 0))
                .build());
        events.add(event(matchId, "e04", "FOUL", 16_000).build());
        events.add(event(matchId, "e05", "SAVE", 24_000)
                .setPlayers(List.of("Zoë Brandt"))
                .build());
        events.add(event(matchId, "e06", "CARD", 27_000)
                .setPlayers(List.of("Jack Smith"))
                .build());
        events.add(event(matchId, "e07", "PERIOD_END", 29_000).build());
        return events;
    }

    /** One goal of a match, for feeds of several matches. */
    static MatchEvent goal(String matchId) {
        return event(matchId, "g1", "GOAL", 10_000)
                .setPlayers(List.of("Ana O'Neil"))
                .setScore(new Score(1, 0))
                .build();
    }

    static MatchEvent.Builder event(String matchId, String eventId, String type, long videoMs) {
        return MatchEvent.newBuilder()
                .setMatchId(matchId)
                .setEventId(eventId)
                .setType(type)
                .setPeriod(1)
                .setTeam("home")
                .setVideoTimeMs(videoMs);
    }

    static List<String> jsonLines(List<MatchEvent> events) {
        return events.stream().map(MatchEventJson::write).toList();
    }

    static Path writeLines(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * The events as an Avro container.
     *
     * @param blockPerEvent each event in a block of its own; else, as Avro writes a small file, one block
     */
    static byte[] avro(List<MatchEvent> events, boolean blockPerEvent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataFileWriter<MatchEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(MatchEvent.class))) {
            writer.create(MatchEvent.getClassSchema(), bytes);
            for (MatchEvent e : events) {
                writer.append(e);
                if (blockPerEvent) {
                    writer.sync();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Where the first block starts: after the header's sync marker (the same 16 bytes that end the file). */
    static int firstBlock(byte[] avro) {
        byte[] sync = Arrays.copyOfRange(avro, avro.length - 16, avro.length);
        for (int i = 0; i + 16 <= avro.length; i++) {
            if (Arrays.equals(avro, i, i + 16, sync, 0, 16)) {
                return i + 16;
            }
        }
        throw new IllegalArgumentException("no sync marker");
    }

    /** The offset of the first occurrence of text in bytes. */
    static int indexOf(byte[] bytes, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + t.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found: " + text);
    }
}

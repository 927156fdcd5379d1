package io.hookline.testing;

import io.hookline.profiles.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small profile set for job tests: the shipped highlight rules, two tiny renditions that encode fast, and a
 * graphics template that draws nothing.
 */
public final class TestProfiles {

    private TestProfiles() {}

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.createDirectories(dir.resolve("graphics"));
        try (InputStream rules = ProfileLoader.class.getResourceAsStream("/hookline-profiles/rules/highlights.yaml")) {
            Files.copy(rules, dir.resolve("rules/highlights.yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("profiles/small.yaml"), """
                renditions:
                  small:
                    abstract: true
                    description: what both share
                    graphics: plain
                    container: {format: mp4, moovFirst: true, editLists: true}
                    safeZone: {}
                    duration: {minSeconds: 1, maxSeconds: 60}
                  small-landscape:
                    extends: small
                    description: a small landscape rendition, big enough for the frame code to be read back
                    video: {width: 640, height: 360, fps: 25, fit: crop, codec: h264, profile: high, level: "3.0",
                            gopSeconds: 1, preset: ultrafast, crf: 30, maxBitrateKbps: 1000}
                    audio: {sampleRate: 48000, channels: 2, bitrateKbps: 96, loudnessLufs: -14, truePeakDbtp: -1}
                  small-vertical:
                    extends: small
                    description: a small vertical rendition with a size cap, for tests
                    video: {width: 360, height: 640, fps: 25, fit: crop, codec: h264, profile: main, level: "3.0",
                            gopSeconds: 1, preset: ultrafast, crf: 30, maxBitrateKbps: 1000}
                    audio: {sampleRate: 44100, channels: 1, bitrateKbps: 96, loudnessLufs: -14, truePeakDbtp: -1}
                    sizeCapMB: 4
                """);
        Files.writeString(dir.resolve("graphics/plain.yaml"), """
                templates:
                  plain:
                    caption: {enabled: false}
                """);
        return dir;
    }

    /** Changes the set in {@code dir} (written by {@link #write}) into a new valid version: a smaller landscape frame. */
    public static void shrinkLandscape(Path dir) throws IOException {
        replace(dir, "width: 640, height: 360", "width: 480, height: 270");
    }

    /** Breaks the set in {@code dir}: the vertical rendition's width is not a number (profiles/small.yaml, line 18). */
    public static void breakVertical(Path dir) throws IOException {
        replace(dir, "width: 360, height: 640", "width: wide, height: 640");
    }

    private static void replace(Path dir, String from, String to) throws IOException {
        Path file = dir.resolve("profiles/small.yaml");
        String yaml = Files.readString(file);
        if (!yaml.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(file, yaml.replace(from, to));
    }
}

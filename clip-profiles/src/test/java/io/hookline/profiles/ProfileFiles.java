package io.hookline.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small valid profile set that tests break one line at a time. */
final class ProfileFiles {

    /** The shipped set's files, relative to the module directory. */
    static final List<String> SHIPPED = List.of(
            "rules/highlights.yaml", "profiles/messaging.yaml", "profiles/vertical.yaml", "profiles/youtube.yaml");

    static final String RULES = """
            name: test
            hookSeconds: 1.5
            playGapSeconds: 4
            maxPlaySeconds: 30
            events:
              GOAL: {clip: true, weight: 1.0, preRollSeconds: 8, postRollSeconds: 5}
              FOUL: {weight: 0.1}
            """;

    static final String PROFILE = """
            renditions:
              test:
                description: A test rendition
                video:
                  width: 1280
                  height: 720
                  fps: 25
                  fit: pad
                  codec: h264
                  profile: main
                  level: "3.1"
                  gopSeconds: 2
                  preset: veryfast
                  crf: 23
                  maxBitrateKbps: 2500
                audio:
                  sampleRate: 48000
                  channels: 2
                  bitrateKbps: 96
                duration:
                  minSeconds: 1
                  maxSeconds: 180
                sizeCapMB: 16
            """;

    private ProfileFiles() {}

    /** Writes content to dir/name, creating the folders on the way. */
    static void write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Copies the module's shipped set (surefire runs in the module directory) into dir. */
    static void copyShipped(Path dir) throws IOException {
        for (String name : SHIPPED) {
            write(dir, name, Files.readString(Path.of(name)));
        }
    }
}

package io.hookline.profiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** A small valid profile set that tests break one line at a time. */
final class ProfileFiles {

    /** The shipped set's files, relative to the module directory. */
    static final List<String> SHIPPED = shipped();

    static final String RULES_FILE = "rules/highlights.yaml";
    static final String PROFILE_FILE = "profiles/test.yaml";
    static final String GRAPHICS_FILE = "graphics/test.yaml";
    static final String LOGO_FILE = "graphics/logo.png";
    static final String DESTINATION_FILE = "destinations/test.yaml";

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
                  loudnessLufs: -14
                  truePeakDbtp: -1
                duration:
                  minSeconds: 1
                  maxSeconds: 180
                sizeCapMB: 16
                graphics: plain
                container:
                  format: mp4
                  moovFirst: true
                  editLists: false
                safeZone:
                  top: 10%
                  bottom: 72px
            """;

    static final String GRAPHICS = """
            templates:
              plain:
                scoreBug:
                  anchor: top-left
                  height: 5%
                  font: DejaVu Sans
                  textColor: "#ffffff"
                  backgroundColor: "#000000aa"
                lowerThird:
                  anchor: bottom-left
                  height: 6%
                  seconds: 3
                  text: "{ACTION} — {player}"
                  font: DejaVu Sans
                  textColor: "#ffffff"
                  backgroundColor: "#000000aa"
                branding:
                  image: graphics/logo.png
                  anchor: top-right
                  height: 5%
                  opacity: 0.8
            """;

    /** Two platforms and one destination posting the rendition above; writeValid leaves it out. */
    static final String DESTINATION = """
            platforms:
              whatsapp:
                privacy: [private]
                sizeCapMB: 16
              tiktok:
                privacy: [public, private]
                branding: false
            destinations:
              alerts:
                platform: whatsapp
                account: "100"
                credentials:
                  env: HOOKLINE_TOKEN
                rendition: test
                title: "{ACTION} — {player}"
                hashtags: [goal, "#sports"]
                takes:
                  kinds: [play]
                  minScore: 0.5
                quota:
                  postsPer24h: 5
                  spacingSeconds: 60
                privacy: private
                approval: true
            """;

    private ProfileFiles() {}

    /** Writes content to dir/name, creating the folders on the way. */
    static void write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Writes the small valid set: rules, one rendition, one template and its logo. */
    static void writeValid(Path dir) throws IOException {
        write(dir, RULES_FILE, RULES);
        write(dir, PROFILE_FILE, PROFILE);
        write(dir, GRAPHICS_FILE, GRAPHICS);
        writeLogo(dir, LOGO_FILE);
    }

    /** A 4x2 PNG, to stand in for a logo. */
    static void writeLogo(Path dir, String name) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.write(dir.resolve(name), png());
    }

    static byte[] png() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Copies the module's shipped set (surefire runs in the module directory) into dir. */
    static void copyShipped(Path dir) throws IOException {
        for (String name : SHIPPED) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.copy(Path.of(name), dir.resolve(name));
        }
    }

    private static List<String> shipped() {
        try (Stream<Path> files =
                Stream.of("rules", "profiles", "graphics", "destinations").flatMap(ProfileFiles::list)) {
            return files.map(path -> path.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static Stream<Path> list(String folder) {
        try {
            return Files.list(Path.of(folder)).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

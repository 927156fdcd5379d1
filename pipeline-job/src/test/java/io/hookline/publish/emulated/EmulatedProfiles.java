package io.hookline.publish.emulated;

import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the shipped clip profiles (so the platforms' limits are the shipped ones) with one more file,
 * destinations/emulated.yaml, whose destinations post to the emulators with the test's credentials.
 */
public final class EmulatedProfiles {
    public static final String TOKEN_ENV = "HOOKLINE_TEST_PLATFORM_TOKEN";
    public static final String X = "x-emulated";
    public static final String TELEGRAM = "telegram-emulated";
    /** The same chat through a self-hosted Bot API server. */
    public static final String TELEGRAM_LOCAL = "telegram-local-emulated";

    public static final String WHATSAPP = "whatsapp-emulated";
    public static final String X_ACCOUNT = "hookline_emulator";
    public static final String TELEGRAM_CHAT = "@hookline_clips";
    public static final String WHATSAPP_PHONE_ID = "100000000000001";

    private EmulatedProfiles() {}

    /** The profiles folder, written into {@code into}. */
    public static Path write(Path into) throws IOException {
        copyShipped(into, List.of("profiles", "rules", "graphics", "schema", "destinations"));
        Files.writeString(
                into.resolve("destinations/emulated.yaml"),
                String.join(
                        "\n",
                        "destinations:",
                        destination(X, "x", X_ACCOUNT, "x", "public", ""),
                        destination(
                                TELEGRAM,
                                "telegram",
                                "\"" + TELEGRAM_CHAT + "\"",
                                "telegram",
                                "public",
                                "    caption: \"Score {score}\""),
                        destination(
                                TELEGRAM_LOCAL,
                                "telegram",
                                "\"" + TELEGRAM_CHAT + "\"",
                                "telegram",
                                "public",
                                "    caption: \"Score {score}\"\n    localBotApi: true"),
                        destination(WHATSAPP, "whatsapp", "\"" + WHATSAPP_PHONE_ID + "\"", "whatsapp", "private", ""),
                        ""));
        return into;
    }

    /**
     * A copy of the shipped profiles whose only destinations are {@code destinationsYaml} (the lines under
     * {@code destinations:}), with a {@code tiktok-clean} rendition: TikTok's without branding or outro card.
     */
    public static Path withOnly(Path into, String destinationsYaml) throws IOException {
        copyShipped(into, List.of("profiles", "rules", "graphics", "schema"));
        Files.writeString(
                into.resolve("graphics/clean.yaml"),
                String.join(
                        "\n",
                        "templates:",
                        "  clean:",
                        "    extends: vertical",
                        "    branding:",
                        "      enabled: false",
                        "    outro:",
                        "      enabled: false",
                        ""));
        Files.writeString(
                into.resolve("profiles/tiktok-clean.yaml"),
                String.join(
                        "\n",
                        "renditions:",
                        "  tiktok-clean:",
                        "    extends: tiktok",
                        "    description: TikTok without branding",
                        "    graphics: clean",
                        ""));
        Files.createDirectories(into.resolve("destinations"));
        Files.writeString(into.resolve("destinations/test.yaml"), "destinations:\n" + destinationsYaml);
        return into;
    }

    public static DestinationSet load(Path profiles) throws ProfileException {
        return ProfileLoader.loadDestinations(profiles);
    }

    private static String destination(
            String name, String platform, String account, String rendition, String privacy, String extra) {
        return String.join(
                        "\n",
                        "  " + name + ":",
                        "    platform: " + platform,
                        "    account: " + account,
                        "    credentials:",
                        "      env: " + TOKEN_ENV,
                        "    rendition: " + rendition,
                        "    title: \"{ACTION} — {player}\"",
                        extra,
                        "    hashtags: [goal]",
                        "    takes:",
                        "      kinds: [play]",
                        "    quota:",
                        "      postsPer24h: 100",
                        "      spacingSeconds: 0",
                        "    privacy: " + privacy,
                        "    approval: false")
                .replace("\n\n", "\n");
    }

    private static void copyShipped(Path into, List<String> dirs) throws IOException {
        Path shipped = Path.of("../clip-profiles").toAbsolutePath().normalize();
        for (String dir : dirs) {
            copyTree(shipped.resolve(dir), into.resolve(dir));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}

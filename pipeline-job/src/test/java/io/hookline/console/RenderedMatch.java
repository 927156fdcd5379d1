package io.hookline.console;

import io.hookline.cli.Main;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.TestProfiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A match rendered for real by {@code ./hookline run}: synthesized video with loud bursts, a small feed with
 * players of both teams and one bad line, the job tests' two small renditions, and a webhook destination that
 * needs approval.
 */
final class RenderedMatch {
    static final String MATCH = "console-match";
    static final String DESTINATION = "club-site";

    private RenderedMatch() {}

    /** Renders into {@code dir}/out; returns the profiles directory, the output beside it. */
    static Path render(Path dir) throws Exception {
        Path video = dir.resolve("match.mp4");
        SyntheticVideo.write(
                new SyntheticVideo.Spec(640, 360, 25, 40_000, true, List.of(10_000L, 24_000L, 31_000L)), video);
        Path profiles = profiles(dir.resolve("profiles"));
        Path events = dir.resolve("events.jsonl");
        Files.write(
                events,
                List.of(
                        event("e01", "PERIOD_START", 1_000, "home", ""),
                        event(
                                "e02",
                                "GOAL",
                                10_000,
                                "home",
                                ",\"players\":[\"Ana O'Neil\"],\"score\":{\"home\":1,\"away\":0}"),
                        "{ this line is not JSON",
                        event("e03", "SAVE", 24_000, "away", ",\"players\":[\"Zoë Brandt\"]"),
                        event("e04", "CARD", 31_000, "away", ",\"players\":[\"Jack <b>Smith</b>\"]"),
                        event("e05", "PERIOD_END", 38_000, "home", "")),
                StandardCharsets.UTF_8);
        StringWriter log = new StringWriter();
        int code = new ConsoleCommandsForTests(log)
                .run(
                        "run",
                        "--events",
                        events.toString(),
                        "--video",
                        video.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--profiles",
                        profiles.toString(),
                        "--parallelism",
                        "1");
        if (!Files.exists(dir.resolve("out").resolve(MATCH).resolve("manifest.json"))) {
            throw new AssertionError("the run wrote no manifest (exit " + code + "):\n" + log);
        }
        return profiles;
    }

    /** The job tests' profiles plus a destination that takes the vertical rendition and needs approval. */
    static Path profiles(Path dir) throws Exception {
        TestProfiles.write(dir);
        Files.createDirectories(dir.resolve("destinations"));
        Files.writeString(
                dir.resolve("destinations/club.yaml"),
                String.join(
                        "\n",
                        "destinations:",
                        "  " + DESTINATION + ":",
                        "    platform: webhook",
                        "    account: http://127.0.0.1:9/hook",
                        "    credentials:",
                        "      env: HOOKLINE_CONSOLE_TEST_SECRET",
                        "    rendition: small-vertical",
                        "    title: \"{ACTION} — {player}\"",
                        "    caption: \"Score {score}\"",
                        "    hashtags: [goal]",
                        "    takes:",
                        "      kinds: [play]",
                        "    quota:",
                        "      postsPer24h: 40",
                        "      spacingSeconds: 0",
                        "    privacy: public",
                        "    approval: true",
                        ""));
        return dir;
    }

    private static String event(String id, String type, long videoMs, String team, String extra) {
        return "{\"matchId\":\"" + MATCH + "\",\"eventId\":\"" + id + "\",\"type\":\"" + type
                + "\",\"period\":1,\"videoTimeMs\":" + videoMs + ",\"team\":\"" + team + "\"" + extra + "}";
    }

    /** The CLI in this JVM, its output kept for the failure message. */
    record ConsoleCommandsForTests(StringWriter log) {
        int run(String... args) {
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(log, true));
            cli.setErr(new PrintWriter(log, true));
            return cli.execute(args);
        }
    }
}

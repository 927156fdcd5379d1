package io.hookline.cli;

import static io.hookline.cli.BadInputCorpusTest.allOf;
import static io.hookline.cli.BadInputCorpusTest.deadLetters;
import static io.hookline.cli.BadInputCorpusTest.goals;
import static io.hookline.cli.BadInputCorpusTest.goodLinesWith;
import static io.hookline.cli.BadInputCorpusTest.noDeadLetters;
import static io.hookline.cli.BadInputCorpusTest.planned;
import static io.hookline.cli.BadInputCorpusTest.refused;
import static io.hookline.cli.BadInputCorpusTest.skipWhereWritable;
import static io.hookline.cli.CorpusFiles.GOAL_TITLE;
import static io.hookline.cli.CorpusFiles.MATCH;
import static io.hookline.cli.CorpusFiles.SAVE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.cli.BadInputCorpusTest.Case;
import io.hookline.cli.BadInputCorpusTest.Check;
import io.hookline.ingest.MatchEventJson;
import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.render.ClipKeys;
import io.hookline.sample.SyntheticVideo;
import io.hookline.testing.InterlacedVideo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;

/** The cases of the bad-input corpus, by what is bad: the feed, the video, the profiles, the output, the options. */
final class BadInputCases {
    private static final int OK = ExitCodes.OK;
    private static final int PARTIAL = ExitCodes.PARTIAL;
    private static final int USAGE = ExitCodes.USAGE;
    private static final String LONG_ID = "league-" + "x".repeat(300);
    /** The lock of the run that is already writing, for the case of a second run. */
    private static final AtomicReference<OutputLock> HELD = new AtomicReference<>();

    private BadInputCases() {}

    static Stream<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(feeds());
        cases.addAll(matchIds());
        cases.addAll(videos());
        cases.addAll(profilesAndOutput());
        cases.addAll(options());
        return cases.stream();
    }

    private static List<Case> feeds() {
        return List.of(
                new Case(
                        "Avro feed cut in half (one block)",
                        in -> {
                            byte[] whole = CorpusFiles.avro(CorpusFiles.events(MATCH), false);
                            int block = CorpusFiles.firstBlock(whole);
                            return in.plan(
                                    in.file("events.avro", Arrays.copyOf(whole, block + (whole.length - block) / 2)));
                        },
                        PARTIAL,
                        "dead letter: events.avro at byte \\d+: events.avro is truncated: the data stops at byte \\d+,.*",
                        (in, run) -> assertThat(deadLetters(in.out(), "unknown-match"))
                                .hasSize(1)),
                new Case(
                        "Avro feed cut in its last block",
                        in -> {
                            byte[] whole = CorpusFiles.avro(CorpusFiles.events(MATCH), true);
                            return in.plan(in.file("events.avro", Arrays.copyOf(whole, whole.length - 5)));
                        },
                        PARTIAL,
                        "dead letter: events.avro at byte \\d+: events.avro is truncated: .*",
                        planned(MATCH, GOAL_TITLE)),
                new Case(
                        "Avro feed cut inside its header",
                        in -> {
                            byte[] whole = CorpusFiles.avro(CorpusFiles.events(MATCH), true);
                            return in.plan(in.file("events.avro", Arrays.copyOf(whole, 40)));
                        },
                        USAGE,
                        "error: .*events.avro: not a readable Avro file of MatchEvent records: the file ends inside its"
                                + " header, at byte 40",
                        refused()),
                new Case(
                        "Avro block damaged in the middle of the feed",
                        in -> {
                            byte[] feed = CorpusFiles.avro(CorpusFiles.events(MATCH), true);
                            // The foul's event id gets a negative length: its block cannot be decoded, the next ones
                            // can.
                            feed[CorpusFiles.indexOf(feed, "e04") - 1] = 1;
                            return in.plan(in.file("events.avro", feed));
                        },
                        PARTIAL,
                        "dead letter: events.avro at byte \\d+: the block at byte \\d+ of events.avro cannot be"
                                + " decoded .*",
                        allOf(
                                planned(MATCH, GOAL_TITLE, SAVE_TITLE),
                                (in, run) ->
                                        assertThat(deadLetters(in.out(), MATCH)).hasSize(1))),
                new Case(
                        "Avro file of another record type",
                        in -> in.plan(in.file("events.avro", avroOfStrings())),
                        USAGE,
                        "error: .*events.avro: not a readable Avro file of MatchEvent records: its records are"
                                + " string \\(TYPE_MISMATCH .*",
                        refused()),
                new Case(
                        "empty feed",
                        in -> in.plan(in.file("events.jsonl", new byte[0])),
                        USAGE,
                        "error: .*events.jsonl: the event feed holds no events \\(the file is empty\\)",
                        refused()),
                new Case(
                        "feed of blank lines",
                        in -> in.plan(in.lines("events.jsonl", List.of("", "  ", "\t"))),
                        USAGE,
                        "error: .*events.jsonl: the event feed holds no events \\(nothing but blank lines or an"
                                + " Avro header\\)",
                        refused()),
                new Case(
                        "Avro feed with a header and no records",
                        in -> in.plan(in.file("events.avro", CorpusFiles.avro(List.of(), true))),
                        USAGE,
                        "error: .*events.avro: the event feed holds no events .*",
                        refused()),
                new Case(
                        "UTF-8 byte order mark before the descriptor",
                        in -> {
                            byte[] text = String.join("\n", CorpusFiles.jsonLines(CorpusFiles.events(MATCH)))
                                    .getBytes(StandardCharsets.UTF_8);
                            byte[] withBom = new byte[text.length + 3];
                            System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withBom, 0, 3);
                            System.arraycopy(text, 0, withBom, 3, text.length);
                            return in.plan(in.file("events.jsonl", withBom));
                        },
                        OK,
                        null,
                        allOf(planned(MATCH, GOAL_TITLE, SAVE_TITLE), noDeadLetters())),
                new Case(
                        "invalid UTF-8 in a player's name",
                        in -> {
                            List<String> lines = goodLinesWith(
                                    4,
                                    MatchEventJson.write(CorpusFiles.event(MATCH, "e10", "SHOT", 12_000)
                                            .setPlayers(List.of("Kwame ## Asante"))
                                            .build()));
                            byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                            int at = CorpusFiles.indexOf(bytes, "##");
                            bytes[at] = (byte) 0xC3;
                            bytes[at + 1] = (byte) 0x28;
                            return in.plan(in.file("events.jsonl", bytes));
                        },
                        PARTIAL,
                        "dead letter: events.jsonl:5: not UTF-8: the byte\\(s\\) C3 at byte \\d+ of the file \\(byte \\d+"
                                + " of the line\\) are not a character; save the feed as UTF-8 .*",
                        planned(MATCH, GOAL_TITLE)),
                new Case(
                        "malformed JSON line",
                        in -> in.plan(in.lines("events.jsonl", goodLinesWith(3, "{\"matchId\": \"m1\","))),
                        PARTIAL,
                        "dead letter: events.jsonl:4: malformed JSON: .*",
                        planned(MATCH, GOAL_TITLE)),
                new Case(
                        "misspelt field",
                        in -> in.plan(in.lines(
                                "events.jsonl",
                                goodLinesWith(
                                        3,
                                        "{\"matchId\":\"m1\",\"eventId\":\"e9\",\"type\":\"SHOT\",\"period\":1,\"videoTimeMs\":5000,"
                                                + "\"playrs\":[\"A\"]}"))),
                        PARTIAL,
                        "dead letter: events.jsonl:4: unknown field 'playrs' \\(did you mean 'players'\\?\\) .*",
                        planned(MATCH, GOAL_TITLE)),
                new Case(
                        "event past the end of the video",
                        in -> in.plan(in.lines(
                                "events.jsonl",
                                goodLinesWith(
                                        3,
                                        MatchEventJson.write(CorpusFiles.event(MATCH, "e9", "SHOT", 95_000)
                                                .build())))),
                        PARTIAL,
                        "dead letter: events.jsonl:4: event e9: videoTimeMs 95000 is outside the video .*",
                        planned(MATCH, GOAL_TITLE)),
                // The same descriptor again changes nothing; one that differs replaces it, and the first is named.
                new Case(
                        "the same match descriptor twice",
                        in -> {
                            List<String> lines = CorpusFiles.jsonLines(CorpusFiles.events(MATCH));
                            return in.plan(in.lines("events.jsonl", goodLinesWith(1, lines.get(0))));
                        },
                        OK,
                        null,
                        allOf(planned(MATCH, GOAL_TITLE, SAVE_TITLE), noDeadLetters())),
                new Case(
                        "a second, differing match descriptor",
                        in -> {
                            String renamed = MatchEventJson.write(MatchEvent.newBuilder(
                                            new MatchDescriptor(MATCH, null, "Riverside FC", "Harbour").event())
                                    .build());
                            return in.job(
                                    "run",
                                    in.lines("events.jsonl", goodLinesWith(8, renamed)),
                                    BadInputCorpusTest.video);
                        },
                        PARTIAL,
                        "dead letter: events.jsonl:1: match m1 has two differing descriptors, this one and the one at"
                                + " events.jsonl:9 \\(homeTeam \"Riverside\" / \"Riverside FC\"\\): the later one, at"
                                + " events.jsonl:9, is used \\(the only one .*",
                        (in, run) -> {
                            JsonNode manifest = new ObjectMapper()
                                    .readTree(in.out()
                                            .resolve(MATCH)
                                            .resolve("manifest.json")
                                            .toFile());
                            List<String> teams = new ArrayList<>();
                            manifest.get("clips").forEach(c -> c.get("teams").forEach(t -> teams.add(t.asText())));
                            assertThat(teams).contains("Riverside FC").doesNotContain("Riverside");
                        }));
    }

    private static List<Case> matchIds() {
        return List.of(
                new Case(
                        "match ids that read alike: a/b and a_b",
                        in -> in.plan(in.lines("events.jsonl", CorpusFiles.jsonLines(goals("a/b", "a_b")))),
                        OK,
                        shared("a/b, a_b"),
                        allOf(
                                planned("a/b", GOAL_TITLE),
                                planned("a_b", GOAL_TITLE),
                                (in, run) -> assertThat(in.out().resolve("a_b")).isDirectory())),
                new Case(
                        "two Cyrillic match ids of one length",
                        in -> in.plan(in.lines("events.jsonl", CorpusFiles.jsonLines(goals("Спартак", "Динамо!")))),
                        OK,
                        shared("Спартак, Динамо!"),
                        allOf(planned("Спартак", GOAL_TITLE), planned("Динамо!", GOAL_TITLE))),
                new Case(
                        "a 300-character match id beside a good match",
                        in -> in.plan(in.lines("events.jsonl", CorpusFiles.jsonLines(goals(LONG_ID, "good-match")))),
                        OK,
                        shared(LONG_ID + ", good-match"),
                        allOf(planned(LONG_ID, GOAL_TITLE), planned("good-match", GOAL_TITLE))),
                new Case(
                        "a 300-character match id beside a good match, rendered",
                        in -> in.job(
                                "run",
                                in.lines("events.jsonl", CorpusFiles.jsonLines(goals(LONG_ID, "good-match"))),
                                BadInputCorpusTest.video),
                        OK,
                        shared(LONG_ID + ", good-match"),
                        (in, run) -> {
                            for (String id : List.of(LONG_ID, "good-match")) {
                                Path manifest = in.out()
                                        .resolve(ClipKeys.safeMatchDir(id))
                                        .resolve("manifest.json");
                                assertThat(manifest).exists();
                                assertThat(Files.readString(manifest)).contains("\"matchId\" : \"" + id + "\"");
                            }
                        }),
                // One match's folder cannot be made: that match fails with the reason, the other is written.
                new Case(
                        "a match whose folder is taken by a file, beside a good match",
                        in -> {
                            Files.createDirectories(in.out());
                            Files.writeString(in.out().resolve("blocked"), "not a folder");
                            return in.plan(in.lines(
                                    "events.jsonl", CorpusFiles.jsonLines(withOwnVideo("blocked", "good-match"))));
                        },
                        PARTIAL,
                        "error: match blocked failed: could not write .*blocked/plan.json: "
                                + "FileAlreadyExistsException: .*; the other matches were written",
                        planned("good-match", GOAL_TITLE)),
                // Two matches that name no video are both cut from the one --video: said once, and on each clip.
                new Case(
                        "two matches cut from one --video, beside one with its own",
                        in -> {
                            List<MatchEvent> events = new ArrayList<>(withOwnVideo("friendly"));
                            events.addAll(goals("derby", "cup-final"));
                            return in.job(
                                    "run",
                                    in.lines("events.jsonl", CorpusFiles.jsonLines(events)),
                                    BadInputCorpusTest.video);
                        },
                        OK,
                        shared("derby, cup-final"),
                        (in, run) -> {
                            for (String id : List.of("derby", "cup-final", "friendly")) {
                                JsonNode manifest = new ObjectMapper()
                                        .readTree(in.out()
                                                .resolve(id)
                                                .resolve("manifest.json")
                                                .toFile());
                                assertThat(manifest.get("clips"))
                                        .as(id)
                                        .isNotEmpty()
                                        .allSatisfy(c -> {
                                            boolean warned =
                                                    c.get("notes").toString().contains("name no video of their own");
                                            assertThat(warned)
                                                    .as(id + ": " + c.get("notes"))
                                                    .isEqualTo(!id.equals("friendly"));
                                        });
                            }
                            assertThat(run.out())
                                    .contains("1 clip(s), warning: matches derby, cup-final name no video");
                        }));
    }

    /** The first error line of a run whose matches all take the one --video. */
    private static String shared(String matchIds) {
        return "warning: matches " + java.util.regex.Pattern.quote(matchIds)
                + " name no video of their own \\(video: in"
                + " the descriptor\\), so all are cut from the one --video .*match.mp4; give each match's descriptor"
                + " its video, or run each match with its own --video";
    }

    /** A goal of each match, after a descriptor naming the corpus's video as the match's own. */
    private static List<MatchEvent> withOwnVideo(String... matchIds) {
        List<MatchEvent> events = new ArrayList<>();
        for (String id : matchIds) {
            events.add(
                    new MatchDescriptor(id, null, "Riverside", "Harbour", BadInputCorpusTest.video.toString()).event());
            events.add(CorpusFiles.goal(id));
        }
        return events;
    }

    private static List<Case> videos() {
        return List.of(
                new Case(
                        "a PNG picture named .mp4",
                        in -> in.job("plan", in.goodFeed(), CorpusFiles.pictureNamedMp4(in.dir())),
                        OK,
                        "warning: not a video: .*pitch.mp4 is a still picture \\(png\\)\\. .*",
                        noCrash()),
                new Case(
                        "a video cut in half",
                        in -> {
                            byte[] whole = Files.readAllBytes(BadInputCorpusTest.video);
                            return in.job(
                                    "plan", in.goodFeed(), in.file("cut.mp4", Arrays.copyOf(whole, whole.length / 2)));
                        },
                        OK,
                        "warning: .*cut.mp4.*",
                        noCrash()),
                new Case(
                        "a bit-rotted video",
                        in -> {
                            byte[] video = Files.readAllBytes(BadInputCorpusTest.video);
                            // One byte in every 500 of the middle third flipped: the pictures' data, not the file's
                            // index.
                            for (int i = video.length / 3; i < 2 * video.length / 3; i += 500) {
                                video[i] ^= (byte) 0xFF;
                            }
                            return in.job("run", in.goodFeed(), in.file("rotten.mp4", video));
                        },
                        OK,
                        null,
                        (in, run) -> {
                            JsonNode manifest = new ObjectMapper()
                                    .readTree(in.out()
                                            .resolve(ClipKeys.safeMatchDir(MATCH))
                                            .resolve("manifest.json")
                                            .toFile());
                            List<String> notes = new ArrayList<>();
                            manifest.get("clips").forEach(c -> c.get("notes").forEach(n -> notes.add(n.asText())));
                            assertThat(notes)
                                    .anyMatch(
                                            n -> n.matches(
                                                    "warning: the source video has \\d+ decoding errors? in this"
                                                            + " clip's stretch, so some pictures may show damage \\(the first: \".+\"\\)"));
                        }),
                new Case(
                        "an interlaced broadcast capture whose stream says progressive",
                        in -> {
                            Path progressive = in.dir().resolve("progressive.mp4");
                            SyntheticVideo.write(
                                    new SyntheticVideo.Spec(
                                            320, 180, 50, CorpusFiles.VIDEO_MS, true, List.of(10_000L, 24_000L)),
                                    progressive);
                            InterlacedVideo.write(progressive, in.dir().resolve("1080i.mp4"), false);
                            return in.job("run", in.goodFeed(), in.dir().resolve("1080i.mp4"));
                        },
                        OK,
                        null,
                        (in, run) -> {
                            Path match = in.out().resolve(ClipKeys.safeMatchDir(MATCH));
                            JsonNode manifest = new ObjectMapper()
                                    .readTree(match.resolve("manifest.json").toFile());
                            // What the pictures look like afterwards is measured by InterlacedSourceTest, at a size
                            // that shows it.
                            assertThat(manifest.get("clips"))
                                    .isNotEmpty()
                                    .allSatisfy(c -> assertThat(c.get("notes").toString())
                                            .contains("the source is interlaced, top field first (")
                                            .contains("deinterlaced once"));
                        }),
                new Case(
                        "the video missing",
                        in -> in.job("plan", in.goodFeed(), in.dir().resolve("nope.mp4")),
                        OK,
                        "warning: video not found: .*nope.mp4\\. .*",
                        noCrash()),
                new Case(
                        "a directory as the video",
                        in -> in.job("plan", in.goodFeed(), in.dir()),
                        OK,
                        "warning: video not readable: .*\\. .*",
                        noCrash()));
    }

    private static List<Case> profilesAndOutput() {
        return List.of(
                new Case(
                        "--profiles directory missing",
                        in -> with(
                                in.plan(in.goodFeed()),
                                "--profiles",
                                in.dir().resolve("nope").toString()),
                        USAGE,
                        "error: profiles directory not found: .*nope",
                        refused()),
                new Case(
                        "--profiles is a file",
                        in -> with(
                                in.plan(in.goodFeed()),
                                "--profiles",
                                in.goodFeed().toString()),
                        USAGE,
                        "error: profiles directory not found: .*events.jsonl \\(it is a file\\)",
                        refused()),
                new Case(
                        "a misspelt key in a profile",
                        in -> {
                            Path copy = CorpusFiles.profiles(in.dir().resolve("profiles"));
                            Path tiny = copy.resolve("profiles/tiny.yaml");
                            Files.writeString(tiny, Files.readString(tiny).replace("crf: 32", "crff: 32"));
                            return with(in.plan(in.goodFeed()), "--profiles", copy.toString());
                        },
                        USAGE,
                        "error: .*profiles/tiny.yaml:\\d+:\\d+: missing required key 'crf'",
                        (in, run) -> {
                            assertThat(run.err()).contains("tiny.yaml:6:47: unknown key 'crff'; did you mean 'crf'?");
                            assertThat(run.out()).isEmpty();
                        }),
                new Case(
                        "profiles validate on a missing directory",
                        in -> new String[] {
                            "profiles", "validate", in.dir().resolve("nope").toString()
                        },
                        USAGE,
                        "error: profiles directory not found: .*nope",
                        refused()),
                new Case(
                        "an unknown rendition name",
                        in -> in.plan(in.goodFeed(), "--renditions", "tiny,tinny"),
                        USAGE,
                        "error: no rendition profile named 'tinny' \\(did you mean 'tiny'\\?\\).*",
                        refused()),
                new Case(
                        "a second run into an --out another run is writing into",
                        in -> {
                            HELD.set(OutputLock.take(in.out(), new StringBuilder())
                                    .orElseThrow());
                            return in.plan(in.goodFeed());
                        },
                        USAGE,
                        "error: another run is writing into .*out \\(process \\d+, started at [0-9:]+\\); wait for it to"
                                + " finish, or choose another --out",
                        allOf(refused(), (in, run) -> HELD.get().close())),
                new Case(
                        "--out is a file",
                        in -> with(
                                in.plan(in.goodFeed()), "--out", in.goodFeed().toString()),
                        USAGE,
                        "error: --out is a file, not a directory: .*events.jsonl",
                        refused()),
                new Case(
                        "--out inside a file",
                        in -> with(
                                in.plan(in.goodFeed()),
                                "--out",
                                in.goodFeed().resolve("out").toString()),
                        USAGE,
                        "error: --out cannot be created: .*",
                        refused()),
                new Case(
                        "--out read-only",
                        in -> {
                            Files.createDirectories(
                                    in.out(),
                                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
                            skipWhereWritable(in.out());
                            return in.plan(in.goodFeed());
                        },
                        USAGE,
                        "error: --out is not writable: .*",
                        refused()));
    }

    private static List<Case> options() {
        return List.of(
                new Case(
                        "a misspelt option",
                        in -> with(in.plan(in.goodFeed()), "--parallelsim", "2"),
                        USAGE,
                        "Unknown options?: '--parallelsim'.*",
                        refused()),
                new Case(
                        "--events missing",
                        in -> in.plan(in.dir().resolve("nope.jsonl")),
                        USAGE,
                        "error: event feed not found or not readable: .*nope.jsonl",
                        refused()),
                new Case(
                        "a directory as --events",
                        in -> in.plan(in.dir()),
                        USAGE,
                        "error: the event feed is a directory, not a file: .*",
                        refused()),
                new Case(
                        "--video not given",
                        in -> new String[] {"plan", "--events", in.goodFeed().toString()},
                        USAGE,
                        "Missing required option: '--video=<video>'",
                        refused()),
                new Case(
                        "--parallelism 0",
                        in -> with(in.plan(in.goodFeed()), "--parallelism", "0"),
                        USAGE,
                        "error: --parallelism must be at least 1 \\(got 0\\)",
                        refused()),
                new Case(
                        "--parallelism -1",
                        in -> with(in.plan(in.goodFeed()), "--parallelism", "-1"),
                        USAGE,
                        "error: --parallelism must be at least 1 \\(got -1\\)",
                        refused()),
                new Case(
                        "--parallelism not a number",
                        in -> with(in.plan(in.goodFeed()), "--parallelism", "two"),
                        USAGE,
                        "Invalid value for option '--parallelism': 'two' is not an int",
                        refused()),
                new Case(
                        "--render-concurrency 0",
                        in -> with(in.plan(in.goodFeed()), "--render-concurrency", "0"),
                        USAGE,
                        "error: --render-concurrency must be at least 1 \\(got 0\\)",
                        refused()),
                new Case(
                        "--encoder-threads 0",
                        in -> with(in.plan(in.goodFeed()), "--encoder-threads", "0"),
                        USAGE,
                        "error: --encoder-threads must be at least 1 \\(got 0\\)",
                        refused()),
                new Case(
                        "--render-lanes -2",
                        in -> with(in.plan(in.goodFeed()), "--render-lanes", "-2"),
                        USAGE,
                        "error: --render-lanes must be at least 1 \\(got -2\\)",
                        refused()),
                new Case(
                        "run with neither --events nor --bootstrap",
                        in -> new String[] {"run", "--video", BadInputCorpusTest.video.toString()},
                        USAGE,
                        "error: give --events FILE for a finished match, or --bootstrap HOST:PORT for live ones",
                        refused()));
    }

    /** The plan still comes out for a bad video: the events are planned, the media signals are missing. */
    private static Check noCrash() {
        return planned(MATCH, GOAL_TITLE);
    }

    /** The arguments with an option's value replaced, or the option added. */
    private static String[] with(String[] args, String option, String value) {
        List<String> all = new ArrayList<>(List.of(args));
        int at = all.indexOf(option);
        if (at >= 0) {
            all.set(at + 1, value);
        } else {
            all.addAll(List.of(option, value));
        }
        return all.toArray(String[]::new);
    }

    /** An Avro container of plain strings. */
    private static byte[] avroOfStrings() throws Exception {
        Schema schema = Schema.create(Schema.Type.STRING);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataFileWriter<CharSequence> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, bytes);
            writer.append("not an event");
        }
        return bytes.toByteArray();
    }
}

package io.hookline.cli;

import static io.hookline.cli.CorpusFiles.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.model.MatchEvent;
import io.hookline.render.ClipKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: each kind of bad input a hostile but fair user tried, given to the real command line
 * in-process. For each the exit code is checked; the first line of the errors names the file, line, byte,
 * field or flag; the good events of a damaged feed still give their clips; no temporary file is left behind;
 * and every manifest lists exactly the files on disk. Feed cases run {@code plan}, which does not render, so
 * the corpus stays fast; the inputs are made here (synthetic video, cut and damaged bytes).
 */
class BadInputCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every run in the corpus shares one cluster, as the CLI's own would be, without starting one each. */
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path shared;

    static Path video;
    static Path profiles;

    /** The case's own directory and output, and the media and profiles every case shares. */
    record Inputs(Path dir, Path out) {
        Path file(String name, byte[] bytes) throws Exception {
            return Files.write(dir.resolve(name), bytes);
        }

        Path lines(String name, List<String> lines) throws Exception {
            return CorpusFiles.writeLines(dir.resolve(name), lines);
        }

        /** {@code ./hookline COMMAND --events FEED --video VIDEO ...} with the corpus's profiles and output. */
        String[] job(String command, Path feed, Path video, String... more) {
            List<String> args = new ArrayList<>(List.of(
                    command,
                    "--events",
                    feed.toString(),
                    "--video",
                    video.toString(),
                    "--profiles",
                    profiles.toString(),
                    "--out",
                    out.toString(),
                    "--parallelism",
                    "2"));
            args.addAll(List.of(more));
            return args.toArray(String[]::new);
        }

        String[] plan(Path feed, String... more) {
            return job("plan", feed, video, more);
        }

        Path goodFeed() throws Exception {
            return lines("events.jsonl", CorpusFiles.jsonLines(CorpusFiles.events(MATCH)));
        }
    }

    @FunctionalInterface
    interface Maker {
        String[] args(Inputs in) throws Exception;
    }

    @FunctionalInterface
    interface Check {
        void check(Inputs in, CliRun run) throws Exception;
    }

    /**
     * @param firstError a pattern of the first line of the errors; null when there must be none
     */
    record Case(String name, Maker maker, int exit, String firstError, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void media() throws Exception {
        video = CorpusFiles.video(shared);
        profiles = CorpusFiles.profiles(shared.resolve("profiles"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.hookline.cli.BadInputCases#all")
    void eachBadInputIsNamedAndCostsNothingElse(Case c, @TempDir Path dir) throws Exception {
        Inputs in = new Inputs(dir, dir.resolve("out"));
        String[] args = c.maker().args(in);

        CliRun run = CliRun.of(args);

        String shown = "\n--- args: " + String.join(" ", args) + "\n--- out:\n" + run.out() + "--- err:\n" + run.err();
        assertThat(run.exit()).as("exit code" + shown).isEqualTo(c.exit());
        if (c.firstError() == null) {
            assertThat(run.err()).as("errors" + shown).isEmpty();
        } else {
            assertThat(run.firstErrorLine()).as("first error line" + shown).matches(c.firstError());
        }
        c.check().check(in, run);
        assertNoTemporaryFiles(dir);
        assertManifestsMatchTheDisk(in.out());
    }

    /** The plan of a match that the feed's good events must still give. */
    static Check planned(String matchId, String... titles) {
        return (in, run) -> {
            Path plan = in.out().resolve(ClipKeys.safeMatchDir(matchId)).resolve("plan.json");
            assertThat(plan)
                    .as("plan of " + matchId + "\n" + run.out() + run.err())
                    .exists();
            JsonNode root = JSON.readTree(plan.toFile());
            assertThat(root.get("matchId").asText()).isEqualTo(matchId);
            List<String> planned = new ArrayList<>();
            root.get("clips").forEach(c -> planned.add(c.get("title").asText()));
            assertThat(planned).contains(titles);
        };
    }

    /** The dead letters of a match, one reason each. */
    static List<String> deadLetters(Path out, String matchId) throws Exception {
        Path file = out.resolve(ClipKeys.safeMatchDir(matchId)).resolve("dead-letters.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode letter = JSON.readTree(line);
            reasons.add(
                    letter.get("origin").asText() + ": " + letter.get("reason").asText());
        }
        return reasons;
    }

    /** Nothing to check beyond the exit code and the message: the job did not start. */
    static Check refused() {
        return (in, run) -> assertThat(run.out()).as("output of a refused run").isEmpty();
    }

    static Check allOf(Check... checks) {
        return (in, run) -> {
            for (Check c : checks) {
                c.check(in, run);
            }
        };
    }

    static Check noDeadLetters() {
        return (in, run) -> {
            if (Files.isDirectory(in.out())) {
                try (Stream<Path> files = Files.walk(in.out())) {
                    assertThat(files.filter(f -> f.endsWith("dead-letters.jsonl")))
                            .isEmpty();
                }
            }
        };
    }

    /** A feed of the corpus's good events with the given lines in place of, or beside, some of them. */
    static List<String> goodLinesWith(int at, String... lines) {
        List<String> all = new ArrayList<>(CorpusFiles.jsonLines(CorpusFiles.events(MATCH)));
        all.addAll(at, List.of(lines));
        return all;
    }

    static List<MatchEvent> goals(String... matchIds) {
        return Arrays.stream(matchIds).map(CorpusFiles::goal).toList();
    }

    /** Root writes into a read-only directory all the same: there the case cannot happen. */
    static void skipWhereWritable(Path dir) {
        Assumptions.assumeFalse(Files.isWritable(dir), "the tests run as a user who may write into " + dir);
    }

    private static void assertNoTemporaryFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".part") || n.endsWith(".tmp") || n.contains(".part."));
        }
    }

    /** Every rendition a manifest lists as ok is on disk with its bytes, and every clip on disk is listed. */
    private static void assertManifestsMatchTheDisk(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(out)) {
            manifests = files.filter(f -> f.endsWith("manifest.json")).toList();
        }
        for (Path manifest : manifests) {
            Path matchDir = manifest.getParent();
            Set<Path> listed = new HashSet<>();
            for (JsonNode clip : JSON.readTree(manifest.toFile()).get("clips")) {
                for (JsonNode r : clip.get("renditions")) {
                    Path file = matchDir.resolve(r.get("path").asText());
                    if (r.get("status").asText().equals("ok")) {
                        assertThat(file).exists().hasSize(r.get("bytes").asLong());
                        listed.add(file);
                    }
                }
            }
            Path clips = matchDir.resolve("clips");
            if (Files.isDirectory(clips)) {
                try (Stream<Path> files = Files.walk(clips)) {
                    assertThat(files.filter(f -> f.toString().endsWith(".mp4"))).allMatch(listed::contains);
                }
            }
        }
    }
}

package io.hookline.cli;

import static io.hookline.cli.CorpusFiles.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookline.render.ClipKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output disk that fills up during a run, and the half-written files a failed run leaves. The full disk is a
 * real one: a small tmpfs mounted in a mount namespace of the run's own (so nothing outside the test sees it),
 * where the command line runs in a child process.
 */
class FullDiskTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path video;
    static Path profiles;
    static Path feed;

    @BeforeAll
    static void inputs() throws Exception {
        video = CorpusFiles.video(shared);
        profiles = CorpusFiles.profiles(shared.resolve("profiles"));
        feed = CorpusFiles.writeLines(shared.resolve("events.jsonl"), CorpusFiles.jsonLines(CorpusFiles.events(MATCH)));
    }

    @Test
    void aRunRemovesTheHalfWrittenFilesAnEarlierRunLeft(@TempDir Path out) throws Exception {
        Path matchDir = out.resolve(ClipKeys.safeMatchDir(MATCH));
        Path clipPart = Files.createDirectories(matchDir.resolve("clips/c1")).resolve(".tiny.mp4123.part");
        Path segmentPart =
                Files.createDirectories(matchDir.resolve(".segments")).resolve("abc456.part");
        Files.writeString(clipPart, "half a rendition");
        Files.writeString(segmentPart, "half a segment");

        CliRun run = CliRun.of(args(out));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Removed 2 half-written file(s)");
        assertThat(partFiles(out)).isEmpty();
        assertThat(matchDir.resolve("manifest.json")).exists();
    }

    @Test
    void aFullDiskIsNamedAndLeavesAConsistentOutput(@TempDir Path dir) throws Exception {
        assumeMountNamespaces(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path log = dir.resolve("run.log");
        // Room for the first files of the run, not for all of them. What was on the disk is copied out before the
        // namespace, and the disk with it, goes away.
        Process run = new ProcessBuilder(withArgs(
                        List.of(
                                "unshare",
                                "-m",
                                "sh",
                                "-c",
                                "mount -t tmpfs -o size=400k tmpfs \"$0\" || exit 97; \"$@\"; s=$?; "
                                        + "find \"$0\" -name '*.part' > \"$0.parts\"; cp -r \"$0\" \"$0.kept\"; exit $s",
                                out.toString(),
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName()),
                        args(out)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(printed).isNotZero();
        assertThat(printed)
                .as(printed)
                .containsPattern("the disk holding " + out + " .* is full: \\d+ MB free of \\d+ MB");
        assertThat(Files.readString(Path.of(out + ".parts")))
                .as("half-written files on the full disk")
                .isEmpty();
        assertManifestListsWhatIsOnDisk(Path.of(out + ".kept").resolve(ClipKeys.safeMatchDir(MATCH)));
    }

    private static String[] args(Path out) {
        return new String[] {
            "run",
            "--events",
            feed.toString(),
            "--video",
            video.toString(),
            "--profiles",
            profiles.toString(),
            "--out",
            out.toString(),
            "--parallelism",
            "2"
        };
    }

    private static List<String> withArgs(List<String> command, String[] args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    private static void assumeMountNamespaces(Path dir) throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        Process p = new ProcessBuilder(
                        "unshare", "-m", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString())
                .redirectErrorStream(true)
                .start();
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(
                mounted,
                "this user may not mount a tmpfs in a mount namespace of its own: "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<Path> partFiles(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }

    /** Every rendition the manifest lists as ok is on disk with its size, and every rendition on disk is listed. */
    private static void assertManifestListsWhatIsOnDisk(Path matchDir) throws Exception {
        Path manifest = matchDir.resolve("manifest.json");
        List<Path> listed = new ArrayList<>();
        if (Files.exists(manifest)) {
            for (JsonNode clip : JSON.readTree(manifest.toFile()).get("clips")) {
                for (JsonNode r : clip.get("renditions")) {
                    if (r.get("status").asText().equals("ok")) {
                        Path file = matchDir.resolve(r.get("path").asText());
                        assertThat(file).exists().hasSize(r.get("bytes").asLong());
                        listed.add(file);
                    }
                }
            }
        }
        Path clips = matchDir.resolve("clips");
        if (Files.isDirectory(clips)) {
            try (Stream<Path> files = Files.walk(clips)) {
                assertThat(files.filter(f -> f.toString().endsWith(".mp4")).toList())
                        .allMatch(listed::contains);
            }
        }
    }
}

package io.hookline.console;

import io.hookline.cli.Main;
import io.hookline.model.ClipKind;
import io.hookline.model.MatchManifest;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.publish.ledger.LedgerDatabase;
import io.hookline.storage.ManifestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Consoles and manifests for the console's tests. */
final class ConsoleFixtures {
    private ConsoleFixtures() {}

    static ConsoleSettings settings(Path out, Users users, String host, List<Path> profiles, Path work) {
        return settings(out, users, host, profiles, work, null);
    }

    static ConsoleSettings settings(
            Path out, Users users, String host, List<Path> profiles, Path work, String bootstrap) {
        return new ConsoleSettings(
                host,
                0,
                new LocalOutputFolder(out),
                users,
                profiles,
                LedgerDatabase.h2File(out.resolve(".publish/ledger")),
                bootstrap,
                "hookline.events",
                work,
                Duration.ofMillis(250),
                (log, args) -> {
                    var cli = Main.commandLine();
                    cli.setOut(log);
                    cli.setErr(log);
                    return cli.execute(args);
                });
    }

    /**
     * A match's manifest as the job writes it ({@link ManifestFiles}): {@code clips} play clips of
     * {@code renditionsPerClip} renditions each, {@code planned} clips planned, ranks final or not.
     */
    static void writeManifest(
            Path out, String matchId, int clips, int renditionsPerClip, Integer planned, boolean live, String poster)
            throws IOException {
        List<RenderedClip> list = new ArrayList<>();
        for (int i = 1; i <= clips; i++) {
            String clipId = String.format("c%04d", i);
            List<Rendition> renditions = new ArrayList<>();
            for (int r = 0; r < renditionsPerClip; r++) {
                boolean ok = r != renditionsPerClip - 1 || i % 10 != 0;
                renditions.add(Rendition.newBuilder()
                        .setProfile("profile-" + r)
                        .setPath(ok ? "clips/" + clipId + "/profile-" + r + ".mp4" : null)
                        .setWidth(1080)
                        .setHeight(1920)
                        .setFps(30)
                        .setDurationMs(ok ? 12_000 : 0)
                        .setBytes(ok ? 3_000_000 : 0)
                        .setSha256(ok ? "00" : null)
                        .setStatus(ok ? RenditionStatus.ok : RenditionStatus.failed)
                        .setError(ok ? null : "over the size cap")
                        .setThumbnail(r == 0 && poster != null ? String.format(poster, clipId) : null)
                        .build());
            }
            long start = i * 20_000L;
            list.add(RenderedClip.newBuilder()
                    .setClipId(clipId)
                    .setMatchId(matchId)
                    .setKind(ClipKind.play)
                    .setRank(i)
                    .setScore(5.0 - i / 100.0)
                    .setTitle("Goal — Player " + i)
                    .setSourceStartMs(start)
                    .setSourceEndMs(start + 12_000)
                    .setPeakMs(start + 8_000)
                    .setExplanation("goal, crowd loud")
                    .setSegments(List.of(new Segment(SegmentRole.body, start, start + 12_000, 1.0)))
                    .setRenditions(renditions)
                    .setNotes(List.of())
                    .setPlayers(List.of("Player " + i))
                    .setTeams(List.of(i % 2 == 0 ? "home" : "away"))
                    .build());
        }
        MatchManifest manifest = MatchManifest.newBuilder()
                .setMatchId(matchId)
                .setProfileVersion("test-v1")
                .setClips(list)
                .setRanksFinal(!live)
                .setPlannedClips(planned)
                .setPlannedRenditions(planned == null ? null : planned * renditionsPerClip)
                .build();
        Path dir = Files.createDirectories(out.resolve(matchId));
        Path temp = dir.resolve("manifest.json.tmp");
        Files.write(temp, ManifestFiles.json(manifest));
        Files.move(
                temp,
                dir.resolve("manifest.json"),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

package io.hookline.cli;

import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.publish.ManifestClip;
import io.hookline.publish.ManifestRendition;
import io.hookline.publish.MatchClips;
import io.hookline.storage.s3.S3Clients;
import io.hookline.storage.s3.S3FileCopies;
import io.hookline.storage.s3.S3Location;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where publishing reads a job's output: a local folder as it is, or an {@code s3://} prefix whose manifest and
 * the renditions the destinations take are copied to a local cache first, since the publishers upload local
 * files. Copies are checked against the manifest's SHA-256 and kept, so a re-run downloads nothing again. A
 * rendition that cannot be copied is named here and fails at the publisher's check of the file, with the
 * reason, like a missing local file.
 */
final class OutputCopies {
    private final S3Settings s3;
    private final Path cache;
    private final PrintWriter out;
    private S3FileCopies copies;

    /** @param cache the local folder copies of S3 outputs go under */
    OutputCopies(S3Settings s3, Path cache, PrintWriter out) {
        this.s3 = s3;
        this.cache = cache;
        this.out = out;
    }

    /** A finished match from its folder, {@code OUT/<matchId>} or {@code s3://bucket/prefix/<matchId>}. */
    MatchClips match(String folder, Set<String> renditions) throws IOException {
        if (!S3Location.isS3(folder)) {
            Path dir = Path.of(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(folder + ": no such folder; give a match's output, OUT/<matchId>");
            }
            return MatchClips.read(dir);
        }
        S3Location remote = S3Location.parse(folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder);
        Path dir = local(remote);
        try {
            copies().copy(remote, MatchClips.MANIFEST, null, dir);
        } catch (IOException e) {
            throw new IOException(
                    remote.resolve(MatchClips.MANIFEST) + ": no manifest here; give a match's output,"
                            + " s3://bucket/prefix/<matchId> (" + e.getMessage() + ")",
                    e);
        }
        MatchClips match = MatchClips.read(dir);
        for (ManifestClip clip : match.clips()) {
            for (ManifestRendition rendition : clip.renditions()) {
                if (rendition.ok() && renditions.contains(rendition.profile())) {
                    copy(remote, dir, rendition);
                }
            }
        }
        return match;
    }

    /**
     * A clip record of the clips topic, as the only clip of its match, its files under {@code out/<matchId>/}
     * (copied first when {@code out} is on S3).
     */
    MatchClips landed(RenderedClip clip, String outLocation, Set<String> renditions) {
        if (!S3Location.isS3(outLocation)) {
            return LandedClips.of(clip, Path.of(outLocation));
        }
        S3Location remote = S3Location.parse(outLocation).resolve(clip.getMatchId());
        Path dir = local(remote);
        for (Rendition r : clip.getRenditions()) {
            if (r.getStatus() == RenditionStatus.ok && r.getPath() != null && renditions.contains(r.getProfile())) {
                copy(
                        remote,
                        dir,
                        new ManifestRendition(
                                r.getProfile(),
                                dir.resolve(r.getPath()).normalize(),
                                r.getBytes(),
                                r.getSha256(),
                                true));
            }
        }
        return LandedClips.of(clip, dir.getParent());
    }

    private void copy(S3Location remote, Path dir, ManifestRendition rendition) {
        String relative = dir.relativize(rendition.file()).toString();
        try {
            copies().copy(remote, relative, rendition.sha256().isEmpty() ? null : rendition.sha256(), dir);
        } catch (IOException e) {
            out.println("warning: " + e.getMessage());
            out.flush();
        }
    }

    /** s3://bucket/a/b is copied under CACHE/bucket/a/b. */
    private Path local(S3Location remote) {
        return cache.resolve(remote.bucket()).resolve(remote.key()).normalize();
    }

    private S3FileCopies copies() {
        if (copies == null) {
            copies = new S3FileCopies(S3Clients.shared(s3));
        }
        return copies;
    }
}

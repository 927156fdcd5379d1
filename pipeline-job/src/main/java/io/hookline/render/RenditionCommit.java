package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.media.EncodedPacket;
import io.hookline.render.media.EncodedStream;
import io.hookline.render.media.MediaProbe;
import io.hookline.render.media.Mp4Writer;
import io.hookline.render.sound.PassSounds;
import io.hookline.render.sound.RenditionSound;
import io.hookline.storage.ClipStore;
import io.hookline.storage.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last stage of a rendition: its encoded segments joined, muxed with its sound, checked against its
 * profile, and committed to the store with its poster, or the reason it was not.
 */
final class RenditionCommit {
    private final ClipStore store;

    RenditionCommit(ClipStore store) {
        this.store = store;
    }

    /** Joins, muxes, checks and stores one rendition; runs beside the others of the pass. */
    RenditionAttempt write(
            ClipPlan plan, RenditionPipeline r, RenditionTuning tuning, PassSounds sounds, PassSounds.Request sound) {
        RenditionProfile p = r.profile();
        if (r.error() != null) {
            return RenditionAttempt.failed(r.error());
        }
        List<EncodedStream> segments;
        try {
            segments = r.finish();
        } catch (RuntimeException e) {
            return RenditionAttempt.failed(e.getMessage());
        }
        Path temp = null;
        try {
            List<EncodedPacket> joined = EncodedStream.join(segments);
            RenditionSound.EncodedSound audio = sounds.of(sound);
            String relative = ClipKeys.renditionPath(plan.getClipId(), p.name());
            String key = ClipKeys.key(plan.getMatchId(), relative);
            temp = store.newTempFile(key);
            Mp4Writer.write(
                    temp, segments.get(0), joined, audio.stream(), p.container().editLists());
            MediaProbe.Result probe = MediaProbe.probe(temp);
            ConformanceCheck.Report report = ConformanceCheck.check(
                    p, tuning.video(), probe, audio.levels(), r.timeline().durationUs() / 1000, audio.sourceLufs());
            if (!report.passes()) {
                return RenditionAttempt.nonconforming(report);
            }
            String sha256 = Sha256.of(temp);
            store.commit(temp, key);
            String poster = writePoster(plan, r);
            return RenditionAttempt.done(
                    Rendition.newBuilder()
                            .setProfile(p.name())
                            .setPath(relative)
                            .setWidth(probe.width())
                            .setHeight(probe.height())
                            .setFps(probe.fps())
                            .setDurationMs(probe.durationMs())
                            .setBytes(probe.bytes())
                            .setSha256(sha256)
                            .setStatus(RenditionStatus.ok)
                            .setThumbnail(poster)
                            .build(),
                    report.warnings());
        } catch (IOException | RuntimeException e) {
            return RenditionAttempt.failed(e.getMessage());
        } finally {
            segments.forEach(EncodedStream::close);
            deleteQuietly(temp);
        }
    }

    /** Stores the rendition's poster frame; its relative path, or null when the peak was not in the clip. */
    private String writePoster(ClipPlan plan, RenditionPipeline r) throws IOException {
        if (r.poster() == null) {
            return null;
        }
        String relative = ClipKeys.posterPath(plan.getClipId(), r.profile().name());
        String key = ClipKeys.key(plan.getMatchId(), relative);
        Path temp = store.newTempFile(key);
        try {
            r.poster().write(temp);
            store.commit(temp, key);
        } finally {
            deleteQuietly(temp);
        }
        return relative;
    }

    static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover .part file is harmless and is replaced by the next attempt.
            }
        }
    }
}

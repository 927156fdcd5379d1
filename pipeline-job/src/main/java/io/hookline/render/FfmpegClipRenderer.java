package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.profiles.VideoSpec;
import io.hookline.render.media.EncodedPacket;
import io.hookline.render.media.EncodedStream;
import io.hookline.render.media.FfmpegLog;
import io.hookline.render.media.FieldOrder;
import io.hookline.render.media.FieldOrderProbe;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.MediaProbe;
import io.hookline.render.media.Mp4Writer;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.VideoEncoding;
import io.hookline.render.media.WindowedPcm;
import io.hookline.storage.ClipStore;
import io.hookline.storage.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a clip with FFmpeg: the source window is decoded once and every rendition is fed from that one
 * decode; an interlaced source is deinterlaced once in that decode, before any rendition scales it. Each segment
 * (hook, body...) is encoded on its own with identical settings and closed GOPs, and
 * the rendition is assembled by joining the encoded segments packet by packet; the audio is cut from the
 * decoded window in timeline order and encoded once per distinct audio setting.
 */
public final class FfmpegClipRenderer implements ClipRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegClipRenderer.class);
    /** Room left under a size cap for container overhead and rate-control error. */
    private static final double CAP_HEADROOM = 0.92;

    private static final int MIN_VIDEO_KBPS = 150;
    /** The encoder's rate buffer, in seconds of its peak rate (see VideoEncoder). */
    private static final double VBV_SECONDS = 2;

    private final ProfileSet profiles;
    private final ClipSources sources;
    private final ClipStore store;
    private final RenderSettings settings;
    private final SegmentCache cache;

    public FfmpegClipRenderer(
            ProfileSet profiles, String source, ClipStore store, RenderSettings settings, SegmentCache cache) {
        this(profiles, ClipSource.file(source, settings.decoderThreads()), store, settings, cache);
    }

    public FfmpegClipRenderer(
            ProfileSet profiles, ClipSources sources, ClipStore store, RenderSettings settings, SegmentCache cache) {
        this.profiles = profiles;
        this.sources = sources;
        this.store = store;
        this.settings = settings;
        this.cache = cache;
    }

    @Override
    public RenderedClip render(ClipPlan plan) {
        List<RenditionProfile> targets =
                plan.getRenditions().stream().map(profiles::rendition).toList();
        List<String> notes = new ArrayList<>(plan.getNotes());
        Map<String, Rendition> results = new LinkedHashMap<>();
        try (ClipSource source = sources.open(plan)) {
            FieldOrderProbe.Result scan = FieldOrders.of(source, plan.getSourceStartMs() * 1000);
            FieldOrder order = scan.order();
            if (order.interlaced()) {
                notes.add("the source is " + order + " (" + scan.evidence() + "): deinterlaced once with bwdif before"
                        + " scaling");
            }
            SourceInfo info = pictures(source.info(), order);
            if (!info.hasAudio()) {
                notes.add("the source video has no audio: renditions carry silence");
            }
            Map<String, Tuning> tunings = new LinkedHashMap<>();
            for (RenditionProfile p : targets) {
                tunings.put(p.name(), new Tuning(firstEncoding(p, plan, info, settings), 0, 0));
            }
            Map<String, Attempt> first = renderPass(source, order, plan, targets, tunings, notes);
            List<RenditionProfile> retry = new ArrayList<>();
            for (RenditionProfile p : targets) {
                Attempt a = first.get(p.name());
                Tuning corrected = a.done() ? null : tunings.get(p.name()).correctedFor(p, a.report());
                if (corrected != null) {
                    // A check failed on something a setting controls: encode once more with it corrected.
                    tunings.put(p.name(), corrected);
                    retry.add(p);
                } else {
                    results.put(p.name(), a.done() ? a.rendition() : failed(p, a.reasons()));
                    notes.addAll(a.warnings());
                }
            }
            if (!retry.isEmpty()) {
                Map<String, Attempt> second = renderPass(source, order, plan, retry, tunings, notes);
                for (RenditionProfile p : retry) {
                    Attempt a = second.get(p.name());
                    results.put(
                            p.name(),
                            a.done()
                                    ? a.rendition()
                                    : failed(p, a.reasons() + " (after a second pass with corrected settings)"));
                    notes.addAll(a.warnings());
                }
            }
            notes.addAll(source.notes());
        } catch (MediaException e) {
            for (RenditionProfile p : targets) {
                results.put(p.name(), failed(p, e.getMessage()));
            }
        }
        List<Rendition> ordered =
                targets.stream().map(p -> results.get(p.name())).toList();
        return RenderResults.clip(plan, ordered, notes);
    }

    @Override
    public void close() {
        sources.close();
    }

    /** What the renditions are made from: deinterlaced pictures are a source of their own to the segment cache. */
    private static SourceInfo pictures(SourceInfo info, FieldOrder order) {
        return order.interlaced() ? info.withIdentity(info.identity() + "|bwdif " + order.parity()) : info;
    }

    /** One decode of the clip's window feeding the given renditions. */
    private Map<String, Attempt> renderPass(
            ClipSource source,
            FieldOrder order,
            ClipPlan plan,
            List<RenditionProfile> targets,
            Map<String, Tuning> tunings,
            List<String> notes) {
        SourceInfo info = pictures(source.info(), order);
        List<RenditionPipeline> pipelines = new ArrayList<>();
        SharedSegments shared = new SharedSegments();
        try {
            for (RenditionProfile p : targets) {
                Tuning tuning = tunings.get(p.name());
                RenditionRecipe recipe = new RenditionRecipe(p, tuning.video(), plan, info, settings.draft(), profiles);
                if (recipe.trimmed()) {
                    notes.add(p.name() + ": cut to the profile's maximum of " + p.maxDurationMs() / 1000.0 + " s");
                }
                RenditionPipeline pipeline = new RenditionPipeline(recipe, cache);
                pipeline.posterAt(plan.getPeakMs() * 1000);
                pipeline.prepare(shared);
                pipelines.add(pipeline);
                if (LOG.isDebugEnabled()) {
                    int[] n = pipeline.encodedOfTotal();
                    LOG.debug(
                            "clip {} {}: {} of its {} segments to encode, the rest reused",
                            plan.getClipId(),
                            p.name(),
                            n[0],
                            n[1]);
                }
            }
            List<PassSounds.Request> requests = pipelines.stream()
                    .map(r -> {
                        Tuning t = tunings.get(r.profile().name());
                        return new PassSounds.Request(r.recipe(), t.loudnessOffsetDb(), t.ceilingOffsetDb());
                    })
                    .toList();
            List<long[]> windows = DecodeWindows.of(
                            pipelines.stream().map(RenditionPipeline::timeline).toList())
                    .windows();
            // The sound is decoded first, on its own (it costs little next to the pictures), so that levelling and
            // encoding it runs beside the pictures' decoding and encoding instead of after them.
            Attempt[] attempts = new Attempt[pipelines.size()];
            WindowedPcm pcm = new WindowedPcm();
            try (FfmpegLog.Tally damage = FfmpegLog.tally()) {
                for (long[] window : windows) {
                    source.decodeWindow(window[0], window[1], null, pcm.add(window[0], window[1]));
                }
                try (SoundWork sounds = SoundWork.start(pcm, requests, settings.lanes())) {
                    try (RenderLanes lanes = new RenderLanes(pipelines, settings.lanes());
                            Deinterlacer deinterlacer =
                                    order.interlaced() ? new Deinterlacer(order, lanes::accept) : null) {
                        for (long[] window : windows) {
                            if (pipelines.stream().anyMatch(r -> r.needsFrames(window[0], window[1]))) {
                                if (deinterlacer == null) {
                                    source.decodeWindow(window[0], window[1], lanes::accept, null);
                                } else {
                                    source.decodeWindow(window[0], window[1], deinterlacer::accept, null);
                                    deinterlacer.endWindow();
                                }
                                lanes.drain();
                            }
                        }
                    }
                    if (damage.errors() > 0) {
                        notes.add(String.format(
                                "warning: the source video has %d decoding error%s in this clip's"
                                        + " stretch, so some pictures may show damage (the first: \"%s\")",
                                damage.errors(), damage.errors() == 1 ? "" : "s", damage.first()));
                    }
                    PassSounds done = sounds.await();
                    List<Integer> indexes =
                            IntStream.range(0, pipelines.size()).boxed().toList();
                    Concurrently.forEach(
                            indexes,
                            settings.lanes(),
                            i -> attempts[i] = write(
                                    plan,
                                    pipelines.get(i),
                                    tunings.get(pipelines.get(i).profile().name()),
                                    done,
                                    requests.get(i)));
                }
            }
            Map<String, Attempt> out = new LinkedHashMap<>();
            for (int i = 0; i < pipelines.size(); i++) {
                out.put(pipelines.get(i).profile().name(), attempts[i]);
            }
            return out;
        } finally {
            pipelines.forEach(RenditionPipeline::close);
        }
    }

    /** Joins, muxes, checks and stores one rendition; runs beside the others of the pass. */
    private Attempt write(
            ClipPlan plan, RenditionPipeline r, Tuning tuning, PassSounds sounds, PassSounds.Request sound) {
        RenditionProfile p = r.profile();
        if (r.error() != null) {
            return Attempt.failed(r.error());
        }
        List<EncodedStream> segments;
        try {
            segments = r.finish();
        } catch (RuntimeException e) {
            return Attempt.failed(e.getMessage());
        }
        Path temp = null;
        try {
            List<EncodedPacket> joined = EncodedStream.join(segments);
            RenditionRecipe.EncodedSound audio = sounds.of(sound);
            String relative = ClipKeys.renditionPath(plan.getClipId(), p.name());
            String key = ClipKeys.key(plan.getMatchId(), relative);
            temp = store.newTempFile(key);
            Mp4Writer.write(
                    temp, segments.get(0), joined, audio.stream(), p.container().editLists());
            MediaProbe.Result probe = MediaProbe.probe(temp);
            ConformanceCheck.Report report = ConformanceCheck.check(
                    p, tuning.video(), probe, audio.levels(), r.timeline().durationUs() / 1000, audio.sourceLufs());
            if (!report.passes()) {
                return Attempt.nonconforming(report);
            }
            String sha256 = Sha256.of(temp);
            store.commit(temp, key);
            String poster = writePoster(plan, r);
            return Attempt.done(
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
            return Attempt.failed(e.getMessage());
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

    /**
     * A rendition's encoder settings. Quality-driven (CRF under the profile's peak rate) unless a size cap binds:
     * when even the peak rate for the whole clip would break the cap, the bitrate is what the cap allows for the
     * clip's length.
     */
    static VideoEncoding firstEncoding(RenditionProfile p, ClipPlan plan, SourceInfo info, RenderSettings settings) {
        VideoSpec v = p.video();
        FrameRate rate = FrameRate.of(v.fps());
        int[] size = FrameGeometry.frameSize(v, settings.draft());
        int bitrate = 0;
        if (p.hasSizeCap()) {
            OutputTimeline timeline = OutputTimeline.of(plan.getSegments(), info.fps(), rate, p.maxDurationMs());
            double seconds = Math.max(1.0, timeline.durationUs() / 1_000_000.0);
            double capBits = p.sizeCapBytes() * 8.0 * CAP_HEADROOM;
            double audioBits = p.audio().bitrateKbps() * 1000.0 * seconds;
            // The rate buffer (two seconds of the peak rate) can be spent on top of the peak rate.
            double peakBits = v.maxBitrateKbps() * 1000.0 * (seconds + VBV_SECONDS);
            if (peakBits + audioBits > capBits) {
                double videoBits = (capBits - audioBits) / seconds;
                bitrate = (int) Math.max(MIN_VIDEO_KBPS, Math.min(v.maxBitrateKbps(), videoBits / 1000));
            }
        }
        return new VideoEncoding(
                size[0],
                size[1],
                rate.num(),
                rate.den(),
                v.profile(),
                v.level(),
                v.gopFrames(),
                settings.draft() ? "ultrafast" : v.preset(),
                v.crf(),
                bitrate,
                v.maxBitrateKbps(),
                settings.encoderThreads(),
                p.container().editLists());
    }

    private static Rendition failed(RenditionProfile p, String reason) {
        return RenderResults.failed(
                p.name(), p.video().width(), p.video().height(), p.video().fps(), reason);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover .part file is harmless and is replaced by the next attempt.
            }
        }
    }

    /**
     * How one rendition is encoded: its video settings, and the corrections a failed check asked for.
     *
     * @param loudnessOffsetDb added to the loudness target, so the measured result lands on it
     * @param ceilingOffsetDb added to the true-peak ceiling the limiter aims at
     */
    private record Tuning(VideoEncoding video, double loudnessOffsetDb, double ceilingOffsetDb) {

        /** The settings that fix what the report found, or null when no setting can. */
        Tuning correctedFor(RenditionProfile p, ConformanceCheck.Report report) {
            if (report == null) {
                return null;
            }
            VideoEncoding v = video;
            double loudness = loudnessOffsetDb;
            double ceiling = ceilingOffsetDb;
            boolean fixable = false;
            if (p.hasSizeCap() && report.bytes() > p.sizeCapBytes()) {
                int kbps = video.bitrateKbps() > 0 ? video.bitrateKbps() : video.maxBitrateKbps();
                v = v.withBitrate(
                        (int) Math.max(MIN_VIDEO_KBPS, kbps * CAP_HEADROOM * p.sizeCapBytes() / report.bytes()));
                fixable = true;
            }
            if (Math.abs(report.loudnessErrorLu()) > ConformanceCheck.LOUDNESS_TOLERANCE_LU) {
                loudness -= report.loudnessErrorLu();
                fixable = true;
            }
            if (report.truePeakDbtp() > p.audio().truePeakDbtp()) {
                // Encoding overshot the limiter; harder limiting overshoots a little more again.
                ceiling -= (report.truePeakDbtp() - p.audio().truePeakDbtp()) * 1.5 + 0.5;
                fixable = true;
            }
            return fixable ? new Tuning(v, loudness, ceiling) : null;
        }
    }

    /** The outcome of one rendition in one pass: stored (with any warnings), failed, or written but not conforming. */
    private record Attempt(Rendition rendition, List<String> warnings, ConformanceCheck.Report report, String error) {
        static Attempt done(Rendition r, List<String> warnings) {
            return new Attempt(r, warnings, null, null);
        }

        static Attempt nonconforming(ConformanceCheck.Report report) {
            return new Attempt(null, List.of(), report, null);
        }

        static Attempt failed(String error) {
            return new Attempt(null, List.of(), null, error);
        }

        boolean done() {
            return rendition != null;
        }

        String reasons() {
            return report != null ? "does not conform: " + String.join("; ", report.problems()) : error;
        }
    }
}

package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.media.FfmpegLog;
import io.hookline.render.media.FieldOrder;
import io.hookline.render.media.FieldOrderProbe;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.WindowedPcm;
import io.hookline.render.sound.PassSounds;
import io.hookline.render.sound.SoundWork;
import io.hookline.storage.ClipStore;
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
    private final ProfileSet profiles;
    private final ClipSources sources;
    private final ClipStore store;
    private final RenderSettings settings;
    private final SegmentCache cache;
    private final RenditionCommit commit;

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
        this.commit = new RenditionCommit(store);
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
            Map<String, RenditionTuning> tunings = new LinkedHashMap<>();
            for (RenditionProfile p : targets) {
                tunings.put(p.name(), RenditionTuning.first(p, plan, info, settings));
            }
            Map<String, RenditionAttempt> first = renderPass(source, order, plan, targets, tunings, notes);
            List<RenditionProfile> retry = new ArrayList<>();
            for (RenditionProfile p : targets) {
                RenditionAttempt a = first.get(p.name());
                RenditionTuning corrected =
                        a.done() ? null : tunings.get(p.name()).correctedFor(p, a.report());
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
                Map<String, RenditionAttempt> second = renderPass(source, order, plan, retry, tunings, notes);
                for (RenditionProfile p : retry) {
                    RenditionAttempt a = second.get(p.name());
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
    private Map<String, RenditionAttempt> renderPass(
            ClipSource source,
            FieldOrder order,
            ClipPlan plan,
            List<RenditionProfile> targets,
            Map<String, RenditionTuning> tunings,
            List<String> notes) {
        SourceInfo info = pictures(source.info(), order);
        List<RenditionPipeline> pipelines = new ArrayList<>();
        SharedSegments shared = new SharedSegments();
        try {
            for (RenditionProfile p : targets) {
                RenditionTuning tuning = tunings.get(p.name());
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
                        RenditionTuning t = tunings.get(r.profile().name());
                        return new PassSounds.Request(r.recipe().sound(), t.loudnessOffsetDb(), t.ceilingOffsetDb());
                    })
                    .toList();
            List<long[]> windows = DecodeWindows.of(
                            pipelines.stream().map(RenditionPipeline::timeline).toList())
                    .windows();
            // The sound is decoded first, on its own (it costs little next to the pictures), so that levelling and
            // encoding it runs beside the pictures' decoding and encoding instead of after them.
            RenditionAttempt[] attempts = new RenditionAttempt[pipelines.size()];
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
                            i -> attempts[i] = commit.write(
                                    plan,
                                    pipelines.get(i),
                                    tunings.get(pipelines.get(i).profile().name()),
                                    done,
                                    requests.get(i)));
                }
            }
            Map<String, RenditionAttempt> out = new LinkedHashMap<>();
            for (int i = 0; i < pipelines.size(); i++) {
                out.put(pipelines.get(i).profile().name(), attempts[i]);
            }
            return out;
        } finally {
            pipelines.forEach(RenditionPipeline::close);
        }
    }

    private static Rendition failed(RenditionProfile p, String reason) {
        return RenderResults.failed(
                p.name(), p.video().width(), p.video().height(), p.video().fps(), reason);
    }
}

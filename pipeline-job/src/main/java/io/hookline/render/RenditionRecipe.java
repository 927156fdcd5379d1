package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.GraphicsTemplate;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.Reframe;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.OutputTimeline.Span;
import io.hookline.render.graphics.Overlay;
import io.hookline.render.graphics.RenditionGraphics;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.VideoEncoding;
import io.hookline.render.sound.RenditionSound;
import io.hookline.render.sound.SoundCut;
import java.util.List;

/**
 * How one rendition of a clip is made: its encoder settings, the filter chain that puts a source frame into its
 * frame, where a panning crop sits, and its segments on the output timeline, each with the key its encoded
 * packets are cached under. The renderer works from it; the benchmark uses it to make the same rendition with the
 * FFmpeg command line and to time the encoder alone.
 */
public final class RenditionRecipe {
    private final RenditionProfile profile;
    private final VideoEncoding encoding;
    private final OutputTimeline timeline;
    private final String chain;
    private final RenditionGraphics graphics;
    /** Null when the crop, if any, stays where the chain puts it. */
    private final CropTrack crop;

    private final RenditionSound sound;
    private final SegmentKeys keys;

    /**
     * One segment on the output timeline: output frame {@code k} (from 0 to {@code frames - 1}) shows the source
     * frame on screen at {@link #sourceTimeUs(Piece, int)}.
     *
     * @param sourceEndUs just past the last source moment it shows
     * @param firstOutputFrame where it starts in the rendition
     * @param speed 0.5 shows each source moment for twice as long
     * @param key what its encoded packets are cached under: equal keys, equal packets
     */
    public record Piece(
            SegmentRole role,
            long sourceStartUs,
            long sourceEndUs,
            int frames,
            long firstOutputFrame,
            double speed,
            String key) {}

    RenditionRecipe(
            RenditionProfile profile,
            VideoEncoding encoding,
            ClipPlan plan,
            SourceInfo info,
            boolean draft,
            ProfileSet profiles) {
        this.profile = profile;
        this.encoding = encoding;
        GraphicsTemplate template = profile.graphics() == null ? null : profiles.template(profile.graphics());
        this.timeline = OutputTimeline.of(
                plan.getSegments(),
                info.fps(),
                new FrameRate(encoding.fpsNum(), encoding.fpsDen()),
                profile.maxDurationMs(),
                cardMs(template == null ? null : template.intro()),
                cardMs(template == null ? null : template.outro()));
        this.graphics = template == null
                ? RenditionGraphics.NONE
                : RenditionGraphics.of(
                        plan,
                        template,
                        profile.safeZone(),
                        encoding.width(),
                        encoding.height(),
                        timeline.spans().stream()
                                .map(s -> new long[] {s.sourceStartUs(), timeline.sourceEndUs(s)})
                                .toList());
        this.chain = FrameGeometry.chain(
                info.width(),
                info.height(),
                encoding.width(),
                encoding.height(),
                profile.video().fit(),
                draft);
        FrameGeometry.CropBox box =
                FrameGeometry.cropBox(info.width(), info.height(), encoding.width(), encoding.height());
        this.crop = profile.video().reframe() == Reframe.FOLLOW_ACTION && box.pans(info.width())
                ? CropTrack.plan(
                        box,
                        info.width(),
                        info.fps(),
                        plan.getMedia(),
                        profiles.rules().camera())
                : null;
        this.keys = new SegmentKeys(info.identity(), encoding, chain, graphics, timeline, crop);
        this.sound = new RenditionSound(
                profile.name(), profile.audio(), profile.container().editLists(), soundCut(timeline));
    }

    /** Where the timeline's sound comes from in the source, and where it goes in the rendition. */
    private static SoundCut soundCut(OutputTimeline timeline) {
        FrameRate rate = timeline.rate();
        return new SoundCut(
                timeline.spans().stream()
                        .map(s -> new SoundCut.Stretch(
                                s.sourceStartUs(),
                                rate.frameTimeUs(s.firstOutputFrame()),
                                rate.frameTimeUs(s.firstOutputFrame() + s.frames())))
                        .toList(),
                rate.frameTimeUs(timeline.frames()));
    }

    private static long cardMs(GraphicsTemplate.Card card) {
        return card == null ? 0 : card.durationMs();
    }

    /** Every rendition of a clip as its first encode makes it (a size cap's second pass lowers the bitrate). */
    public static List<RenditionRecipe> forClip(
            ProfileSet profiles, ClipPlan plan, SourceInfo info, RenderSettings settings) {
        return plan.getRenditions().stream()
                .map(profiles::rendition)
                .map(p -> new RenditionRecipe(
                        p,
                        RenditionTuning.firstEncoding(p, plan, info, settings),
                        plan,
                        info,
                        settings.draft(),
                        profiles))
                .toList();
    }

    public RenditionProfile profile() {
        return profile;
    }

    public VideoEncoding encoding() {
        return encoding;
    }

    /** What is drawn over the picture, and the cards before and after it. */
    public RenditionGraphics graphics() {
        return graphics;
    }

    /** The libavfilter chain (crop, scale, pad, pixel format) from a source frame to the rendition's frame. */
    public String filterChain() {
        return chain;
    }

    /** Whether the crop moves with the action; {@link #cropX} then says where. */
    public boolean pans() {
        return crop != null;
    }

    /** The crop's left edge, in source pixels, for the source frame shown from {@code sourceUs}. */
    public int cropX(long sourceUs) {
        if (crop == null) {
            throw new IllegalStateException(profile.name() + " does not pan");
        }
        return crop.x(sourceUs);
    }

    /** The segments in timeline order. */
    public List<Piece> pieces() {
        return timeline.spans().stream()
                .map(s -> new Piece(
                        s.role(),
                        s.sourceStartUs(),
                        timeline.sourceEndUs(s),
                        s.frames(),
                        s.firstOutputFrame(),
                        s.speed(),
                        key(s)))
                .toList();
    }

    /** The source moment output frame {@code k} of a piece shows (a little past it, see OutputTimeline). */
    public long sourceTimeUs(Piece piece, int k) {
        return timeline.sourceTimeUs(
                new Span(piece.role(), piece.sourceStartUs(), piece.frames(), piece.firstOutputFrame(), piece.speed()),
                k);
    }

    /** When output frame {@code frame} of the rendition is shown. */
    public long outputTimeUs(long frame) {
        return timeline.rate().frameTimeUs(frame);
    }

    /** Output frames of the intro card, before the first piece. */
    public int introFrames() {
        return timeline.introFrames();
    }

    /** Output frames of the outro card, after the last piece. */
    public int outroFrames() {
        return timeline.outroFrames();
    }

    /** Output frames in the rendition. */
    public long frames() {
        return timeline.frames();
    }

    /** Whether the profile's longest duration cut the clip short. */
    public boolean trimmed() {
        return timeline.trimmed();
    }

    /**
     * The stretches of source a clip's renditions need, each decoded once, as {@code [startUs, endUs)}: what the
     * renderer decodes for them.
     */
    public static List<long[]> decodeWindows(List<RenditionRecipe> recipes) {
        return DecodeWindows.of(recipes.stream().map(r -> r.timeline).toList()).windows();
    }

    OutputTimeline timeline() {
        return timeline;
    }

    CropTrack crop() {
        return crop;
    }

    /** The rendition's sound: cut from the source along the timeline, levelled and encoded to its profile. */
    public RenditionSound sound() {
        return sound;
    }

    /** Sample index at an output frame, computed from the start so rounding never accumulates. */
    public int samplesAt(long frame, int sampleRate) {
        return SoundCut.samplesAt(timeline.rate().frameTimeUs(frame), sampleRate);
    }

    /** What a segment's encoded packets are cached under. */
    String key(Span span) {
        return keys.of(span);
    }

    /**
     * The crop's left edge for output frame {@code k} of {@code span}: the edge the segment's key names, so the
     * one its frames are rendered with. Only for a rendition whose crop {@link #pans}.
     */
    int cropX(Span span, int k) {
        return keys.cropX(span, k);
    }

    /** What an intro or outro card's packets are cached under. */
    String cardKey(Overlay card, int frames) {
        return keys.card(card, frames);
    }
}

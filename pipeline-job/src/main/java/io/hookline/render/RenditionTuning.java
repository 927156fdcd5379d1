package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.profiles.RenditionProfile;
import io.hookline.profiles.VideoSpec;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.VideoEncoding;

/**
 * How one rendition is encoded: its video settings, and the corrections a failed check asked for. This is the
 * conformance policy: a check that fails on something a setting controls (the size cap, the loudness, the true
 * peak) gets one more pass with that setting corrected; any other failure fails the rendition.
 *
 * @param loudnessOffsetDb added to the loudness target, so the measured result lands on it
 * @param ceilingOffsetDb added to the true-peak ceiling the limiter aims at
 */
record RenditionTuning(VideoEncoding video, double loudnessOffsetDb, double ceilingOffsetDb) {

    /** The settings that fix what the report found, or null when no setting can. */
    RenditionTuning correctedFor(RenditionProfile p, ConformanceCheck.Report report) {
        if (report == null) {
            return null;
        }
        VideoEncoding v = video;
        double loudness = loudnessOffsetDb;
        double ceiling = ceilingOffsetDb;
        boolean fixable = false;
        if (p.hasSizeCap() && report.bytes() > p.sizeCapBytes()) {
            int kbps = video.bitrateKbps() > 0 ? video.bitrateKbps() : video.maxBitrateKbps();
            v = v.withBitrate((int) Math.max(MIN_VIDEO_KBPS, kbps * CAP_HEADROOM * p.sizeCapBytes() / report.bytes()));
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
        return fixable ? new RenditionTuning(v, loudness, ceiling) : null;
    }
    /** Room left under a size cap for container overhead and rate-control error. */
    private static final double CAP_HEADROOM = 0.92;

    private static final int MIN_VIDEO_KBPS = 150;
    /** The encoder's rate buffer, in seconds of its peak rate (see VideoEncoder). */
    private static final double VBV_SECONDS = 2;

    /** The first pass's settings: no corrections yet. */
    static RenditionTuning first(RenditionProfile p, ClipPlan plan, SourceInfo info, RenderSettings settings) {
        return new RenditionTuning(firstEncoding(p, plan, info, settings), 0, 0);
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
}

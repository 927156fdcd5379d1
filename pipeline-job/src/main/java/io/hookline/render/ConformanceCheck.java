package io.hookline.render;

import io.hookline.profiles.RenditionProfile;
import io.hookline.profiles.VideoSpec;
import io.hookline.render.analysis.AudioLevels;
import io.hookline.render.analysis.KWeightedLoudness;
import io.hookline.render.media.MediaProbe;
import io.hookline.render.media.VideoEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a written rendition against its profile, from what the file really is: codec, profile and level,
 * frame, frame rate and GOP, duration, audio, loudness, size, moov placement and edit lists. A platform
 * rejects a file for any of these, so each is checked after encoding, not assumed.
 */
final class ConformanceCheck {
    /** Loudness may miss its target by this much (EBU R128 practice: ±1 LU). */
    static final double LOUDNESS_TOLERANCE_LU = 1.0;

    private ConformanceCheck() {}

    /**
     * @param encoding what the rendition was encoded with (draft renditions are smaller than the profile)
     * @param levels the sound's loudness and true peak, measured on its encoded packets decoded again (the
     *     packets the file holds, so renditions sharing a sound are not each decoded once more)
     * @param expectedDurationMs the clip's planned length
     * @param sourceLufs the loudness of the source's sound before any gain: a sound the profile's gain cap kept
     *     under its target is delivered with a warning, since platforms take quiet sound and a missing clip is worse
     */
    static Report check(
            RenditionProfile p,
            VideoEncoding encoding,
            MediaProbe.Result probe,
            AudioLevels levels,
            long expectedDurationMs,
            double sourceLufs) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        VideoSpec v = p.video();
        expect(problems, "video codec", "h264", probe.videoCodec());
        // A profile is a ceiling: a stream that needs less (x264's fastest presets make baseline streams)
        // plays wherever the profile's does.
        if (profileRank(probe.videoProfile()) > profileRank(v.profile())) {
            problems.add("H.264 profile is " + probe.videoProfile() + ", above " + v.profile());
        }
        int level = (int) Math.round(Double.parseDouble(v.level()) * 10);
        if (probe.videoLevel() > level) {
            problems.add("H.264 level is " + probe.videoLevel() / 10.0 + ", above " + v.level());
        }
        if (probe.width() != encoding.width() || probe.height() != encoding.height()) {
            problems.add("frame is " + probe.width() + "x" + probe.height() + ", not " + encoding.width() + "x"
                    + encoding.height());
        }
        if (Math.abs(probe.fps() - encoding.fps()) > 0.01) {
            problems.add(String.format(Locale.ROOT, "frame rate is %.3f, not %.3f", probe.fps(), encoding.fps()));
        }
        if (probe.maxGopFrames() > encoding.gopFrames()) {
            problems.add("a GOP is " + probe.maxGopFrames() + " frames, longer than " + encoding.gopFrames());
        }
        long frameMs = Math.round(1000 / encoding.fps()) + 1;
        if (probe.durationMs() < p.minDurationMs() - frameMs || probe.durationMs() > p.maxDurationMs() + frameMs) {
            problems.add("duration " + probe.durationMs() + " ms is outside " + p.minDurationMs() + ".."
                    + p.maxDurationMs() + " ms");
        }
        if (Math.abs(probe.durationMs() - expectedDurationMs) > 2 * frameMs) {
            problems.add("duration " + probe.durationMs() + " ms, planned " + expectedDurationMs + " ms");
        }
        expect(problems, "audio codec", "aac", probe.audioCodec());
        if (probe.sampleRate() != p.audio().sampleRate()
                || probe.channels() != p.audio().channels()) {
            problems.add("audio is " + probe.sampleRate() + " Hz " + probe.channels() + " ch, not "
                    + p.audio().sampleRate() + " Hz " + p.audio().channels() + " ch");
        }
        double loudnessError = Double.NaN;
        if (levels.integratedLufs() > KWeightedLoudness.SILENCE) {
            loudnessError = levels.integratedLufs() - p.audio().loudnessLufs();
            boolean capped = p.audio().loudnessLufs() - sourceLufs > p.audio().maxGainDb();
            if (loudnessError < -LOUDNESS_TOLERANCE_LU && capped) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "warning: %s: loudness %.1f LUFS, under the %.1f target: the"
                                + " source is at %.1f LUFS and the gain is capped at +%.0f dB (audio.maxGainDb)",
                        p.name(),
                        levels.integratedLufs(),
                        p.audio().loudnessLufs(),
                        sourceLufs,
                        p.audio().maxGainDb()));
                loudnessError = Double.NaN;
            } else if (Math.abs(loudnessError) > LOUDNESS_TOLERANCE_LU) {
                problems.add(String.format(
                        Locale.ROOT,
                        "loudness %.1f LUFS, target %.1f",
                        levels.integratedLufs(),
                        p.audio().loudnessLufs()));
            }
            if (levels.truePeakDbtp() > p.audio().truePeakDbtp()) {
                problems.add(String.format(
                        Locale.ROOT,
                        "true peak %.1f dBTP, over the %.1f ceiling",
                        levels.truePeakDbtp(),
                        p.audio().truePeakDbtp()));
            }
        }
        if (p.hasSizeCap() && probe.bytes() > p.sizeCapBytes()) {
            problems.add("file is " + probe.bytes() + " bytes, over the " + p.sizeCapBytes() + "-byte cap");
        }
        if (p.container().moovFirst() && !probe.moovBeforeMdat()) {
            problems.add("moov is not before mdat");
        }
        if (!p.container().editLists() && probe.editLists()) {
            problems.add("the file has edit lists");
        }
        return new Report(problems, warnings, probe.bytes(), loudnessError, levels.truePeakDbtp());
    }

    /** Baseline (constrained too) < main < high < anything beyond. */
    static int profileRank(String profile) {
        String p = profile.toLowerCase(Locale.ROOT);
        if (p.contains("baseline")) {
            return 0;
        }
        if (p.equals("main")) {
            return 1;
        }
        return p.equals("high") ? 2 : 3;
    }

    private static void expect(List<String> problems, String what, String wanted, String actual) {
        if (!wanted.equals(actual)) {
            problems.add(what + " is " + actual + ", not " + wanted);
        }
    }

    /**
     * What the check found.
     *
     * @param warnings what the clip is delivered with but should be known (a quiet source)
     * @param loudnessErrorLu measured minus target, NaN for silence or a quiet source the gain cap held under it
     */
    record Report(
            List<String> problems, List<String> warnings, long bytes, double loudnessErrorLu, double truePeakDbtp) {
        boolean passes() {
            return problems.isEmpty();
        }
    }
}

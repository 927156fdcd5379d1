package io.hookline.render.sound;

import io.hookline.profiles.AudioSpec;
import io.hookline.render.analysis.AudioLevels;
import io.hookline.render.analysis.KWeightedLoudness;
import io.hookline.render.media.AudioDecoder;
import io.hookline.render.media.AudioEncoder;
import io.hookline.render.media.EncodedStream;
import io.hookline.render.media.PcmResampler;
import io.hookline.render.media.TruePeak;
import io.hookline.render.media.WindowedPcm;
import java.util.Arrays;
import java.util.List;

/**
 * A rendition's sound: cut from the decoded source along its {@link SoundCut}, brought to its profile's loudness
 * under its true-peak ceiling, and encoded in its profile's format.
 */
public final class RenditionSound {
    /** Encoded sound is kept this far under the ceiling, for the resampling a player or a check does. */
    private static final double PEAK_GUARD_DB = 0.3;

    private static final int PEAK_ROUNDS = 3;
    private static final double FADE_S = 0.005;

    private final String rendition;
    private final AudioSpec spec;
    private final boolean editLists;
    private final SoundCut cut;

    /**
     * @param rendition the rendition's name, for messages
     * @param editLists whether the container's edit lists trim the encoder's priming samples
     */
    public RenditionSound(String rendition, AudioSpec spec, boolean editLists, SoundCut cut) {
        this.rendition = rendition;
        this.spec = spec;
        this.editLists = editLists;
        this.cut = cut;
    }

    public String rendition() {
        return rendition;
    }

    public AudioSpec spec() {
        return spec;
    }

    /**
     * The sound, cut out of the decoded stretches in order, in the rendition's channels (a mono
     * downmix sums the two sides) at the decoded rate.
     */
    public float[][] samples(WindowedPcm pcm) {
        int total = SoundCut.samplesAt(cut.durationUs(), pcm.sampleRate());
        float[][] samples = new float[pcm.channels()][total];
        for (SoundCut.Stretch stretch : cut.stretches()) {
            int from = SoundCut.samplesAt(stretch.outputStartUs(), pcm.sampleRate());
            int to = SoundCut.samplesAt(stretch.outputEndUs(), pcm.sampleRate());
            pcm.copy(stretch.sourceStartUs(), to - from, samples, from);
            // Each stretch fades in and out over a few milliseconds: a hard cut in the sound is a click, and
            // an encoder turns a click into a peak far over the limiter's ceiling.
            fade(samples, from, to - from, pcm.sampleRate());
        }
        float[][] mixed = PcmResampler.convert(samples, total, pcm.sampleRate(), spec.channels(), pcm.sampleRate());
        return copyOf(mixed, Math.min(total, mixed[0].length));
    }

    /** Renditions with equal levelling keys cut the same sound out of the source, before its loudness is set. */
    Object levellingKey() {
        return List.of(cut, spec.channels());
    }

    /** The sound, measured for levelling: the same for every rendition with this {@link #levellingKey}. */
    LoudnessNormalizer.Measured measured(WindowedPcm pcm) {
        float[][] mixed = samples(pcm);
        return LoudnessNormalizer.measure(mixed, mixed[0].length);
    }

    /**
     * The sound brought to the profile's loudness, converted to the profile's format and encoded,
     * with the loudness of the encode as a listener hears it. Renditions whose {@link #key} is equal get the
     * same sound.
     *
     * @param mixed this rendition's {@link #measured} sound, at the rate the K-weighting is defined for: loudness
     *     is measured and limited there, and the rate changes last
     * @param loudnessOffsetDb added to the loudness target, so a measured result lands on it
     * @param ceilingOffsetDb added to the true-peak ceiling the limiter aims at
     */
    EncodedSound encode(LoudnessNormalizer.Measured mixed, double loudnessOffsetDb, double ceilingOffsetDb) {
        int mixedCount = mixed.count();
        int count = SoundCut.samplesAt(cut.durationUs(), spec.sampleRate());
        boolean withoutEditList = !editLists;
        double ceiling = spec.truePeakDbtp() + ceilingOffsetDb;
        for (int round = 1; ; round++) {
            float[][] levelled = LoudnessNormalizer.normalized(
                    mixed, spec.loudnessLufs() + loudnessOffsetDb, ceiling, spec.maxGainDb());
            float[][] converted = PcmResampler.convert(
                    levelled, mixedCount, KWeightedLoudness.RATE, spec.channels(), spec.sampleRate());
            EncodedStream encoded = AudioEncoder.encode(
                    converted,
                    Math.min(count, converted[0].length),
                    spec.sampleRate(),
                    spec.bitrateKbps(),
                    withoutEditList);
            // AAC at low bitrates can lift peaks past the limiter's margin: hear the encode, and limit harder
            // by what it overshot.
            float[][] heard = AudioDecoder.decode(encoded, spec.channels());
            AudioLevels levels = AudioLevels.of(heard, heard[0].length, spec.sampleRate());
            double over = levels.truePeakDbtp() - (spec.truePeakDbtp() - PEAK_GUARD_DB);
            if (over <= 0 || round == PEAK_ROUNDS) {
                return new EncodedSound(encoded, levels, ceiling, mixed.integratedLufs());
            }
            encoded.close();
            // The limiter acts only above its ceiling: start from the peak it let through, or it would not act.
            ceiling = Math.min(ceiling, TruePeak.dbtp(levelled, mixedCount)) - over - PEAK_GUARD_DB;
        }
    }

    /**
     * An encoded sound and its levels, measured on the decoded packets, which are the ones the file holds.
     *
     * @param ceilingDbtp the true-peak ceiling the limiter aimed at for it (lower than asked when AAC lifted peaks)
     * @param sourceLufs the loudness of the sound as cut from the source, before any gain
     */
    public record EncodedSound(EncodedStream stream, AudioLevels levels, double ceilingDbtp, double sourceLufs)
            implements AutoCloseable {
        @Override
        public void close() {
            stream.close();
        }
    }

    private static void fade(float[][] samples, int from, int length, int sampleRate) {
        int ramp = Math.min(length / 2, (int) (FADE_S * sampleRate));
        for (float[] channel : samples) {
            for (int i = 0; i < ramp; i++) {
                float g = (i + 0.5f) / ramp;
                channel[from + i] *= g;
                channel[from + length - 1 - i] *= g;
            }
        }
    }

    private static float[][] copyOf(float[][] pcm, int count) {
        float[][] copy = new float[pcm.length][];
        for (int c = 0; c < pcm.length; c++) {
            copy[c] = Arrays.copyOf(pcm[c], count);
        }
        return copy;
    }

    /** Renditions sharing an audio setting, a cut and the loudness corrections share one AAC encode. */
    public Object key(double loudnessOffsetDb, double ceilingOffsetDb) {
        return new AudioKey(spec, cut, loudnessOffsetDb, ceilingOffsetDb, editLists);
    }

    private record AudioKey(
            AudioSpec spec, SoundCut cut, double loudnessOffsetDb, double ceilingOffsetDb, boolean editLists) {}
}

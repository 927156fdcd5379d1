package io.hookline.render.media;

/**
 * True peak (ITU-R BS.1770 annex 2): the signal is oversampled four times, so peaks between samples, the
 * ones a decoder or a loudspeaker actually produces, are seen.
 */
public final class TruePeak {
    public static final int OVERSAMPLING = 4;

    private TruePeak() {}

    /** The oversampled signal's absolute value, the largest over channels, per original sample. */
    public static float[] envelope(float[][] pcm, int count, int rate) {
        float[][] up = PcmResampler.convert(pcm, count, rate, pcm.length, rate * OVERSAMPLING);
        float[] envelope = new float[count];
        for (float[] channel : up) {
            for (int i = 0; i < Math.min(channel.length, count * OVERSAMPLING); i++) {
                int n = i / OVERSAMPLING;
                envelope[n] = Math.max(envelope[n], Math.abs(channel[i]));
            }
        }
        return envelope;
    }

    /** The true peak in dBTP; -inf for silence. */
    public static double dbtp(float[][] pcm, int count, int rate) {
        float max = 0;
        for (float v : envelope(pcm, count, rate)) {
            max = Math.max(max, v);
        }
        return 20 * Math.log10(max);
    }
}

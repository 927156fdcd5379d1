package io.hookline.render.media;

/** Converts a whole planar float buffer to another sample rate and channel count. */
public final class PcmResampler {

    private PcmResampler() {}

    public static float[][] convert(float[][] in, int count, int inRate, int outChannels, int outRate) {
        if (inRate == outRate && in.length == outChannels) {
            return in;
        }
        int capacity = (int) ((long) count * outRate / inRate) + 4096;
        float[][] out = new float[outChannels][capacity];
        int length = 0;
        try (AudioConverter converter = AudioConverter.fromPlanarFloat(in.length, inRate, outChannels, outRate)) {
            length = append(out, length, converter.convert(in, 0, count));
            length = append(out, length, converter.convert((org.bytedeco.javacpp.Pointer[]) null, 0));
        }
        float[][] trimmed = new float[outChannels][];
        for (int c = 0; c < outChannels; c++) {
            trimmed[c] = java.util.Arrays.copyOf(out[c], length);
        }
        return trimmed;
    }

    private static int append(float[][] out, int at, AudioConverter.Converted part) {
        int n = Math.min(part.count(), out[0].length - at);
        for (int c = 0; c < out.length; c++) {
            System.arraycopy(part.planes()[c], 0, out[c], at, n);
        }
        return at + n;
    }
}

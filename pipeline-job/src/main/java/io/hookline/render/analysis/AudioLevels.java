package io.hookline.render.analysis;

import io.hookline.render.media.PcmBuffer;
import io.hookline.render.media.PcmResampler;
import io.hookline.render.media.SourceReader;
import io.hookline.render.media.TruePeak;

/**
 * The loudness of rendered sound as a listener hears it: the encoded audio decoded again and measured
 * (integrated loudness per ITU-R BS.1770, true peak), so a conformance check judges what was encoded, not the
 * plan.
 *
 * @param integratedLufs the integrated loudness; {@link KWeightedLoudness#SILENCE} for silence
 * @param truePeakDbtp the true peak; -infinity for silence
 */
public record AudioLevels(double integratedLufs, double truePeakDbtp) {

    public static AudioLevels of(String file) {
        try (SourceReader reader = SourceReader.open(file, 1)) {
            long durationUs = reader.info().durationMs() * 1000;
            PcmBuffer pcm = new PcmBuffer(
                    SourceReader.PCM_RATE,
                    SourceReader.PCM_CHANNELS,
                    (int) (durationUs * SourceReader.PCM_RATE / 1_000_000) + SourceReader.PCM_RATE);
            reader.decodeWindow(0, durationUs, null, pcm);
            int count = (int) (durationUs * SourceReader.PCM_RATE / 1_000_000);
            float[][] samples = new float[pcm.channels()][count];
            pcm.copy(0, count, samples, 0);
            return measured(samples, count);
        }
    }

    /** The levels of decoded sound, heard the same way as a file's: as 48 kHz stereo. */
    public static AudioLevels of(float[][] pcm, int count, int rate) {
        float[][] heard = PcmResampler.convert(pcm, count, rate, SourceReader.PCM_CHANNELS, SourceReader.PCM_RATE);
        return measured(heard, heard[0].length);
    }

    private static AudioLevels measured(float[][] samples, int count) {
        return new AudioLevels(KWeightedLoudness.integrated(samples, count), TruePeak.dbtp(samples, count));
    }
}

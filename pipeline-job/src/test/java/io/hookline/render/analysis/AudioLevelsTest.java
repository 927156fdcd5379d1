package io.hookline.render.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loudness and true peak Hookline measures, against FFmpeg's own meter (the ebur128 filter of the ffmpeg
 * program JavaCV ships) on the same samples: a steady tone, and noise with loud bursts and near-silence, which
 * exercises both gates; and the true peak of a tone whose peaks fall between samples, against the wave itself.
 */
class AudioLevelsTest {
    private static final int RATE = 48_000;
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[\\d.]+) LUFS");
    private static final Pattern PEAK = Pattern.compile("Peak:\\s+(-?[\\d.]+|-inf) dBFS");

    @TempDir
    Path dir;

    @Test
    void aSteadyToneMeasuresAsFfmpegMeasuresIt() throws Exception {
        float[][] pcm = tone(997, 0.1, 0, 10);
        assertMeasuresLikeFfmpeg(pcm, "tone");
    }

    @Test
    void aPeakBetweenSamplesIsSeen() throws Exception {
        // A quarter of the rate, 45 degrees off: every sample reads 0.354 (-9.0 dBFS), the wave peaks at 0.5
        // (-6.0 dBTP). Checked against the wave itself: FFmpeg's meter reads this one 0.6 dB high.
        float[][] pcm = tone(RATE / 4.0, 0.5, Math.PI / 4, 5);
        AudioLevels levels = AudioLevels.of(pcm, pcm[0].length, RATE);
        assertThat(levels.truePeakDbtp()).isCloseTo(20 * Math.log10(0.5), within(0.2));
    }

    @Test
    void noiseWithBurstsAndQuietStretchesMeasuresAsFfmpegMeasuresIt() throws Exception {
        Random random = new Random(7);
        int count = RATE * 20;
        float[][] pcm = new float[2][count];
        for (int i = 0; i < count; i++) {
            double second = i / (double) RATE;
            // A crowd murmur, two roars, and three seconds the relative gate should leave out.
            double level = second > 14 && second < 17 ? 0.002 : second % 6 < 1.5 ? 0.6 : 0.08;
            for (float[] channel : pcm) {
                channel[i] = (float) (level * random.nextGaussian() / 3);
            }
        }
        assertMeasuresLikeFfmpeg(pcm, "bursts");
    }

    private void assertMeasuresLikeFfmpeg(float[][] pcm, String name) throws Exception {
        AudioLevels ours = AudioLevels.of(pcm, pcm[0].length, RATE);
        double[] ffmpeg = ffmpegLevels(writeWav(pcm, dir.resolve(name + ".wav")));
        assertThat(ours.integratedLufs()).as("integrated loudness of %s", name).isCloseTo(ffmpeg[0], within(0.15));
        assertThat(ours.truePeakDbtp()).as("true peak of %s", name).isCloseTo(ffmpeg[1], within(0.25));
    }

    private static float[][] tone(double hz, double amplitude, double phase, int seconds) {
        float[][] pcm = new float[2][RATE * seconds];
        for (int i = 0; i < pcm[0].length; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE + phase));
            pcm[0][i] = v;
            pcm[1][i] = v;
        }
        return pcm;
    }

    /** 32-bit float WAV, stereo at 48 kHz. */
    private static Path writeWav(float[][] pcm, Path file) throws IOException {
        int count = pcm[0].length;
        int data = count * 2 * 4;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 3)
                .putShort((short) 2)
                .putInt(RATE)
                .putInt(RATE * 2 * 4)
                .putShort((short) 8)
                .putShort((short) 32);
        b.put("data".getBytes()).putInt(data);
        for (int i = 0; i < count; i++) {
            b.putFloat(pcm[0][i]).putFloat(pcm[1][i]);
        }
        Files.write(file, b.array());
        return file;
    }

    /** {integrated LUFS, true peak dBTP} as FFmpeg's ebur128 filter reports them. */
    private static double[] ffmpegLevels(Path wav) throws Exception {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        ProcessBuilder command = new ProcessBuilder(
                ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-i",
                wav.toString(),
                "-af",
                "ebur128=peak=true",
                "-f",
                "null",
                "-");
        command.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        Process p = command.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        String summary = output.substring(output.lastIndexOf("Summary:"));
        Matcher integrated = INTEGRATED.matcher(summary);
        Matcher peak = PEAK.matcher(summary);
        assertThat(integrated.find() && peak.find()).as(summary).isTrue();
        return new double[] {Double.parseDouble(integrated.group(1)), Double.parseDouble(peak.group(1))};
    }
}

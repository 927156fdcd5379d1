package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.media.MediaProbe;
import io.hookline.storage.LocalClipStore;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardest case for a size cap: a long clip whose every pixel changes every frame (noise compresses worst of
 * all). The WhatsApp rendition must still come out whole and under 16 MB at the first try or the corrected
 * second, never by failing.
 */
class WhatsAppSizeCapTest {
    private static final long CLIP_MS = 90_000;

    @Test
    void aLongBusyClipStaysUnderSixteenMegabytes(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("busy.mp4");
        writeNoise(source, CLIP_MS / 1000 + 2);
        ProfileSet profiles = ProfileLoader.loadBundled();
        RenditionProfile whatsapp = profiles.rendition("whatsapp");
        FfmpegClipRenderer renderer = new FfmpegClipRenderer(
                profiles,
                source.toString(),
                new LocalClipStore(dir.resolve("out")),
                RenderSettings.defaults(),
                SegmentCache.NONE);

        RenderedClip clip = renderer.render(FfmpegClipRendererTest.plan(
                "c-busy", List.of(new Segment(SegmentRole.body, 0L, CLIP_MS, 1.0)), List.of("whatsapp")));

        Rendition r = clip.getRenditions().get(0);
        assertThat(r.getStatus()).as(String.valueOf(r.getError())).isEqualTo(RenditionStatus.ok);
        MediaProbe.Result probe = MediaProbe.probe(dir.resolve("out/m").resolve(r.getPath()));
        System.out.printf(
                "whatsapp: %.1f s of noise in %.2f MB (cap %.0f MB)%n",
                probe.durationMs() / 1000.0, probe.bytes() / 1e6, whatsapp.sizeCapBytes() / 1e6);
        assertThat(probe.bytes()).isLessThan(whatsapp.sizeCapBytes());
        assertThat(probe.durationMs()).isGreaterThanOrEqualTo(CLIP_MS);
        // The cap is met by spending it, not by starving the picture.
        assertThat(probe.bytes()).isGreaterThan(whatsapp.sizeCapBytes() / 2);
    }

    /** Grey noise changing every pixel of every frame, with pink noise for sound, from the ffmpeg JavaCV ships. */
    private static void writeNoise(Path file, long seconds) throws Exception {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        ProcessBuilder command = new ProcessBuilder(
                ffmpeg,
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "color=c=gray:s=480x270:r=25,noise=alls=100:allf=t+u",
                "-f",
                "lavfi",
                "-i",
                "anoisesrc=color=pink:amplitude=0.5:r=48000",
                "-t",
                Long.toString(seconds),
                "-ac",
                "2",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-crf",
                "30",
                "-g",
                "50",
                "-c:a",
                "aac",
                "-b:a",
                "96k",
                file.toString());
        // The program's libraries are extracted next to it.
        command.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        Process p = command.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }
}

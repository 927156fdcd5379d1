package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.RenditionProfile;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.VideoEncoding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a size cap shapes the first encode: quality-driven (CRF under the peak rate) when the peak rate for the
 * whole clip fits under the cap, a bitrate the cap allows only when it does not.
 */
class SizeCapBitrateTest {
    private static final SourceInfo SOURCE =
            new SourceInfo("match.mp4", "match.mp4|1|1", 600_000, 1920, 1080, 50, "h264", 2, 48_000);
    private static ProfileSet profiles;

    @BeforeAll
    static void load() throws Exception {
        profiles = ProfileLoader.loadBundled();
    }

    @Test
    void aCapThePeakRateCannotBreakLeavesQualityInCharge() {
        // TikTok's 4 GB: at 8 Mb/s a 30 s clip is 30 MB.
        assertThat(encoding("tiktok", 30_000).bitrateKbps()).isZero();
        // WhatsApp's 16 MB: 60 s at its 1.5 Mb/s peak, with the sound, is about 12 MB.
        assertThat(encoding("whatsapp", 60_000).bitrateKbps()).isZero();
    }

    @Test
    void aCapThatBindsSetsTheBitrateItAllows() {
        RenditionProfile whatsapp = profiles.rendition("whatsapp");
        VideoEncoding e = encoding("whatsapp", 90_000);

        assertThat(e.bitrateKbps()).isPositive().isLessThan(whatsapp.video().maxBitrateKbps());
        double bytes = (e.bitrateKbps() + whatsapp.audio().bitrateKbps()) * 1000.0 * 90 / 8;
        assertThat(bytes).isLessThan(whatsapp.sizeCapBytes()).isGreaterThan(whatsapp.sizeCapBytes() * 0.8);
    }

    private VideoEncoding encoding(String profile, long clipMs) {
        return RenditionTuning.firstEncoding(
                profiles.rendition(profile),
                FfmpegClipRendererTest.plan(
                        "c", List.of(new Segment(SegmentRole.body, 10_000L, 10_000L + clipMs, 1.0)), List.of(profile)),
                SOURCE,
                RenderSettings.defaults());
    }
}

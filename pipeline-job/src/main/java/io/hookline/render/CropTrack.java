package io.hookline.render;

import io.hookline.model.MediaSignals;
import io.hookline.profiles.CameraMotion;
import io.hookline.planning.CropPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a panning crop sits at each source frame of the stretches a clip decodes. It is planned per stretch
 * of source, not per segment, so the hook and the body show the same framing of the same moment, and each
 * source frame is still filtered once.
 */
final class CropTrack {
    private final FrameGeometry.CropBox box;
    private final int srcWidth;
    private final double srcFps;
    private final List<long[]> windows = new ArrayList<>();
    private final List<double[]> centres = new ArrayList<>();

    CropTrack(FrameGeometry.CropBox box, int srcWidth, double srcFps) {
        this.box = box;
        this.srcWidth = srcWidth;
        this.srcFps = srcFps;
    }

    static CropTrack plan(FrameGeometry.CropBox box, int srcWidth, double srcFps, List<long[]> windows,
            List<MediaSignals> media, CameraMotion camera) {
        CropTrack track = new CropTrack(box, srcWidth, srcFps);
        for (long[] w : windows) {
            int frames = (int) Math.ceil((w[1] - w[0]) * srcFps / 1_000_000) + 1;
            track.windows.add(w);
            track.centres.add(CropPath.plan(media, w[0] / 1000, frames, srcFps, box.width() / (double) srcWidth,
                    0.5, camera));
        }
        return track;
    }

    /** The crop's left edge, in source pixels, for the frame shown from {@code sourceUs}. */
    int x(long sourceUs) {
        for (int i = 0; i < windows.size(); i++) {
            long[] w = windows.get(i);
            if (sourceUs >= w[0] - 1_000_000 && sourceUs < w[1] + 1_000_000) {
                double[] c = centres.get(i);
                int k = (int) Math.max(0, Math.min(c.length - 1, Math.round((sourceUs - w[0]) * srcFps / 1_000_000)));
                return box.xFor(c[k], srcWidth);
            }
        }
        return box.x();
    }
}

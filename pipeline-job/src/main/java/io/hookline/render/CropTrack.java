package io.hookline.render;

import io.hookline.model.MediaSignals;
import io.hookline.planning.CropPath;
import io.hookline.profiles.CameraMotion;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a panning crop sits at each source frame around a clip's plays. It is planned over each play's
 * measured stretch of video, not per segment or per clip, so a moment is framed the same in the hook, the
 * body and any compilation that shows it: each source frame is filtered once, and an encoded segment can be
 * reused by every clip that shows the same stretch.
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

    static CropTrack plan(
            FrameGeometry.CropBox box, int srcWidth, double srcFps, List<MediaSignals> media, CameraMotion camera) {
        CropTrack track = new CropTrack(box, srcWidth, srcFps);
        for (MediaSignals m : media) {
            long startUs = m.getTrackStartMs() * 1000;
            long endUs = startUs + m.getTrackX().size() * 1_000_000L / Math.max(1, m.getTrackHz());
            int frames = (int) Math.ceil((endUs - startUs) * srcFps / 1_000_000) + 1;
            track.windows.add(new long[] {startUs, endUs});
            track.centres.add(CropPath.plan(
                    List.of(m), startUs / 1000, frames, srcFps, box.width() / (double) srcWidth, 0.5, camera));
        }
        return track;
    }

    /**
     * The crop's left edge, in source pixels, for the source frame that starts at {@code sourceUs}, or that an
     * output frame sampling {@code sourceUs} shows (the one on screen a tolerance later). All such times of a
     * frame give its edge, so renditions at any frame rate agree on a source frame's crop and share its picture.
     */
    int x(long sourceUs) {
        // Source frames lie on the grid of the source's rate, their starts rounded to the microsecond: the half
        // microsecond takes a start rounded down as its own frame, the tolerance an output frame's sample time.
        long frame = (long) Math.floor((sourceUs + OutputTimeline.TOLERANCE_US + 0.5) * srcFps / 1_000_000);
        double frameUs = frame * 1_000_000 / srcFps;
        for (int i = 0; i < windows.size(); i++) {
            long[] w = windows.get(i);
            if (frameUs >= w[0] && frameUs < w[1]) {
                double[] c = centres.get(i);
                int k = (int) Math.max(0, Math.min(c.length - 1, Math.round((frameUs - w[0]) * srcFps / 1_000_000)));
                return box.xFor(c[k], srcWidth);
            }
        }
        return box.x();
    }
}

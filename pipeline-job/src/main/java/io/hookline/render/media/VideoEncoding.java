package io.hookline.render.media;

/**
 * Everything the H.264 encoder is told. Two segments encoded with equal settings produce streams that
 * can be joined by packet copy: each starts on an IDR frame and every GOP is closed.
 *
 * @param fpsNum frame rate numerator (the time base is its inverse)
 * @param level H.264 level as written, e.g. "4.2"
 * @param gopFrames keyframe interval in frames
 * @param crf quality target, used when {@code bitrateKbps} is 0
 * @param bitrateKbps average bitrate target when a size cap applies, else 0
 * @param maxBitrateKbps VBV peak rate
 * @param threads encoder threads
 * @param bframes whether B-frames may be used; without them decode order is display order, so an MP4 needs
 *     no edit list to start on its first frame
 */
public record VideoEncoding(
        int width,
        int height,
        int fpsNum,
        int fpsDen,
        String profile,
        String level,
        int gopFrames,
        String preset,
        int crf,
        int bitrateKbps,
        int maxBitrateKbps,
        int threads,
        boolean bframes) {

    public double fps() {
        return fpsNum / (double) fpsDen;
    }

    public VideoEncoding withBitrate(int kbps) {
        return new VideoEncoding(
                width,
                height,
                fpsNum,
                fpsDen,
                profile,
                level,
                gopFrames,
                preset,
                crf,
                kbps,
                maxBitrateKbps,
                threads,
                bframes);
    }

    public VideoEncoding withThreads(int count) {
        return new VideoEncoding(
                width,
                height,
                fpsNum,
                fpsDen,
                profile,
                level,
                gopFrames,
                preset,
                crf,
                bitrateKbps,
                maxBitrateKbps,
                count,
                bframes);
    }
}

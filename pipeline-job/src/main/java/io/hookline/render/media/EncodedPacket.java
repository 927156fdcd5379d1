package io.hookline.render.media;

/** One compressed packet held in memory, with timestamps in its stream's time base. */
public record EncodedPacket(byte[] data, long pts, long dts, long duration, boolean keyframe) {

    /** The same packet moved along the timeline. */
    EncodedPacket shifted(long offset) {
        return new EncodedPacket(data, pts + offset, dts + offset, duration, keyframe);
    }
}

package io.hookline.ingest.video;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The live edge of an MPEG-TS file still being written: the last video frame wholly in the file, read from the
 * PES headers of its tail, measured from its first video frame. PTS are 33-bit and wrap every 26.5 hours, so
 * times are compared modulo 2^33: a recording that crosses the wrap keeps growing.
 */
final class TsTail implements GrowingFileVideo.Clock {
    /** The PAT, the PMT and the first frame are at the start of a TS file written from the beginning. */
    private static final int HEAD_BYTES = 1 << 20;
    /** Enough for several frames of any broadcast bitrate, so the tail holds at least two PES starts. */
    private static final int TAIL_BYTES = 4 << 20;

    private static final long TICKS_PER_MS = 90;

    private final String file;
    private int videoPid = -1;
    private long firstTicks;
    /** How far past the first frame the edge is, in ticks (never wrapped). */
    private long coveredTicks;

    TsTail(String file) {
        this.file = file;
    }

    @Override
    public long coveredMs(FileChannel channel, long size) throws IOException {
        if (videoPid < 0) {
            byte[] head = GrowingFileVideo.read(channel, 0, (int) Math.min(size, HEAD_BYTES));
            String problem = head.length >= SegmentCheck.TS_PACKET ? SegmentCheck.tsProblem(head) : null;
            if (problem != null) {
                throw new UnusableVideoException(file + " is not an MPEG-TS file: it " + problem);
            }
            OptionalInt pid = TsClock.videoPid(head);
            List<Long> times = pid.isPresent() ? TsClock.presentationTimes(head, pid.getAsInt()) : List.of();
            if (times.isEmpty()) {
                return 0;
            }
            videoPid = pid.getAsInt();
            firstTicks = times.get(0);
        }
        // Read from a packet boundary: the file is packets of 188 bytes from its first byte.
        long from = Math.max(0, size - TAIL_BYTES) / SegmentCheck.TS_PACKET * SegmentCheck.TS_PACKET;
        OptionalLong last = TsClock.lastCompleteTime(
                GrowingFileVideo.read(channel, from, (int) (size - from)), videoPid, firstTicks);
        if (last.isPresent()) {
            coveredTicks = Math.max(coveredTicks, last.getAsLong());
        }
        return coveredTicks / TICKS_PER_MS;
    }
}

package io.hookline.ingest.video;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the video presentation times of MPEG-TS bytes without a demuxer: the video PID from the PAT and PMT,
 * and the PTS in the PES headers of that PID (ISO/IEC 13818-1). Times are in 90 kHz ticks.
 */
final class TsClock {
    static final long PTS_WRAP = 1L << 33;
    private static final int PACKET = SegmentCheck.TS_PACKET;
    /** MPEG-1/2 video, MPEG-4 part 2, H.264, H.265, H.266. */
    private static final int[] VIDEO_TYPES = {0x01, 0x02, 0x10, 0x1B, 0x24, 0x33};

    private TsClock() {}

    /** The PID of the first video stream the first program map lists. */
    static OptionalInt videoPid(byte[] data) {
        int pmtPid = -1;
        for (int at = 0; at + PACKET <= data.length; at += PACKET) {
            int payload = payloadStart(data, at);
            if (payload < 0 || !unitStart(data, at)) {
                continue;
            }
            int section = payload + 1 + (data[payload] & 0xFF);
            int pid = pid(data, at);
            if (pid == 0 && pmtPid < 0 && section + 12 <= at + PACKET) {
                pmtPid = firstProgramMap(data, section, at + PACKET);
            } else if (pid == pmtPid && section + 12 <= at + PACKET) {
                return videoStream(data, section, at + PACKET);
            }
        }
        return OptionalInt.empty();
    }

    /** The PTS of every PES that starts in the data on {@code pid}, in file order. */
    static List<Long> presentationTimes(byte[] data, int pid) {
        List<Long> times = new ArrayList<>();
        for (int at = 0; at + PACKET <= data.length; at += PACKET) {
            int p = payloadStart(data, at);
            if (p < 0 || !unitStart(data, at) || pid(data, at) != pid || p + 14 > at + PACKET) {
                continue;
            }
            boolean pesStart = data[p] == 0 && data[p + 1] == 0 && data[p + 2] == 1;
            if (pesStart && (data[p + 7] & 0x80) != 0) {
                times.add(pts(data, p + 9));
            }
        }
        return times;
    }

    /**
     * How far the latest frame wholly in the data is after {@code originTicks}, across a PTS wrap: every PES but
     * the last counts, as the last may still be being written (the one after it is what closes it).
     */
    static OptionalLong lastCompleteTime(byte[] data, int pid, long originTicks) {
        List<Long> times = presentationTimes(data, pid);
        return times.subList(0, Math.max(0, times.size() - 1)).stream()
                .mapToLong(t -> ticksAfter(t, originTicks))
                .max();
    }

    /**
     * How far a PTS is after an origin. PTS count modulo 2^33 (26.5 hours at 90 kHz): a time that seems to be
     * far before the origin is after it, past the wrap; one within half the range before it is before it.
     */
    static long ticksAfter(long pts, long originTicks) {
        long ahead = Math.floorMod(pts - originTicks, PTS_WRAP);
        return ahead < PTS_WRAP / 2 ? ahead : ahead - PTS_WRAP;
    }

    private static int firstProgramMap(byte[] data, int section, int end) {
        int length = ((data[section + 1] & 0x0F) << 8) | (data[section + 2] & 0xFF);
        int last = Math.min(end, section + 3 + length - 4);
        for (int entry = section + 8; entry + 4 <= last; entry += 4) {
            int program = ((data[entry] & 0xFF) << 8) | (data[entry + 1] & 0xFF);
            if (program != 0) {
                return ((data[entry + 2] & 0x1F) << 8) | (data[entry + 3] & 0xFF);
            }
        }
        return -1;
    }

    private static OptionalInt videoStream(byte[] data, int section, int end) {
        int length = ((data[section + 1] & 0x0F) << 8) | (data[section + 2] & 0xFF);
        int last = Math.min(end, section + 3 + length - 4);
        int infoLength = ((data[section + 10] & 0x0F) << 8) | (data[section + 11] & 0xFF);
        for (int entry = section + 12 + infoLength; entry + 5 <= last; ) {
            int type = data[entry] & 0xFF;
            int pid = ((data[entry + 1] & 0x1F) << 8) | (data[entry + 2] & 0xFF);
            for (int video : VIDEO_TYPES) {
                if (type == video) {
                    return OptionalInt.of(pid);
                }
            }
            entry += 5 + (((data[entry + 3] & 0x0F) << 8) | (data[entry + 4] & 0xFF));
        }
        return OptionalInt.empty();
    }

    /** Where the payload of the packet at {@code at} starts, or -1 when it has none. */
    static int payloadStart(byte[] data, int at) {
        if (data[at] != 0x47) {
            return -1;
        }
        int control = (data[at + 3] >> 4) & 0x3;
        if ((control & 0x1) == 0) {
            return -1;
        }
        int start = (control & 0x2) != 0 ? at + 5 + (data[at + 4] & 0xFF) : at + 4;
        return start < at + PACKET ? start : -1;
    }

    static boolean unitStart(byte[] data, int at) {
        return (data[at + 1] & 0x40) != 0;
    }

    static int pid(byte[] data, int at) {
        return ((data[at + 1] & 0x1F) << 8) | (data[at + 2] & 0xFF);
    }

    /** A 33-bit time stamp of a PES header (PTS or DTS) at {@code at}. */
    static long pts(byte[] data, int at) {
        return ((data[at] & 0x0EL) << 29)
                | ((data[at + 1] & 0xFFL) << 22)
                | ((data[at + 2] & 0xFEL) << 14)
                | ((data[at + 3] & 0xFFL) << 7)
                | ((data[at + 4] & 0xFEL) >> 1);
    }
}

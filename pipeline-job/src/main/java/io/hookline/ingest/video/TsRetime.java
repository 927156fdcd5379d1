package io.hookline.ingest.video;

/**
 * Moves every time stamp of MPEG-TS bytes by the same amount: the PTS and DTS of each PES and the PCR of each
 * adaptation field (ISO/IEC 13818-1 2.4.3.5, 2.4.3.7), modulo 2^33. Segments an encoder cut after a
 * discontinuity then follow the ones before it on one timeline, so a window across it reads as one file.
 */
final class TsRetime {
    private static final int PACKET = SegmentCheck.TS_PACKET;

    private TsRetime() {}

    /** The data with its time stamps {@code ticks} (90 kHz) later; the data itself is not changed. */
    static byte[] shifted(byte[] data, long ticks) {
        byte[] out = data.clone();
        for (int at = 0; at + PACKET <= out.length; at += PACKET) {
            shiftClockReference(out, at, ticks);
            int p = TsClock.payloadStart(out, at);
            if (p >= 0 && TsClock.unitStart(out, at) && TsClock.pid(out, at) != 0) {
                shiftPesTimes(out, p, at + PACKET, ticks);
            }
        }
        return out;
    }

    private static void shiftClockReference(byte[] data, int at, long ticks) {
        boolean adaptation = (data[at + 3] & 0x20) != 0;
        int length = data[at + 4] & 0xFF;
        if (!adaptation || length < 7 || (data[at + 5] & 0x10) == 0) {
            return;
        }
        int pcr = at + 6;
        long base = ((data[pcr] & 0xFFL) << 25)
                | ((data[pcr + 1] & 0xFFL) << 17)
                | ((data[pcr + 2] & 0xFFL) << 9)
                | ((data[pcr + 3] & 0xFFL) << 1)
                | ((data[pcr + 4] & 0x80L) >> 7);
        long moved = Math.floorMod(base + ticks, TsClock.PTS_WRAP);
        data[pcr] = (byte) (moved >> 25);
        data[pcr + 1] = (byte) (moved >> 17);
        data[pcr + 2] = (byte) (moved >> 9);
        data[pcr + 3] = (byte) (moved >> 1);
        data[pcr + 4] = (byte) ((data[pcr + 4] & 0x7F) | ((moved & 1) << 7));
    }

    /** A PES header with the optional fields ('10' marker) carries a PTS, and a DTS after it when flagged. */
    private static void shiftPesTimes(byte[] data, int p, int end, long ticks) {
        if (p + 9 > end || data[p] != 0 || data[p + 1] != 0 || data[p + 2] != 1 || (data[p + 6] & 0xC0) != 0x80) {
            return;
        }
        int flags = (data[p + 7] & 0xC0) >> 6;
        if ((flags & 0x2) != 0 && p + 14 <= end) {
            writeTime(data, p + 9, TsClock.pts(data, p + 9) + ticks);
        }
        if (flags == 0x3 && p + 19 <= end) {
            writeTime(data, p + 14, TsClock.pts(data, p + 14) + ticks);
        }
    }

    /** Writes a 33-bit time in the 5-byte PES layout, keeping the 4-bit prefix and setting the marker bits. */
    private static void writeTime(byte[] data, int at, long time) {
        long t = Math.floorMod(time, TsClock.PTS_WRAP);
        data[at] = (byte) ((data[at] & 0xF0) | ((t >> 29) & 0x0E) | 1);
        data[at + 1] = (byte) (t >> 22);
        data[at + 2] = (byte) (((t >> 14) & 0xFE) | 1);
        data[at + 3] = (byte) (t >> 7);
        data[at + 4] = (byte) (((t << 1) & 0xFE) | 1);
    }
}

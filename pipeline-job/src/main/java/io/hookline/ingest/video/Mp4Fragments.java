package io.hookline.ingest.video;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The live edge of a fragmented MP4 (ISO/IEC 14496-12) still being written, from its box headers alone: the
 * moov says which track is video, its timescale and its default sample duration (trex); each moof's video
 * track fragment says where its samples start (tfdt) and how long they last (trun, tfhd). A fragment counts
 * once its mdat is wholly in the file. Boxes already read are not read again: each call starts where the last
 * one stopped.
 */
final class Mp4Fragments implements GrowingFileVideo.Clock {
    private static final int TRACK_DURATION_PRESENT = 0x08;
    private static final int SAMPLE_DURATION_PRESENT = 0x100;

    private final String file;
    private long next;
    private int videoTrack = -1;
    private long timescale;
    private long trexDuration;
    private long firstTicks = -1;
    /** Where the last fragment whose mdat is complete ends, in timescale ticks. */
    private long endTicks = -1;
    /** Where the fragment read last ends; it counts once its mdat is in. */
    private long pendingTicks = -1;

    Mp4Fragments(String file) {
        this.file = file;
    }

    /**
     * Whether an MP4 file may be one still being written: it is not there yet, it is fragmented (its moov holds
     * an mvex), or it has no moov yet. A plain MP4 that is complete (a moov without mvex) is an ordinary file.
     */
    static boolean mayGrow(Path file) throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long at = 0;
            while (at + 8 <= size) {
                byte[] header = GrowingFileVideo.read(channel, at, 16);
                long boxSize = SegmentCheck.uint32(header, 0);
                if (boxSize == 1 && header.length < 16) {
                    return true;
                }
                int headerLength = boxSize == 1 ? 16 : 8;
                boxSize = boxSize == 1
                        ? (SegmentCheck.uint32(header, 8) << 32) | SegmentCheck.uint32(header, 12)
                        : boxSize == 0 ? size - at : boxSize;
                if (new String(header, 4, 4, StandardCharsets.US_ASCII).equals("moov")) {
                    return childOf(channel, at + headerLength, Math.min(size, at + boxSize), "mvex");
                }
                if (boxSize < headerLength) {
                    return true;
                }
                at += boxSize;
            }
            return true;
        }
    }

    /** Whether a box of {@code type} is among the boxes in [from, to) of the file. */
    private static boolean childOf(FileChannel channel, long from, long to, String type) throws IOException {
        for (long at = from; at + 8 <= to; ) {
            byte[] header = GrowingFileVideo.read(channel, at, 8);
            if (new String(header, 4, 4, StandardCharsets.US_ASCII).equals(type)) {
                return true;
            }
            long size = SegmentCheck.uint32(header, 0);
            if (size < 8) {
                return false;
            }
            at += size;
        }
        return false;
    }

    @Override
    public long coveredMs(FileChannel channel, long size) throws IOException {
        while (next + 8 <= size) {
            byte[] header = GrowingFileVideo.read(channel, next, (int) Math.min(16, size - next));
            String type = new String(header, 4, 4, StandardCharsets.US_ASCII);
            if (!type.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw new UnusableVideoException(file + " is not an MP4 file: no box at byte " + next);
            }
            long boxSize = SegmentCheck.uint32(header, 0);
            int headerLength = 8;
            if (boxSize == 1) {
                if (header.length < 16) {
                    break;
                }
                boxSize = (SegmentCheck.uint32(header, 8) << 32) | SegmentCheck.uint32(header, 12);
                headerLength = 16;
            }
            if (type.equals("mdat") && videoTrack < 0) {
                // A plain MP4 writes its samples first and its index (moov) only when it stops.
                throw new UnusableVideoException(file + " is an MP4 that is not fragmented (its samples come"
                        + " before any moov), so it cannot be read while it is written: write it fragmented"
                        + " (movflags frag_keyframe+empty_moov) or as MPEG-TS");
            }
            if (boxSize == 0 || next + boxSize > size) {
                break; // still being written (a last box of size 0 runs to the end of the file)
            }
            if (boxSize < headerLength) {
                throw new UnusableVideoException(
                        file + ": the " + type + " box at byte " + next + " has size " + boxSize);
            }
            try {
                switch (type) {
                    case "moov" ->
                        movie(GrowingFileVideo.read(channel, next + headerLength, (int) (boxSize - headerLength)));
                    case "moof" ->
                        pendingTicks = fragment(
                                GrowingFileVideo.read(channel, next + headerLength, (int) (boxSize - headerLength)));
                    case "mdat" -> {
                        endTicks = Math.max(endTicks, pendingTicks);
                        pendingTicks = -1;
                    }
                    default -> {
                        // ftyp, styp, sidx, free, mfra: nothing about where the samples are.
                    }
                }
            } catch (IndexOutOfBoundsException e) {
                throw new UnusableVideoException(
                        file + ": the " + type + " box at byte " + next + " is too short for what it says it holds");
            }
            next += boxSize;
        }
        return firstTicks < 0 || endTicks < 0 ? 0 : (endTicks - firstTicks) * 1000 / timescale;
    }

    /** Finds the video track, its timescale and its default sample duration; refuses an MP4 with no fragments. */
    private void movie(byte[] moov) throws IOException {
        Boxes.Box mvex = null;
        for (Boxes.Box box : Boxes.children(moov, 0, moov.length)) {
            if (box.is("trak")) {
                track(moov, box);
            } else if (box.is("mvex")) {
                mvex = box;
            }
        }
        if (mvex == null) {
            throw new UnusableVideoException(file + " is an MP4 that is not fragmented (its moov has no mvex), so it"
                    + " cannot be read while it is written: write it fragmented (movflags frag_keyframe+empty_moov)"
                    + " or as MPEG-TS");
        }
        if (videoTrack < 0) {
            throw new UnusableVideoException(file + " has no video track");
        }
        for (Boxes.Box trex : Boxes.children(moov, mvex)) {
            if (trex.is("trex") && (int) SegmentCheck.uint32(moov, trex.body() + 4) == videoTrack) {
                trexDuration = SegmentCheck.uint32(moov, trex.body() + 12);
            }
        }
    }

    private void track(byte[] moov, Boxes.Box trak) {
        int id = -1;
        long scale = 0;
        boolean video = false;
        for (Boxes.Box box : Boxes.children(moov, trak)) {
            if (box.is("tkhd")) {
                id = (int) SegmentCheck.uint32(moov, box.body() + (moov[box.body()] == 1 ? 20 : 12));
            } else if (box.is("mdia")) {
                for (Boxes.Box media : Boxes.children(moov, box)) {
                    if (media.is("mdhd")) {
                        scale = SegmentCheck.uint32(moov, media.body() + (moov[media.body()] == 1 ? 20 : 12));
                    } else if (media.is("hdlr")) {
                        video = new String(moov, media.body() + 8, 4, StandardCharsets.US_ASCII).equals("vide");
                    }
                }
            }
        }
        if (video && videoTrack < 0 && scale > 0) {
            videoTrack = id;
            timescale = scale;
        }
    }

    /** Where the video samples of a moof end, in ticks; the fragment before it when it holds no video. */
    private long fragment(byte[] moof) throws IOException {
        if (videoTrack < 0) {
            throw new UnusableVideoException(file + " has a moof before its moov");
        }
        for (Boxes.Box traf : Boxes.children(moof, 0, moof.length)) {
            if (traf.is("traf")) {
                long end = videoEnd(moof, traf);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return pendingTicks;
    }

    /** Where the samples of a track fragment end, or -1 when it is not the video track's. */
    private long videoEnd(byte[] moof, Boxes.Box traf) {
        long start = Math.max(0, endTicks);
        long duration = trexDuration;
        long total = 0;
        boolean video = false;
        for (Boxes.Box box : Boxes.children(moof, traf)) {
            int at = box.body();
            int flags = (int) SegmentCheck.uint32(moof, at) & 0xFFFFFF;
            if (box.is("tfhd")) {
                video = (int) SegmentCheck.uint32(moof, at + 4) == videoTrack;
                if ((flags & TRACK_DURATION_PRESENT) != 0) {
                    // base-data-offset (8 bytes) and sample-description-index (4) come first when present.
                    duration = SegmentCheck.uint32(
                            moof, at + 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0));
                }
            } else if (box.is("tfdt")) {
                start = moof[at] == 1
                        ? (SegmentCheck.uint32(moof, at + 4) << 32) | SegmentCheck.uint32(moof, at + 8)
                        : SegmentCheck.uint32(moof, at + 4);
            } else if (box.is("trun")) {
                total += runDuration(moof, at, flags, duration);
            }
        }
        if (!video) {
            return -1;
        }
        if (firstTicks < 0) {
            firstTicks = start;
        }
        return start + total;
    }

    /** The duration of a track run: its samples' own durations, or the default for each. */
    private static long runDuration(byte[] moof, int at, int flags, long defaultDuration) {
        long count = SegmentCheck.uint32(moof, at + 4);
        if ((flags & SAMPLE_DURATION_PRESENT) == 0) {
            return count * defaultDuration;
        }
        int sample = at + 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
        int stride = 4 * Integer.bitCount(flags & 0xF00);
        long total = 0;
        for (long i = 0; i < count && sample + 4 <= moof.length; i++, sample += stride) {
            total += SegmentCheck.uint32(moof, sample);
        }
        return total;
    }
}

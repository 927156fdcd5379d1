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
    private final String file;
    private long next;
    private Mp4Movie movie;
    private int videoTrack = -1;
    private long timescale;
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
            if (type.equals("mdat") && movie == null) {
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

    /** Finds the video track and its timescale; refuses an MP4 with no fragments. */
    private void movie(byte[] moov) throws IOException {
        Mp4Movie read = Mp4Movie.read(moov, 0, moov.length);
        if (!read.fragmented()) {
            throw new UnusableVideoException(file + " is an MP4 that is not fragmented (its moov has no mvex), so it"
                    + " cannot be read while it is written: write it fragmented (movflags frag_keyframe+empty_moov)"
                    + " or as MPEG-TS");
        }
        Mp4Movie.Track video = read.video().orElseThrow(() -> new UnusableVideoException(file + " has no video track"));
        movie = read;
        videoTrack = video.id();
        timescale = video.timescale();
    }

    /** Where the video samples of a moof end, in ticks; the fragment before it when it holds no video. */
    private long fragment(byte[] moof) throws IOException {
        if (movie == null) {
            throw new UnusableVideoException(file + " has a moof before its moov");
        }
        for (Boxes.Box traf : Boxes.children(moof, 0, moof.length)) {
            if (!traf.is("traf")) {
                continue;
            }
            TrackFragment fragment = TrackFragment.read(moof, traf, movie);
            if (fragment.trackId() == videoTrack) {
                // A fragment without a tfdt follows the one before it.
                long start = fragment.baseTime() >= 0 ? fragment.baseTime() : Math.max(0, endTicks);
                if (firstTicks < 0) {
                    firstTicks = start;
                }
                return start + fragment.duration();
            }
        }
        return pendingTicks;
    }
}

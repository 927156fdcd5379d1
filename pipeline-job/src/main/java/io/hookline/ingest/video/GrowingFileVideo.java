package io.hookline.ingest.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An MPEG-TS file that is still being written. Its edge is the last video frame wholly in the file now, read
 * from the PES headers of its tail; its timeline starts at its first video frame. It has ended when the
 * caller says so ({@link #finish}) or when it has not grown for a quiet time: a writer that stops without
 * a word (a crashed encoder, a recording someone forgot to stop) must not keep every clip waiting.
 */
public final class GrowingFileVideo extends PollingVideo {
    /** Longer than any pause a healthy encoder makes between writes, short enough for a match's last clips. */
    public static final Duration DEFAULT_QUIET = Duration.ofSeconds(30);
    /** The PAT, the PMT and the first frame are at the start of a TS file written from the beginning. */
    private static final int HEAD_BYTES = 1 << 20;
    /** Enough for several frames of any broadcast bitrate, so the tail holds at least two PES starts. */
    private static final int TAIL_BYTES = 4 << 20;
    private static final long TICKS_PER_MS = 90;

    private final Path file;
    private final Duration quiet;
    private volatile boolean finished;
    private long size = -1;
    private Instant grewAt;
    private int videoPid = -1;
    private long firstTicks;
    private long lastTicks;

    public GrowingFileVideo(Path file, Duration quiet) {
        this.file = file.toAbsolutePath();
        this.quiet = quiet;
    }

    /** The writer is done: no more video will come. */
    public void finish() {
        finished = true;
    }

    @Override
    public synchronized Edge refresh() throws IOException {
        Instant now = Instant.now();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long current = channel.size();
            if (current != size || grewAt == null) {
                size = current;
                grewAt = now;
                measure(channel);
            }
        }
        boolean ended = finished || Duration.between(grewAt, now).compareTo(quiet) >= 0;
        long coveredMs = videoPid < 0 ? 0 : (lastTicks - firstTicks) / TICKS_PER_MS;
        return new Edge(Math.max(0, coveredMs), ended, grewAt);
    }

    private void measure(FileChannel channel) throws IOException {
        if (videoPid < 0) {
            byte[] head = read(channel, 0, (int) Math.min(size, HEAD_BYTES));
            if (head.length >= SegmentCheck.TS_PACKET && SegmentCheck.tsProblem(head) != null) {
                throw new IOException(file + " is not an MPEG-TS file: it " + SegmentCheck.tsProblem(head));
            }
            OptionalInt pid = TsClock.videoPid(head);
            List<Long> times = pid.isPresent() ? TsClock.presentationTimes(head, pid.getAsInt()) : List.of();
            if (times.isEmpty()) {
                return;
            }
            videoPid = pid.getAsInt();
            firstTicks = times.get(0);
            lastTicks = firstTicks;
        }
        // Read from a packet boundary: the file is packets of 188 bytes from its first byte.
        long from = Math.max(0, size - TAIL_BYTES) / SegmentCheck.TS_PACKET * SegmentCheck.TS_PACKET;
        OptionalLong last = TsClock.lastCompleteTime(read(channel, from, (int) (size - from)), videoPid);
        if (last.isPresent() && last.getAsLong() > lastTicks) {
            lastTicks = last.getAsLong();
        }
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // Keep reading: a file channel may return fewer bytes than asked.
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    public OptionalLong videoMsAt(Instant instant) {
        return OptionalLong.empty();
    }

    @Override
    public String identity() {
        return "growing:" + file;
    }

    @Override
    protected Window window(long startMs, long endMs) {
        return new Window(file.toString(), List.of(), Map.of(), identity(), 0);
    }

    @Override
    public void close() {
        // The file belongs to its writer; nothing was made here.
    }
}

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A video file that is still being written: MPEG-TS ({@link TsTail}) or fragmented MP4 ({@link Mp4Fragments}),
 * told apart by its first bytes. Its edge is the last frame wholly in the file now; its timeline starts at its
 * first video frame. It has ended when the caller says so ({@link #finish}) or when it has not grown for a
 * quiet time: a writer that stops without a word (a crashed encoder, a recording someone forgot to stop) must
 * not keep every clip waiting.
 */
public final class GrowingFileVideo extends PollingVideo {
    /** Longer than any pause a healthy encoder makes between writes, short enough for a match's last clips. */
    public static final Duration DEFAULT_QUIET = Duration.ofSeconds(30);

    /** How far a growing file of one format goes, read from its bytes. */
    interface Clock {
        /** How far the file's video goes now, from its first frame; {@code size} is the file's size now. */
        long coveredMs(FileChannel channel, long size) throws IOException;
    }

    private final Path file;
    private final Duration quiet;
    private volatile boolean finished;
    private long size = -1;
    private Instant grewAt;
    private Clock clock;
    private long coveredMs;

    public GrowingFileVideo(Path file, Duration quiet) {
        this.file = file.toAbsolutePath();
        this.quiet = quiet;
    }

    /**
     * Whether a local file may be one still being written, from its name and, for an MP4, its boxes: MPEG-TS
     * ({@code .ts}), or an MP4 ({@code .mp4}, {@code .m4v}) that is fragmented, not complete, or not there
     * yet. A complete plain MP4 is read as an ordinary file.
     */
    public static boolean mayGrow(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ts")) {
            return true;
        }
        try {
            return (name.endsWith(".mp4") || name.endsWith(".m4v")) && Mp4Fragments.mayGrow(file);
        } catch (IOException e) {
            // Unreadable now: the growing reader says why on each clip, and may read it later.
            return true;
        }
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
        return new Edge(coveredMs, ended, grewAt);
    }

    private void measure(FileChannel channel) throws IOException {
        if (clock == null) {
            if (size < 8) {
                return;
            }
            boolean mp4 = SegmentCheck.looksLikeMp4(read(channel, 0, 8));
            clock = mp4 ? new Mp4Fragments(file.toString()) : new TsTail(file.toString());
        }
        coveredMs = Math.max(coveredMs, clock.coveredMs(channel, size));
    }

    static byte[] read(FileChannel channel, long position, int length) throws IOException {
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
    public Optional<Instant> recordedUntil() {
        return Optional.empty();
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

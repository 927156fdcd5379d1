package io.hookline.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One run at a time writes into an output directory: two runs of one match would interleave their files and
 * summaries. The lock is the operating system's, so a run killed with {@code kill -9} leaves none behind; the
 * file keeps the holder's process id and start time for the message the second run prints.
 */
final class OutputLock implements AutoCloseable {
    static final String FILE = ".hookline-run.lock";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code out}, or says who holds it. */
    static Optional<OutputLock> take(Path out, StringBuilder holder) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve(FILE);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this same process
        }
        if (lock == null) {
            holder.append(Files.readString(file, StandardCharsets.UTF_8).strip());
            channel.close();
            return Optional.empty();
        }
        String me = "process " + ProcessHandle.current().pid() + ", started at " + TIME.format(Instant.now());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        return Optional.of(new OutputLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}

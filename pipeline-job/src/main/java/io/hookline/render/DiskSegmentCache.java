package io.hookline.render;

import io.hookline.render.media.EncodedPacket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments in a directory, one file each, written to a temp name and renamed, so two renders that encode
 * the same segment at once both leave a whole file. A segment not written or read for the keeping time is
 * deleted (a sweep runs with a write, at most hourly): a live job serving match after match would otherwise
 * fill the disk with segments no clip will ask for again.
 */
public final class DiskSegmentCache implements SegmentCache {
    /** Files start with this, so a file of another format is never taken for a segment. */
    private static final int MAGIC = 0x484b5331;

    private static final Logger LOG = LoggerFactory.getLogger(DiskSegmentCache.class);

    /** Sweeps run at most this often, however many segments are written. */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final String dir;
    /** Null: segments are kept until someone deletes them. */
    private final Duration keep;

    private final Clock clock;
    private transient long sweptAtMs;

    /** A cache that keeps its segments until someone deletes them. */
    public DiskSegmentCache(Path dir) {
        this(dir, null, Clock.systemUTC());
    }

    /** A cache that deletes a segment once it has not been written or read for {@code keep}. */
    public DiskSegmentCache(Path dir, Duration keep, Clock clock) {
        this.dir = dir.toAbsolutePath().toString();
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public Optional<List<EncodedPacket>> get(String key) {
        Path file = Path.of(dir, key + ".seg");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            int count = in.readInt();
            List<EncodedPacket> packets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long pts = in.readLong();
                long dts = in.readLong();
                long duration = in.readLong();
                boolean key1 = in.readBoolean();
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                packets.add(new EncodedPacket(data, pts, dts, duration, key1));
            }
            touch(file);
            return Optional.of(packets);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A damaged entry is only a lost saving: encode again.
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, List<EncodedPacket> packets) {
        Path temp = null;
        try {
            Path directory = Files.createDirectories(Path.of(dir));
            temp = Files.createTempFile(directory, key, ".part");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(packets.size());
                for (EncodedPacket p : packets) {
                    out.writeLong(p.pts());
                    out.writeLong(p.dts());
                    out.writeLong(p.duration());
                    out.writeBoolean(p.keyframe());
                    out.writeInt(p.data().length);
                    out.write(p.data());
                }
            }
            Files.move(
                    temp,
                    directory.resolve(key + ".seg"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            touch(directory.resolve(key + ".seg"));
        } catch (IOException e) {
            // The clip itself is fine; only the saving for later clips is lost.
            LOG.warn("cannot keep an encoded segment in {}: {}", dir, e.toString());
            deleteQuietly(temp);
            return;
        }
        if (keep != null) {
            try {
                sweepIfDue(Path.of(dir));
            } catch (IOException e) {
                LOG.warn("cannot delete old encoded segments from {}: {}", dir, e.toString());
            }
        }
    }

    /** Marks a segment used now, so it is kept for as long again; a segment gone meanwhile is only a lost saving. */
    private void touch(Path file) {
        if (keep == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(clock.millis()));
        } catch (IOException e) {
            LOG.debug("cannot mark {} used: {}", file, e.toString());
        }
    }

    private void sweepIfDue(Path directory) throws IOException {
        long now = clock.millis();
        synchronized (this) {
            if (now - sweptAtMs < Math.min(SWEEP_EVERY.toMillis(), keep.toMillis())) {
                return;
            }
            sweptAtMs = now;
        }
        long before = now - keep.toMillis();
        int deleted = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(
                            f -> f.toString().endsWith(".seg") || f.toString().endsWith(".part"))
                    .toList()) {
                try {
                    if (Files.getLastModifiedTime(f).toMillis() < before && Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (NoSuchFileException e) {
                    // Another task's sweep took it first.
                }
            }
        }
        if (deleted > 0) {
            LOG.info("deleted {} encoded segments unused for {} from {}", deleted, keep, directory);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", temp, e.toString());
        }
    }
}

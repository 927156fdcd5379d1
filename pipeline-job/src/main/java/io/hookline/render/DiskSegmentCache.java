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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments in a directory, one file each, written to a temp name and renamed, so two renders that encode
 * the same segment at once both leave a whole file.
 */
public final class DiskSegmentCache implements SegmentCache {
    /** Files start with this, so a file of another format is never taken for a segment. */
    private static final int MAGIC = 0x484b5331;

    private static final Logger LOG = LoggerFactory.getLogger(DiskSegmentCache.class);

    private final String dir;

    public DiskSegmentCache(Path dir) {
        this.dir = dir.toAbsolutePath().toString();
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
        } catch (IOException e) {
            // The clip itself is fine; only the saving for later clips is lost.
            LOG.warn("cannot keep an encoded segment in {}: {}", dir, e.toString());
            deleteQuietly(temp);
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

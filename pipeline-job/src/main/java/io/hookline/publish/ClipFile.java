package io.hookline.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The clip file a publisher uploads: checked against the manifest before a session opens, then read in parts. */
public final class ClipFile {
    private ClipFile() {
    }

    /**
     * Checks that the item's file is still the one the manifest describes (size and sha256) and an MP4, and
     * returns what the platform limits need from it; a file that is gone, changed or no MP4 is refused.
     */
    public static Mp4Facts check(PublishItem item) throws IOException, PublishRefusedException {
        Path file = item.file();
        try {
            long size = Files.size(file);
            if (size != item.bytes()) {
                throw new PublishRefusedException(file + " has " + size + " bytes, the manifest says " + item.bytes());
            }
            String actual = sha256(file);
            if (!item.sha256().isEmpty() && !actual.equalsIgnoreCase(item.sha256())) {
                throw new PublishRefusedException(file + " has sha256 " + actual + ", the manifest says " + item.sha256());
            }
            return Mp4Facts.read(file);
        } catch (NoSuchFileException e) {
            throw new PublishRefusedException("the clip's file is gone: " + file);
        } catch (Mp4Facts.NotMp4Exception e) {
            throw new PublishRefusedException(e.getMessage());
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}. */
    public static byte[] read(Path file, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException(file + " ended at byte " + (offset + buffer.position())
                            + ", before the " + length + " bytes from " + offset);
                }
            }
        }
        return buffer.array();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

package io.hookline.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The clip file a publisher uploads, read in parts once {@link ClipCheck} has passed it. */
public final class ClipFile {
    private ClipFile() {}

    /** {@code length} bytes of {@code file} from {@code offset}. */
    public static byte[] read(Path file, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException(file + " ended at byte " + (offset + buffer.position()) + ", before the "
                            + length + " bytes from " + offset);
                }
            }
        }
        return buffer.array();
    }
}

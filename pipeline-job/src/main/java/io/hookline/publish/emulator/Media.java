package io.hookline.publish.emulator;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Media bytes received so far by an upload session, growing in order, with the hash the records carry. */
final class Media {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    long size() {
        return bytes.size();
    }

    void append(byte[] chunk) {
        bytes.writeBytes(chunk);
    }

    /** Keeps the first {@code length} bytes, for a client that resumes from an earlier offset. */
    void truncate(long length) {
        byte[] kept = bytes.toByteArray();
        bytes.reset();
        bytes.write(kept, 0, (int) length);
    }

    String sha256() {
        return sha256(bytes.toByteArray());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

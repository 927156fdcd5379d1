package io.hookline.render;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where a match's files live in the store, relative to the store root and to the match's manifest. */
public final class ClipKeys {
    /** Characters a match directory may hold as they are; anything else is replaced in the readable part. */
    private static final String PLAIN = "[A-Za-z0-9._-]";
    /** How much of the id a directory name shows; with the hash it stays far below the 255-byte name limit. */
    static final int READABLE_CHARS = 80;
    /** Hex digits of the id's SHA-256 in a directory name (48 bits). */
    private static final int HASH_CHARS = 12;
    /** Separates the readable part from the hash; outside {@link #PLAIN}, so no plain id can look hashed. */
    private static final char HASH_SEPARATOR = '~';

    private ClipKeys() {}

    /** A rendition's path relative to the match directory (as the manifest lists it). */
    public static String renditionPath(String clipId, String profile) {
        return "clips/" + clipId + "/" + profile + ".mp4";
    }

    /** A rendition's poster frame, next to it. */
    public static String posterPath(String clipId, String profile) {
        return "clips/" + clipId + "/" + profile + ".jpg";
    }

    /** A file's store key: the match directory, then the relative path. */
    public static String key(String matchId, String relativePath) {
        return safeMatchDir(matchId) + "/" + relativePath;
    }

    /**
     * A match's directory name. Match ids come from feeds, so only a conservative character set becomes a
     * name. A plain, short id is its own name; any other id gets a readable part (unsafe characters replaced
     * by {@code _}, at most {@value #READABLE_CHARS} of them) and a hash of the exact id, so two ids never
     * share a directory ({@code a/b} and {@code a_b}, two Cyrillic names of one length) and a long id still
     * makes a valid name.
     */
    public static String safeMatchDir(String matchId) {
        boolean plain = !matchId.isEmpty()
                && matchId.length() <= READABLE_CHARS
                && !matchId.startsWith(".")
                && matchId.matches(PLAIN + "+");
        if (plain) {
            return matchId;
        }
        String readable = matchId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.isEmpty() || readable.startsWith(".")) {
            readable = "_" + readable;
        }
        if (readable.length() > READABLE_CHARS) {
            readable = readable.substring(0, READABLE_CHARS);
        }
        return readable + HASH_SEPARATOR + hash(matchId);
    }

    /** Over the id's UTF-16 code units: an encoder would map every lone surrogate to the same '?'. */
    private static String hash(String matchId) {
        ByteBuffer units = ByteBuffer.allocate(matchId.length() * 2);
        matchId.chars().forEach(c -> units.putChar((char) c));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(units.array());
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

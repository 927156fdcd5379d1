package io.hookline.planning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Deterministic clip ids: the same match, plays, rule and profile version always give the same id. */
public final class ClipIds {

    private ClipIds() {}

    public static String of(String matchId, List<String> playIds, String rule, String profileVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Length-prefixed parts, so ("ab","c") and ("a","bc") cannot collide.
            for (String part : parts(matchId, playIds, rule, profileVersion)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parts(String matchId, List<String> playIds, String rule, String profileVersion) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(matchId);
        parts.addAll(playIds);
        parts.add(rule);
        parts.add(profileVersion);
        return parts;
    }
}

package io.hookline.render;

/** Where a match's files live in the store, relative to the store root and to the match's manifest. */
public final class ClipKeys {

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

    /** Match ids come from feeds; only a conservative character set becomes a directory name. */
    public static String safeMatchDir(String matchId) {
        String safe = matchId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}

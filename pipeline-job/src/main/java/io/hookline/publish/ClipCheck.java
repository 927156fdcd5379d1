package io.hookline.publish;

import io.hookline.profiles.PlatformLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one pre-flight check of a clip file, before a platform sees it: refuses a file gone or changed since the
 * manifest listed it (size and sha256), another container than the platform takes (ftyp brand), a size over
 * the cap and a duration out of range, and returns the MP4 facts (duration, frame size) the platform's own
 * limits need. A cap or a duration bound of 0 means none.
 */
public final class ClipCheck {
    private final String platform;
    private final long sizeCapBytes;
    private final long minDurationMs;
    private final long maxDurationMs;
    private final Set<String> brands;

    /** @param brands the ftyp major brands the platform takes; empty takes any MP4 */
    public ClipCheck(String platform, long sizeCapBytes, PlatformLimits limits, Set<String> brands) {
        this(platform, sizeCapBytes, limits.minDurationMs(), limits.maxDurationMs(), brands);
    }

    private ClipCheck(String platform, long sizeCapBytes, long minDurationMs, long maxDurationMs, Set<String> brands) {
        this.platform = platform;
        this.sizeCapBytes = sizeCapBytes;
        this.minDurationMs = minDurationMs;
        this.maxDurationMs = maxDurationMs;
        this.brands = Set.copyOf(brands);
    }

    /** Only the manifest and the MP4 container: for a platform whose own limits class judges the facts. */
    public static ClipCheck againstManifest(String platform) {
        return new ClipCheck(platform, 0, 0, 0, Set.of());
    }

    /** The clip's facts once it passes; the refusal names the file and what is wrong with it. */
    public Mp4Facts check(PublishItem item) throws PublishRefusedException, IOException {
        Path file = item.file();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new PublishRefusedException("the clip's file is gone: " + file);
        }
        if (size != item.bytes()) {
            throw new PublishRefusedException(file + " has " + size + " bytes, the manifest says " + item.bytes());
        }
        if (sizeCapBytes > 0 && size > sizeCapBytes) {
            throw new PublishRefusedException(file.getFileName() + " is " + size + " bytes; " + platform
                    + " takes at most " + sizeCapBytes + " bytes");
        }
        String actual = sha256(file);
        if (!item.sha256().isEmpty() && !actual.equalsIgnoreCase(item.sha256())) {
            throw new PublishRefusedException(file + " has sha256 " + actual + ", the manifest says " + item.sha256());
        }
        Mp4Facts facts;
        try {
            facts = Mp4Facts.read(file);
        } catch (Mp4Facts.NotMp4Exception e) {
            throw new PublishRefusedException(platform + " takes MP4 video: " + e.getMessage());
        }
        if (!brands.isEmpty() && !brands.contains(facts.brand())) {
            throw new PublishRefusedException(file.getFileName() + " is a '" + facts.brand() + "' file; " + platform
                    + " takes " + String.join(", ", brands.stream().sorted().toList()));
        }
        if (minDurationMs > 0 && facts.durationMs() < minDurationMs
                || maxDurationMs > 0 && facts.durationMs() > maxDurationMs) {
            throw new PublishRefusedException(file.getFileName() + " lasts " + facts.durationMs() + " ms; "
                    + platform + " takes " + minDurationMs + " to "
                    + (maxDurationMs == 0 ? "any" : Long.toString(maxDurationMs)) + " ms");
        }
        return facts;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

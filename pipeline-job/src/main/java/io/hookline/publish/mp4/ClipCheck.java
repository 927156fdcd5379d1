package io.hookline.publish.mp4;

import io.hookline.profiles.PlatformLimits;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * Refuses, before a platform is called, what it would refuse anyway or what nobody checked: a file gone or
 * changed since the manifest listed it, a size over the cap, a duration out of range, another container.
 * The limits are the destination file's (the platform facts editors keep), a cap of 0 meaning none.
 */
public final class ClipCheck {
    private final String platform;
    private final long sizeCapBytes;
    private final Duration minDuration;
    private final Duration maxDuration;
    private final Set<String> brands;

    /** @param brands the ftyp major brands the platform takes; empty takes any MP4 */
    public ClipCheck(String platform, long sizeCapBytes, PlatformLimits limits, Set<String> brands) {
        this.platform = platform;
        this.sizeCapBytes = sizeCapBytes;
        this.minDuration = Duration.ofMillis(limits.minDurationMs());
        this.maxDuration = Duration.ofMillis(limits.maxDurationMs());
        this.brands = Set.copyOf(brands);
    }

    /** The clip's facts once it passes; the refusal names the file and the limit it breaks. */
    public Mp4Facts check(PublishItem item) throws PublishRefusedException, IOException {
        long size;
        try {
            size = Files.size(item.file());
        } catch (NoSuchFileException e) {
            throw new PublishRefusedException("the clip's file is gone: " + item.file());
        }
        if (sizeCapBytes > 0 && size > sizeCapBytes) {
            throw new PublishRefusedException(item.file().getFileName() + " is " + size + " bytes; " + platform
                    + " takes at most " + sizeCapBytes + " bytes");
        }
        String actual = sha256(item);
        if (!item.sha256().isEmpty() && !actual.equalsIgnoreCase(item.sha256())) {
            throw new PublishRefusedException(item.file() + " has sha256 " + actual + ", the manifest says "
                    + item.sha256());
        }
        Mp4Facts facts;
        try {
            facts = Mp4Facts.read(item.file());
        } catch (IOException e) {
            throw new PublishRefusedException(platform + " takes MP4 video: " + e.getMessage());
        }
        if (!brands.isEmpty() && !brands.contains(facts.brand())) {
            throw new PublishRefusedException(item.file().getFileName() + " is a '" + facts.brand() + "' file; "
                    + platform + " takes " + String.join(", ", brands.stream().sorted().toList()));
        }
        if (!minDuration.isZero() && facts.duration().compareTo(minDuration) < 0
                || !maxDuration.isZero() && facts.duration().compareTo(maxDuration) > 0) {
            throw new PublishRefusedException(item.file().getFileName() + " lasts " + facts.duration().toMillis()
                    + " ms; " + platform + " takes " + minDuration.toMillis() + " to "
                    + (maxDuration.isZero() ? "any" : Long.toString(maxDuration.toMillis())) + " ms");
        }
        return facts;
    }

    private static String sha256(PublishItem item) throws IOException {
        try (InputStream in = Files.newInputStream(item.file())) {
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

package io.hookline.profiles;

/**
 * Where a destination posts. The list is fixed because each platform needs a publisher of its own; what a
 * platform accepts (its limits) is data, in the {@code platforms} of {@code destinations/*.yaml}.
 */
public enum Platform {
    YOUTUBE,
    INSTAGRAM,
    TIKTOK,
    X,
    TELEGRAM,
    WHATSAPP,
    /** An HTTP POST to a URL of the operator's choosing, for anything else. */
    WEBHOOK
}

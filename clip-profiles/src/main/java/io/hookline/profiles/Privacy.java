package io.hookline.profiles;

/** Who sees a post. Not every platform has all three: its {@link PlatformLimits#privacy()} says which it has. */
public enum Privacy {
    PUBLIC,
    /** Seen only by whoever has the link. */
    UNLISTED,
    /** Seen only by the account, or the chat it is sent to. */
    PRIVATE
}

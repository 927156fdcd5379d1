package io.hookline.profiles;

/** Which part of a wider source a cropping rendition keeps. */
public enum Reframe {
    /** The middle of the source frame, always. */
    CENTER,
    /** A window that follows where the play is (motion, the event's pitch location). */
    FOLLOW_ACTION
}

package io.hookline.profiles;

/** How a source frame of another aspect ratio fills a rendition's frame. */
public enum Fit {
    /** Fill the frame and cut off what sticks out (16:9 source into 9:16 keeps a vertical slice). */
    CROP,
    /** Show the whole source and fill the rest with bars. */
    PAD
}

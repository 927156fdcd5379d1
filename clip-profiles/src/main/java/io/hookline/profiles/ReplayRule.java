package io.hookline.profiles;

import java.io.Serializable;

/**
 * The peak shown again, slower, at the end of a play clip.
 *
 * @param sourceMs how much of the match around the peak is replayed
 * @param speed playback speed of the replay (0.5 = half speed, so it lasts twice as long)
 */
public record ReplayRule(boolean enabled, long sourceMs, double speed) implements Serializable {
    public static final ReplayRule NONE = new ReplayRule(false, 0, 1);
}

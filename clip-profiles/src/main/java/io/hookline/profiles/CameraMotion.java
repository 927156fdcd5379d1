package io.hookline.profiles;

import java.io.Serializable;

/**
 * How a virtual camera that crops a vertical (or square) frame out of a wide one may move. Distances are
 * fractions of the source frame's width.
 *
 * @param deadZoneFraction the action may drift this far from the centre of the crop before the camera moves
 * @param maxSpeed the fastest pan, per second
 * @param maxAcceleration the quickest change of pan speed, per second squared
 * @param smoothingMs the action track is averaged over this long first, so measurement noise does not move
 *     the camera
 */
public record CameraMotion(double deadZoneFraction, double maxSpeed, double maxAcceleration, long smoothingMs)
        implements Serializable {

    /** A camera that does not move: crops stay centred. */
    public static final CameraMotion FIXED = new CameraMotion(1, 0, 0, 0);
}

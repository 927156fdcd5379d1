package io.hookline.profiles;

import java.io.Serializable;

/**
 * How one event type is treated.
 *
 * @param clip whether a play peaking on this type makes a clip
 * @param weight the type's base excitement, 0..1
 * @param preRollMs how much video before the event a clip shows
 * @param postRollMs how much video after the event a clip shows
 */
public record EventRule(boolean clip, double weight, long preRollMs, long postRollMs) implements Serializable {}

package io.hookline.profiles;

import java.io.Serializable;

/**
 * How a rendition's file is packaged.
 *
 * @param format the container; {@code mp4} for now
 * @param moovFirst the index (moov box) must come before the media data, so playback starts before the
 *     download ends (faststart); the conformance check verifies it
 * @param editLists whether the file may carry an edit list (elst), which trims the encoder's start-up delay
 *     exactly; Instagram rejects files that have one
 */
public record Container(String format, boolean moovFirst, boolean editLists) implements Serializable {}

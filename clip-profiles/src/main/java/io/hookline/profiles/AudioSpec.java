package io.hookline.profiles;

import java.io.Serializable;

/** The audio side of a rendition: AAC-LC at this rate, channel count and bitrate. */
public record AudioSpec(int sampleRate, int channels, int bitrateKbps) implements Serializable {}

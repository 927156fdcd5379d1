package io.hookline.publish.emulator;

/** The media (by hash, so one rendition of one clip) and where it was posted: exactly-once is one post per key. */
public record PostKey(String account, String mediaSha256) {}

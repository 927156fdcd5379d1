package io.hookline.ingest.sync;

/** A value from the sync file and where it was written ({@code sync.yaml:2:10}), for messages that cite it. */
public record Located<T>(T value, String where) {}

package io.hookline.publish;

import java.nio.file.Path;

/** A rendition of manifest.json; {@code file} is resolved against the manifest's folder, null when it failed. */
public record ManifestRendition(String profile, Path file, long bytes, String sha256, boolean ok) {}

package io.hookline.ingest.video;

/** A playlist that cannot be used: malformed, a master playlist, or a feature this reader does not handle. */
public final class PlaylistException extends UnusableVideoException {
    public PlaylistException(String message) {
        super(message);
    }
}

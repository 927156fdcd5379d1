package io.hookline.ingest.video;

import java.io.IOException;

/** A playlist that cannot be used: malformed, a master playlist, or a feature this reader does not handle. */
public final class PlaylistException extends IOException {
    public PlaylistException(String message) {
        super(message);
    }
}

package io.hookline.render;

import io.hookline.render.media.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Frames of a rendered file saved as pictures (PNG or JPEG), for looking at what a profile produces. */
public final class RenditionStills {

    private RenditionStills() {}

    /** Saves the frame on screen at {@code atUs} of {@code video} as {@code file}; false when the video is shorter. */
    public static boolean write(Path video, long atUs, Path file) {
        boolean[] written = {false};
        try (SourceReader reader = SourceReader.open(video.toString(), 1)) {
            if (atUs >= reader.info().durationMs() * 1000) {
                return false;
            }
            reader.decodeWindow(
                    atUs,
                    atUs + 1,
                    (frame, from, to) -> {
                        if (!written[0] && from <= atUs && atUs < to) {
                            try {
                                PosterFrame.of(frame).write(file);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            written[0] = true;
                        }
                    },
                    null);
        }
        return written[0];
    }
}

package io.hookline.render;

import io.hookline.render.media.PcmBuffer;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.SourceReader;
import java.util.List;

/** The video one clip is cut from, read stretch by stretch: a finished file, or a live video as it grows. */
public interface ClipSource extends AutoCloseable {
    SourceInfo info();

    /** Decodes [startUs, endUs) once, as {@link SourceReader#decodeWindow} does. */
    void decodeWindow(long startUs, long endUs, SourceReader.VideoSink sink, PcmBuffer pcm);

    /** What reading the source noticed, e.g. a live segment that was missing and skipped; one sentence each. */
    List<String> notes();

    @Override
    void close();

    /** A finished file (or a URL FFmpeg reads), through one reader for the whole clip. */
    static ClipSources file(String location, int decoderThreads) {
        return plan -> {
            SourceReader reader = SourceReader.open(location, decoderThreads);
            return new ClipSource() {
                @Override
                public SourceInfo info() {
                    return reader.info();
                }

                @Override
                public void decodeWindow(long startUs, long endUs, SourceReader.VideoSink sink, PcmBuffer pcm) {
                    reader.decodeWindow(startUs, endUs, sink, pcm);
                }

                @Override
                public List<String> notes() {
                    return List.of();
                }

                @Override
                public void close() {
                    reader.close();
                }
            };
        };
    }
}

package io.hookline.render;

import io.hookline.ingest.video.Edge;
import io.hookline.ingest.video.LiveVideo;
import io.hookline.ingest.video.Window;
import io.hookline.model.ClipPlan;
import io.hookline.model.Segment;
import io.hookline.render.media.MediaException;
import io.hookline.render.media.PcmBuffer;
import io.hookline.render.media.SourceInfo;
import io.hookline.render.media.SourceOptions;
import io.hookline.render.media.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A clip cut from a live video: each stretch waits until the video covers it (at most the live video wait),
 * then is read from a window of the segments that cover it, which is deleted once read. A stretch the video
 * never covers fails the clip with where the video stops; segments missing from a stretch are skipped and
 * named in the clip's notes.
 */
public final class LiveClipSource implements ClipSource {
    /** How often a live video is read again while a clip waits for it. */
    public static final Duration POLL = Duration.ofMillis(250);
    /** The sound of the last frame runs a little past it (see SourceReader): wait for that much more. */
    private static final long AUDIO_TAIL_MS = 100;

    private final LiveVideo video;
    private final int decoderThreads;
    private final Duration wait;
    private final List<String> notes = new ArrayList<>();
    private SourceInfo info;

    private LiveClipSource(LiveVideo video, int decoderThreads, Duration wait, ClipPlan plan) {
        this.video = video;
        this.decoderThreads = decoderThreads;
        this.wait = wait;
        // The clip's first stretch tells what the video is (size, rate, sound) before anything is decoded.
        long first = plan.getSegments().stream()
                .mapToLong(Segment::getSourceStartMs)
                .min()
                .orElse(plan.getSourceStartMs());
        read(first, first + 1, reader -> info = reader.info());
    }

    /** Clips cut from {@code video}, each stretch waited for at most {@code wait}. */
    public static ClipSources of(LiveVideo video, int decoderThreads, Duration wait) {
        return new ClipSources() {
            @Override
            public ClipSource open(ClipPlan plan) {
                return new LiveClipSource(video, decoderThreads, wait, plan);
            }

            @Override
            public void close() {
                try {
                    video.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("closing the live video " + video.identity(), e);
                }
            }
        };
    }

    /**
     * Waits until {@code video} reaches {@code endMs} or ends, at most {@code wait}, without reading any of it;
     * returns how far it goes then.
     */
    public static Edge awaitEdge(LiveVideo video, long endMs, Duration wait) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        Edge edge = video.refresh();
        while (edge.coveredMs() < endMs && !edge.ended() && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            edge = video.refresh();
        }
        return edge;
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public void decodeWindow(long startUs, long endUs, SourceReader.VideoSink sink, PcmBuffer pcm) {
        read(
                startUs / 1000,
                (endUs + 999) / 1000 + AUDIO_TAIL_MS,
                reader -> reader.decodeWindow(startUs, endUs, sink, pcm));
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {}

    private void read(long startMs, long endMs, Consumer<SourceReader> use) {
        Window window = await(startMs, endMs);
        for (String note : window.notes()) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        SourceOptions options = SourceOptions.live(window.demuxerOptions(), window.identity(), window.firstFrameUs());
        try (SourceReader reader = SourceReader.open(window.location(), decoderThreads, options)) {
            use.accept(reader);
        } finally {
            try {
                video.release(window);
            } catch (IOException e) {
                notes.add("a live video window could not be deleted: " + e.getMessage());
            }
        }
    }

    private Window await(long startMs, long endMs) {
        try {
            return video.await(startMs, endMs, wait, POLL);
        } catch (IOException e) {
            throw new MediaException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("stopped while waiting for the live video " + video.identity(), e);
        }
    }
}

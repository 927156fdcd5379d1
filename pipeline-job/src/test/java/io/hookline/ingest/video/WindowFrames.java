package io.hookline.ingest.video;

import io.hookline.render.media.PcmBuffer;
import io.hookline.render.media.SourceOptions;
import io.hookline.render.media.SourceReader;
import io.hookline.sample.FrameCode;
import io.hookline.testing.LiveHls;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** The oracle for live windows: which source frame each decoded picture of a window shows, and when. */
final class WindowFrames {

    /** One picture: the source frame number burnt into it, and the live time it is shown from. */
    record Shown(long frame, long startUs) {}

    private WindowFrames() {}

    /** Decodes [startMs, endMs) of a window through SourceReader, as the renderer does. */
    static List<Shown> decode(Window window, long startMs, long endMs) {
        List<Shown> shown = new ArrayList<>();
        SourceOptions options = SourceOptions.live(window.demuxerOptions(), window.identity(), window.firstFrameUs());
        try (SourceReader reader = SourceReader.open(window.location(), 1, options)) {
            PcmBuffer pcm = new PcmBuffer(SourceReader.PCM_RATE, SourceReader.PCM_CHANNELS, 1 << 16);
            reader.decodeWindow(
                    startMs * 1000,
                    endMs * 1000,
                    (frame, start, end) -> {
                        int stride = frame.stride(0);
                        byte[] luma = new byte[stride * frame.height()];
                        frame.read(0, 0, luma, 0, luma.length);
                        long number = FrameCode.read(ByteBuffer.wrap(luma), stride, frame.width(), frame.height())
                                .orElse(-1);
                        shown.add(new Shown(number, start));
                    },
                    pcm);
        }
        return shown;
    }

    /** What the source shows in [startMs, endMs): every frame whose interval touches it, at n / fps. */
    static List<Shown> expected(long startMs, long endMs) {
        return frames(startMs * LiveHls.FPS / 1000, (endMs * LiveHls.FPS + 999) / 1000);
    }

    /** Source frames [from, to) at their own times. */
    static List<Shown> frames(long from, long to) {
        return LongStream.range(from, to)
                .mapToObj(n -> new Shown(n, n * 1_000_000 / LiveHls.FPS))
                .toList();
    }
}

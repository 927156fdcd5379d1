package io.hookline.testing;

import io.hookline.ingest.video.MediaPlaylist;
import io.hookline.sample.SyntheticVideo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * A live HLS stream for tests: a {@link SyntheticVideo} cut into two-second segments by FFmpeg's HLS muxer
 * (stream copy, so segment n holds source frames 50n..50n+49), then published segment by segment to a
 * {@link Shelf} with a playlist that lists what is out so far, as a live packager does.
 */
public final class LiveHls {
    public static final int FPS = 25;
    public static final long SEGMENT_MS = 2000;
    public static final SyntheticVideo.Spec SPEC = new SyntheticVideo.Spec(320, 180, FPS, 12_000, true, List.of());

    /** Where a published stream goes: a directory, an HTTP server's directory, an S3 prefix. */
    public interface Shelf {
        void put(String name, byte[] data) throws IOException;
    }

    private final Path staging;
    private final boolean fmp4;
    private final List<String> names;
    private final Map<Integer, Instant> publishedAt = new ConcurrentHashMap<>();

    private LiveHls(Path staging, boolean fmp4, List<String> names) {
        this.staging = staging;
        this.fmp4 = fmp4;
        this.names = names;
    }

    /** Writes the source video to {@code dir/source.mp4} (once) and cuts it into segments under {@code dir}. */
    public static LiveHls cut(Path dir, boolean fmp4) throws IOException {
        return cut(source(dir), dir, fmp4);
    }

    /** Cuts {@code source} (a video with a keyframe every second) into two-second segments under {@code dir}. */
    public static LiveHls cut(Path source, Path dir, boolean fmp4) throws IOException {
        return cut(source, dir, fmp4, 0);
    }

    /**
     * Cuts {@code source} as an encoder whose timestamps start {@code offsetUs} in does: another encoder, or
     * the same one started again. Offsets past 2^33 / 90 kHz (26.5 h) wrap MPEG-TS timestamps. fMP4 fragments
     * carry the offset in their tfdt, as a packager that keeps its encoder's timestamps writes them (FFmpeg's
     * mp4 muxer would otherwise start them at 0 and put the offset in the init segment's edit list).
     */
    public static LiveHls cut(Path source, Path dir, boolean fmp4, long offsetUs) throws IOException {
        Path staging = Files.createDirectories(
                dir.resolve((fmp4 ? "fmp4" : "mpegts") + (offsetUs == 0 ? "" : "-" + offsetUs)));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(
                    staging.resolve("all.m3u8").toFile(),
                    grabber.getImageWidth(),
                    grabber.getImageHeight(),
                    grabber.getAudioChannels())) {
                recorder.setFormat("hls");
                recorder.setOption("hls_time", "2");
                recorder.setOption("hls_playlist_type", "vod");
                recorder.setOption("hls_segment_type", fmp4 ? "fmp4" : "mpegts");
                recorder.setOption(
                        "hls_segment_filename",
                        staging.resolve(fmp4 ? "seg%d.m4s" : "seg%d.ts").toString());
                if (offsetUs != 0) {
                    // A bare number would be seconds.
                    recorder.setOption("output_ts_offset", offsetUs + "us");
                    if (fmp4) {
                        recorder.setOption("hls_segment_options", "movflags=+frag_discont");
                    }
                }
                recorder.start(grabber.getFormatContext());
                AVPacket packet;
                while ((packet = grabber.grabPacket()) != null) {
                    recorder.recordPacket(packet);
                }
            }
        }
        MediaPlaylist all = MediaPlaylist.parse("all.m3u8", Files.readString(staging.resolve("all.m3u8")));
        List<String> names =
                all.segments().stream().map(MediaPlaylist.Segment::uri).toList();
        return new LiveHls(staging, fmp4, names);
    }

    public static Path source(Path dir) throws IOException {
        Path source = dir.resolve("source.mp4");
        if (!Files.exists(source)) {
            SyntheticVideo.write(SPEC, source);
        }
        return source;
    }

    public int segmentCount() {
        return names.size();
    }

    public byte[] segment(int index) throws IOException {
        return Files.readAllBytes(staging.resolve(names.get(index)));
    }

    /** The fMP4 init segment. */
    public byte[] init() throws IOException {
        return Files.readAllBytes(staging.resolve("init.mp4"));
    }

    /** Puts the init segment (fMP4) and segments [from, to) on the shelf, then a playlist listing [0, to). */
    public void publish(Shelf shelf, int from, int to, boolean ended) throws IOException {
        publish(shelf, from, to, ended, null);
    }

    /**
     * As {@link #publish(Shelf, int, int, boolean)}, with the playlist dated: the first segment was recorded at
     * {@code firstDate} (EXT-X-PROGRAM-DATE-TIME), or undated when it is null.
     */
    public void publish(Shelf shelf, int from, int to, boolean ended, Instant firstDate) throws IOException {
        if (fmp4 && from == 0) {
            shelf.put("init.mp4", Files.readAllBytes(staging.resolve("init.mp4")));
        }
        for (int i = from; i < to; i++) {
            shelf.put(names.get(i), segment(i));
        }
        // Noted before the playlist names them, so a reader never sees a segment that has no time yet.
        for (int i = from; i < to; i++) {
            publishedAt.put(i, Instant.now());
        }
        shelf.put("live.m3u8", playlist(to, ended, firstDate).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes one segment every {@code intervalMs} on a background thread, then ends the playlist. */
    public Thread publishEvery(Shelf shelf, long intervalMs) {
        publishedAt.clear();
        Thread thread = new Thread(
                () -> {
                    try {
                        for (int i = 0; i < segmentCount(); i++) {
                            publish(shelf, i, i + 1, i == segmentCount() - 1);
                            Thread.sleep(intervalMs);
                        }
                    } catch (IOException | InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "hls-publisher");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** When segment {@code index} went out, or null if it has not yet. */
    public Instant publishedAt(int index) {
        return publishedAt.get(index);
    }

    /** A live playlist listing the first {@code count} segments. */
    public String playlist(int count, boolean ended) {
        return playlist(count, ended, null);
    }

    private String playlist(int count, boolean ended, Instant firstDate) {
        List<String> lines = new ArrayList<>(
                List.of("#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0"));
        if (fmp4) {
            lines.add("#EXT-X-MAP:URI=\"init.mp4\"");
        }
        if (firstDate != null) {
            lines.add("#EXT-X-PROGRAM-DATE-TIME:" + firstDate);
        }
        for (int i = 0; i < count; i++) {
            lines.add("#EXTINF:2.000000,");
            lines.add(names.get(i));
        }
        if (ended) {
            lines.add("#EXT-X-ENDLIST");
        }
        return String.join("\n", lines) + "\n";
    }

    /** A shelf that is a local directory; files appear whole, as a packager's renames make them. */
    public static Shelf directory(Path dir) {
        return (name, data) -> {
            Path temp = dir.resolve(name + ".tmp");
            Files.write(temp, data);
            Files.move(temp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        };
    }
}

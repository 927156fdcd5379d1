package io.hookline.sample;

import io.hookline.render.media.TsSegments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Plays a finished video out as a live HLS stream, the way a broadcaster's packager does: a growing
 * {@code EXT-X-PLAYLIST-TYPE:EVENT} media playlist of MPEG-TS segments, cut by packet copy at keyframes (see
 * {@link TsSegments}). Each segment appears, whole, at the wall time its end is reached, and the playlist is
 * rewritten with it; the last rewrite adds {@code EXT-X-ENDLIST}. It remembers when each segment went out,
 * which is when the stream first covered that stretch of the match.
 *
 * <p>The playout runs on its own thread from {@link #start}; {@code speed} above 1 plays faster than real time
 * (for tests).
 */
public final class HlsPlayout implements AutoCloseable {
    public static final String PLAYLIST = "live.m3u8";
    /** One segment per second: the sample's keyframe interval, so a play is covered at most a second late. */
    public static final Duration DEFAULT_SEGMENT = Duration.ofSeconds(1);

    /**
     * A published segment.
     *
     * @param startMs where it starts on the video's timeline
     * @param endMs where it ends
     * @param publishedAt when it appeared, with the playlist that lists it
     */
    public record Segment(long sequence, String uri, long startMs, long endMs, Instant publishedAt) {}

    private final Path source;
    private final Path dir;
    private final Instant start;
    private final double speed;
    private final Duration segment;
    private final List<Segment> published = new CopyOnWriteArrayList<>();
    private final List<TsSegments.Cut> cuts = new ArrayList<>();
    private final Thread thread;
    private volatile boolean ended;
    private volatile Exception failure;

    private HlsPlayout(Path source, Path dir, Instant start, double speed, Duration segment) {
        this.source = source;
        this.dir = dir;
        this.start = start;
        this.speed = speed;
        this.segment = segment;
        this.thread = new Thread(this::play, "hls-playout-" + dir.getFileName());
        thread.setDaemon(true);
    }

    /**
     * Starts playing {@code source} out into {@code dir}, which is emptied of an earlier playout's files first.
     *
     * @param start the wall time the video's first frame goes on air; the playout waits for it
     * @param speed 1.0 for real time, 4.0 to play four times as fast
     */
    public static HlsPlayout start(Path source, Path dir, Instant start, double speed, Duration segment)
            throws IOException {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, not " + speed);
        }
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(HlsPlayout::isPlayoutFile).toList()) {
                Files.delete(f);
            }
        }
        HlsPlayout playout = new HlsPlayout(source, dir, start, speed, segment);
        playout.thread.start();
        return playout;
    }

    public Path playlist() {
        return dir.resolve(PLAYLIST);
    }

    /** The wall time the playout reaches {@code videoMs} of the video. */
    public Instant wallTimeAt(long videoMs) {
        return start.plusNanos(Math.round(videoMs * 1_000_000 / speed));
    }

    /** The segments out so far, in order. */
    public List<Segment> published() {
        return List.copyOf(published);
    }

    /** When the stream first covered {@code videoMs}: when the segment that holds it went out, if it has. */
    public Optional<Instant> coveredAt(long videoMs) {
        return published.stream().filter(s -> s.endMs() >= videoMs).findFirst().map(Segment::publishedAt);
    }

    /** Whether the playlist has its ENDLIST (or the playout failed: see {@link #failure}). */
    public boolean ended() {
        return ended;
    }

    /** Why the playout stopped early, or null. */
    public Exception failure() {
        return failure;
    }

    /** Waits for the playout to end; false when {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void play() {
        try (TsSegments segments = new TsSegments(source, segment.toNanos() / 1000)) {
            for (long sequence = 0; ; sequence++) {
                String uri = String.format(Locale.ROOT, "segment-%05d.ts", sequence);
                Path temp = dir.resolve(uri + ".partial");
                TsSegments.Cut cut = segments.write(temp);
                if (cut == null) {
                    break;
                }
                sleepUntil(wallTimeAt(cut.endUs() / 1000));
                Files.move(temp, dir.resolve(uri), StandardCopyOption.ATOMIC_MOVE);
                cuts.add(cut);
                boolean last = !segments.hasMore();
                writePlaylist(last);
                published.add(new Segment(sequence, uri, cut.startUs() / 1000, cut.endUs() / 1000, Instant.now()));
                if (last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UncheckedIOException e) {
            failure = e;
        } finally {
            ended = true;
        }
    }

    private void writePlaylist(boolean last) throws IOException {
        String text = PlaylistText.event(
                cuts,
                i -> String.format(Locale.ROOT, "segment-%05d.ts", i),
                i -> start.plusNanos(Math.round(cuts.get(i).startUs() * 1000 / speed)),
                last);
        Path temp = dir.resolve(PLAYLIST + ".partial");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, playlist(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static boolean isPlayoutFile(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith("segment-") || name.startsWith(PLAYLIST);
    }

    /** Stops the playout where it is; the playlist keeps what went out, without an ENDLIST. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}

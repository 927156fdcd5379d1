package io.hookline.ingest.video;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live HLS media playlist. A window is one local file: the segments that cover it, joined (after the fMP4
 * init segment when there is one), with {@link Window#firstFrameUs} saying where its first segment starts on
 * the playlist's timeline. Joined MPEG-TS segments and fMP4 fragments keep their own timestamps, so a missing
 * or damaged segment left out of the join is a gap in time, not a shift; a run after a discontinuity is moved
 * onto the window's timeline ({@link TsRuns}, {@link Mp4Runs}). FFmpeg reads a plain local file, with none of
 * the HLS demuxer's network reloads or its seeking in fMP4 playlists.
 */
final class HlsVideo extends PollingVideo {
    private final String location;
    private final Resources resources;
    private final Path workDir;
    private final SegmentTimeline timeline = new SegmentTimeline();
    /** Init segments are small and shared by every window, so each is read once. */
    private final Map<String, byte[]> inits = new ConcurrentHashMap<>();

    private final AtomicLong windows = new AtomicLong();
    private volatile Instant grewAt;

    HlsVideo(String location, Resources resources, Path workDir) {
        this.location = location;
        this.resources = resources;
        this.workDir = workDir;
    }

    @Override
    public Edge refresh() throws IOException {
        byte[] text = resources
                .read(location)
                .orElseThrow(() -> new NoSuchFileException(location, null, "the playlist is not there"));
        MediaPlaylist playlist = MediaPlaylist.parse(location, new String(text, StandardCharsets.UTF_8));
        Instant now = Instant.now();
        if (timeline.merge(playlist, uri -> Resources.resolve(location, uri)) || grewAt == null) {
            grewAt = now;
        }
        return new Edge(timeline.endUs() / 1000, timeline.ended(), grewAt);
    }

    @Override
    public OptionalLong videoMsAt(Instant instant) {
        return timeline.videoMsAt(instant);
    }

    @Override
    public Optional<Instant> recordedUntil() {
        return timeline.datedUntil();
    }

    @Override
    public String identity() {
        int query = location.indexOf('?');
        return "hls:" + (query < 0 || !location.contains("://") ? location : location.substring(0, query));
    }

    @Override
    protected Window window(long startMs, long endMs) throws IOException {
        List<String> notes = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        SegmentTimeline.Placed first = null;
        SegmentTimeline.Placed previous = null;
        SegmentRuns runs = null;
        for (SegmentTimeline.Placed placed : timeline.overlapping(startMs * 1000, endMs * 1000)) {
            byte[] data = readSegment(placed, notes);
            if (data == null) {
                continue;
            }
            if (first == null) {
                first = placed;
                runs = placed.initLocation() == null
                        ? TsRuns.startingAt(placed, data).orElse(null)
                        : Mp4Runs.startingAt(placed, data, this::init).orElse(null);
            } else if (placed.run() != first.run() || runs != null) {
                data = joined(runs, previous, placed, data, notes);
                if (data == null) {
                    break;
                }
            }
            previous = placed;
            parts.add(data);
        }
        if (parts.isEmpty()) {
            throw new IOException("no segment of " + location + " between " + VideoTime.withTenths(startMs) + " and "
                    + VideoTime.withTenths(endMs) + " can be read: " + String.join("; ", notes));
        }
        String init = first.initLocation();
        if (init != null) {
            parts.add(0, init(init));
        }
        Path file = write(parts, init != null ? ".mp4" : ".ts");
        return new Window(file.toString(), notes, Map.of(), identity(), first.startUs());
    }

    /** A later segment's bytes on the window's timeline, or null (with a note) when the window stops at it. */
    private static byte[] joined(
            SegmentRuns runs,
            SegmentTimeline.Placed previous,
            SegmentTimeline.Placed placed,
            byte[] data,
            List<String> notes) {
        String why = "no video time";
        if (runs != null) {
            try {
                return runs.join(placed, data);
            } catch (SegmentRuns.Unjoinable e) {
                why = e.getMessage();
            }
        }
        notes.add((placed.run() != previous.run() ? "a discontinuity" : "a change of init segment") + " at "
                + VideoTime.withTenths(placed.startUs() / 1000) + " cannot be joined (" + why
                + "): the window stops there");
        return null;
    }

    /** A segment's bytes, or null (with a note) when it is missing or cannot be demuxed. */
    private byte[] readSegment(SegmentTimeline.Placed placed, List<String> notes) {
        String what = "segment " + placed.sequence() + " (" + VideoTime.withTenths(placed.startUs() / 1000) + "-"
                + VideoTime.withTenths(placed.endUs() / 1000) + ")";
        byte[] data;
        try {
            data = resources.read(placed.location()).orElse(null);
        } catch (IOException e) {
            notes.add(what + " cannot be read (" + e.getMessage() + "): skipped");
            return null;
        }
        if (data == null) {
            notes.add(what + " is missing: skipped");
            return null;
        }
        String problem =
                placed.initLocation() != null ? SegmentCheck.fragmentProblem(data) : SegmentCheck.tsProblem(data);
        if (problem != null) {
            notes.add(what + " " + problem + ": skipped");
            return null;
        }
        return data;
    }

    private byte[] init(String initLocation) throws IOException {
        byte[] cached = inits.get(initLocation);
        if (cached != null) {
            return cached;
        }
        byte[] data = resources
                .read(initLocation)
                .orElseThrow(() -> new NoSuchFileException(initLocation, null, "the fMP4 init segment is missing"));
        String problem = SegmentCheck.initProblem(data);
        if (problem != null) {
            throw new IOException("the fMP4 init segment " + initLocation + " " + problem);
        }
        inits.put(initLocation, data);
        return data;
    }

    /** Joins the parts into a new file, written under a temporary name so a reader never sees half of it. */
    private Path write(List<byte[]> parts, String extension) throws IOException {
        String name = "window-" + windows.incrementAndGet() + extension;
        Path temp = workDir.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        return Files.move(temp, workDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void release(Window window) throws IOException {
        Path file = Path.of(window.location());
        if (file.startsWith(workDir)) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        WorkDir.delete(workDir);
    }
}

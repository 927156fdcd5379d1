package io.hookline.render;

import io.hookline.profiles.RenditionProfile;
import io.hookline.render.OutputTimeline.Span;
import io.hookline.render.media.EncodedStream;
import io.hookline.render.media.FrameFilter;
import io.hookline.render.media.VideoEncoder;
import io.hookline.render.media.VideoEncoding;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One rendition of one clip while the source window is decoded: each decoded frame is filtered into the
 * rendition's frame at most once, then handed to every segment encoder that shows it (the hook and the body
 * overlap, so a peak frame is encoded twice but filtered once).
 */
final class RenditionPipeline implements AutoCloseable {
    private final RenditionProfile profile;
    private final VideoEncoding encoding;
    private final OutputTimeline timeline;
    private final boolean draft;
    private final List<SpanEncoder> spans = new ArrayList<>();
    private FrameFilter filter;
    private CropTrack crop;
    private long posterUs = -1;
    private PosterFrame poster;
    private int cropX = -1;
    private String error;

    RenditionPipeline(RenditionProfile profile, VideoEncoding encoding, OutputTimeline timeline, boolean draft) {
        this.profile = profile;
        this.encoding = encoding;
        this.timeline = timeline;
        this.draft = draft;
    }

    RenditionProfile profile() {
        return profile;
    }

    VideoEncoding encoding() {
        return encoding;
    }

    OutputTimeline timeline() {
        return timeline;
    }

    /** Keeps the frame on screen at {@code sourceUs} (the peak) as the rendition's poster. */
    void posterAt(long sourceUs) {
        this.posterUs = sourceUs;
    }

    /** The poster, once its frame went through; null before. */
    PosterFrame poster() {
        return poster;
    }

    /** Makes the crop pan with the action instead of staying centred. */
    void panWith(CropTrack track) {
        this.crop = track;
    }

    /** Why this rendition failed, or null. */
    String error() {
        return error;
    }

    void fail(String reason) {
        if (error == null) {
            error = reason;
        }
        close();
    }

    /** Takes a decoded source frame shown during [startUs, endUs). */
    void accept(AVFrame frame, long startUs, long endUs) {
        if (error != null) {
            return;
        }
        if (spans.isEmpty()) {
            open(frame);
        }
        AVFrame filtered = null;
        for (SpanEncoder s : spans) {
            while (s.next < s.span.frames() && timeline.sourceTimeUs(s.span, s.next) < endUs) {
                if (filtered == null) {
                    moveCrop(startUs);
                    filtered = filter.apply(frame);
                }
                s.encoder.encode(filtered);
                s.next++;
            }
        }
        if (filtered != null && poster == null && posterUs >= startUs && posterUs < endUs) {
            poster = PosterFrame.of(filtered);
        }
    }

    /**
     * Ends the decode: a span the source could not fill (the video ended early) fails the rendition rather
     * than silently shortening it. Returns the encoded spans in timeline order.
     */
    List<EncodedStream> finish() {
        List<EncodedStream> out = new ArrayList<>();
        for (SpanEncoder s : spans) {
            if (s.next < s.span.frames()) {
                throw new IllegalStateException("the video ended before the clip did: "
                        + s.next + " of " + s.span.frames() + " frames of the " + s.span.role() + " segment");
            }
            out.add(s.encoder.finish());
        }
        if (spans.isEmpty()) {
            throw new IllegalStateException("no video frames in the clip's source window");
        }
        return out;
    }

    private void moveCrop(long sourceUs) {
        if (crop != null) {
            int x = crop.x(sourceUs);
            if (x != cropX) {
                filter.command("crop", "x", Integer.toString(x));
                cropX = x;
            }
        }
    }

    private void open(AVFrame first) {
        filter = new FrameFilter(first.width(), first.height(), first.format(),
                FrameGeometry.chain(first.width(), first.height(), encoding.width(), encoding.height(),
                        profile.video().fit(), draft));
        for (Span span : timeline.spans()) {
            spans.add(new SpanEncoder(span, new VideoEncoder(encoding)));
        }
    }

    @Override
    public void close() {
        for (SpanEncoder s : spans) {
            s.encoder.close();
        }
        spans.clear();
        if (filter != null) {
            filter.close();
            filter = null;
        }
    }

    /** A segment's encoder and the next output frame it waits for. */
    private static final class SpanEncoder {
        final Span span;
        final VideoEncoder encoder;
        int next;

        SpanEncoder(Span span, VideoEncoder encoder) {
            this.span = span;
            this.encoder = encoder;
        }
    }
}

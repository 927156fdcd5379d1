package io.hookline.render;

import io.hookline.profiles.RenditionProfile;
import io.hookline.render.OutputTimeline.Span;
import io.hookline.render.graphics.Overlay;
import io.hookline.render.graphics.RenditionGraphics;
import io.hookline.render.graphics.RenditionGraphics.Covered;
import io.hookline.render.media.EncodedPacket;
import io.hookline.render.media.EncodedStream;
import io.hookline.render.media.Picture;
import io.hookline.render.media.VideoEncoder;
import io.hookline.render.media.VideoEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * One rendition of one clip while the source is decoded: each decoded frame is filtered into the rendition's
 * frame at most once, then handed to every segment encoder that shows it (the hook and the body overlap, so a
 * peak frame is encoded twice but filtered once). A segment already in the cache is not encoded again: its
 * packets are taken as they are; nor is one another rendition of the same pass encodes.
 */
final class RenditionPipeline implements AutoCloseable {
    private final RenditionRecipe recipe;
    private final RenditionProfile profile;
    private final VideoEncoding encoding;
    private final OutputTimeline timeline;
    private final SegmentCache cache;
    private final CropTrack crop;
    private final RenditionGraphics graphics;
    private final List<SpanEncoder> spans = new ArrayList<>();
    private SharedFilters.Filter filter;
    private long posterUs = -1;
    private PosterFrame poster;
    private String error;
    private SharedSegments pass;

    RenditionPipeline(RenditionRecipe recipe, SegmentCache cache) {
        this.recipe = recipe;
        this.profile = recipe.profile();
        this.encoding = recipe.encoding();
        this.timeline = recipe.timeline();
        this.crop = recipe.crop();
        this.graphics = recipe.graphics();
        this.cache = cache;
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

    RenditionRecipe recipe() {
        return recipe;
    }

    /**
     * Looks each segment up in the cache; the ones not found are encoded as their frames arrive, unless another
     * rendition of this pass already claimed them.
     */
    void prepare(SharedSegments pass) {
        this.pass = pass;
        for (Span span : timeline.spans()) {
            String key = recipe.key(span);
            List<EncodedPacket> cached = cache.get(key).orElse(null);
            boolean twin = cached == null && !pass.claim(key, profile.name());
            spans.add(new SpanEncoder(span, key, cached, twin));
        }
    }

    /** Frames are put into the rendition's frame by the given filters' graph for its chain and crop path. */
    void filterWith(SharedFilters filters) {
        this.filter = filters.forChain(recipe.filterChain(), crop != null);
    }

    /** The key of the filter this rendition's frames go through; see {@link SharedFilters#key}. */
    String filterKey() {
        return SharedFilters.key(recipe.filterChain(), crop != null);
    }

    /** How many of this rendition's segments the pass encodes, and how many it has. */
    int[] encodedOfTotal() {
        return new int[] {(int) spans.stream().filter(SpanEncoder::encodes).count(), spans.size()};
    }

    /** The pixels this rendition has to encode in the pass, after the cache and its twins took their share. */
    long encodeCost() {
        long frames = spans.stream()
                .filter(SpanEncoder::encodes)
                .mapToLong(s -> s.span.frames())
                .sum();
        return frames * encoding.width() * encoding.height();
    }

    /** Whether any frame shown during [startUs, endUs) has to go through this rendition's filter. */
    boolean needsFrames(long startUs, long endUs) {
        if (error != null) {
            return false;
        }
        if (poster == null && posterUs >= startUs && posterUs < endUs) {
            return true;
        }
        for (SpanEncoder s : spans) {
            if (s.encodes() && s.span.sourceStartUs() < endUs && timeline.sourceEndUs(s.span) > startUs) {
                return true;
            }
        }
        return false;
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
    void accept(Picture frame, long startUs, long endUs) {
        if (error != null) {
            return;
        }
        List<SpanEncoder> showing = new ArrayList<>();
        for (SpanEncoder s : spans) {
            if (s.encodes() && s.next < s.span.frames() && timeline.sourceTimeUs(s.span, s.next) < endUs) {
                showing.add(s);
            }
        }
        boolean posterHere = poster == null && posterUs >= startUs && posterUs < endUs;
        if (showing.isEmpty() && !posterHere) {
            return;
        }
        if (posterHere) {
            // The poster is the picture alone, before any graphics.
            poster = PosterFrame.of(filter.apply(frame, crop == null ? -1 : crop.x(startUs)));
        }
        for (SpanEncoder s : showing) {
            while (s.next < s.span.frames() && timeline.sourceTimeUs(s.span, s.next) < endUs) {
                // Each output frame gets the crop its segment's key names: a segment taken from the cache then
                // shows what this render would have. Frames of one source frame mostly share it, and its picture.
                Picture filtered = filter.apply(frame, crop == null ? -1 : recipe.cropX(s.span, s.next));
                Covered covered = null;
                if (graphics.drawsOverPicture()) {
                    // Graphics go on the filtered picture itself and come off once it is encoded (the encoder
                    // copies what it is given), so segments and renditions that read the same picture need no
                    // copy of their own. A buffer the decoder still holds is copied here, once.
                    filtered.makeWritable();
                    covered = graphics.drawOn(filtered, s.span.role(), startUs);
                }
                try {
                    s.encode(filtered);
                } finally {
                    if (covered != null) {
                        covered.restore();
                    }
                }
            }
        }
    }

    /**
     * Ends the decode: a span the source could not fill (the video ended early) fails the rendition rather
     * than silently shortening it. Returns the encoded spans in timeline order; new ones go into the cache.
     */
    List<EncodedStream> finish() {
        if (spans.isEmpty()) {
            throw new IllegalStateException("the clip has no frames");
        }
        List<EncodedStream> out = new ArrayList<>();
        if (timeline.introFrames() > 0) {
            out.add(card(graphics.intro(), timeline.introFrames()));
        }
        for (SpanEncoder s : spans) {
            if (!s.encodes()) {
                // Only the codec parameters are needed: an encoder with the same settings gives them.
                try (VideoEncoder settings = new VideoEncoder(encoding)) {
                    out.add(settings.reuse(s.cached != null ? s.cached : pass.packets(s.key), s.span.frames()));
                }
            } else if (s.result == null) {
                throw new IllegalStateException("the video ended before the clip did: " + s.next + " of "
                        + s.span.frames() + " frames of the " + s.span.role() + " segment");
            } else {
                out.add(s.result);
                s.result = null;
            }
        }
        if (timeline.outroFrames() > 0) {
            out.add(card(graphics.outro(), timeline.outroFrames()));
        }
        return out;
    }

    /** A card held for {@code frames} frames: encoded once per look and length, then reused from the cache. */
    private EncodedStream card(Overlay card, int frames) {
        String key = recipe.cardKey(card, frames);
        synchronized (pass.lock(key)) {
            return card(card, frames, key);
        }
    }

    private EncodedStream card(Overlay card, int frames, String key) {
        try (VideoEncoder encoder = new VideoEncoder(encoding)) {
            List<EncodedPacket> cached = cache.get(key).orElse(null);
            if (cached != null) {
                return encoder.reuse(cached, frames);
            }
            try (Picture picture = card.onBlackFrame(encoding.width(), encoding.height())) {
                for (int i = 0; i < frames; i++) {
                    encoder.encode(picture);
                }
            }
            EncodedStream stream = encoder.finish();
            cache.put(key, stream.packets());
            return stream;
        }
    }

    @Override
    public void close() {
        for (SpanEncoder s : spans) {
            s.close();
        }
        spans.clear();
    }

    /**
     * One segment: its cache key, its cached packets if any, whether another rendition encodes it, and otherwise
     * its encoder, open only while the segment's frames arrive so a clip of many segments never holds many
     * encoders at once.
     */
    private final class SpanEncoder {
        final Span span;
        final String key;
        final List<EncodedPacket> cached;
        final boolean twin;
        VideoEncoder encoder;
        EncodedStream result;
        int next;

        SpanEncoder(Span span, String key, List<EncodedPacket> cached, boolean twin) {
            this.span = span;
            this.key = key;
            this.cached = cached;
            this.twin = twin;
        }

        boolean encodes() {
            return cached == null && !twin;
        }

        void encode(Picture frame) {
            if (encoder == null) {
                encoder = new VideoEncoder(encoding);
            }
            encoder.encode(frame);
            if (++next == span.frames()) {
                result = encoder.finish();
                cache.put(key, result.packets());
                pass.made(key, result.packets());
                encoder.close();
                encoder = null;
            }
        }

        void close() {
            if (encoder != null) {
                encoder.close();
                encoder = null;
            }
            if (result != null) {
                result.close();
                result = null;
            }
        }
    }
}

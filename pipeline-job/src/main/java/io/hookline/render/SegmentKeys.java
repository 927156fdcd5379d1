package io.hookline.render;

import io.hookline.render.OutputTimeline.Span;
import io.hookline.render.graphics.Overlay;
import io.hookline.render.graphics.RenditionGraphics;
import io.hookline.render.media.VideoEncoding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a rendition's encoded segments are cached under: a digest of everything that decides a segment's pictures
 * and bits (the source, the encoder settings, the filter chain, the stretch and its speed, the graphics over it,
 * a panning crop's path). Equal keys, equal packets, whichever clip or rendition asks.
 */
final class SegmentKeys {
    /**
     * Part of every segment key; raised whenever the same key would be rendered differently, so a segment cache
     * kept by an earlier version is not joined into new clips.
     */
    private static final int RENDERING = 2;

    private final String sourceId;
    private final VideoEncoding encoding;
    private final String chain;
    private final RenditionGraphics graphics;
    private final OutputTimeline timeline;
    /** Null when the crop, if any, stays where the chain puts it. */
    private final CropTrack crop;

    SegmentKeys(
            String sourceId,
            VideoEncoding encoding,
            String chain,
            RenditionGraphics graphics,
            OutputTimeline timeline,
            CropTrack crop) {
        this.sourceId = sourceId;
        this.encoding = encoding;
        this.chain = chain;
        this.graphics = graphics;
        this.timeline = timeline;
        this.crop = crop;
    }

    String of(Span span) {
        StringBuilder k = new StringBuilder()
                .append(RENDERING)
                .append('|')
                .append(sourceId)
                .append('|')
                .append(encoding)
                .append('|')
                .append(chain)
                .append('|')
                .append(span.sourceStartUs())
                .append('|')
                .append(span.frames())
                .append('|')
                .append(span.speed())
                .append('|')
                .append(graphics.signature(span.role(), span.sourceStartUs(), timeline.sourceEndUs(span)));
        if (crop != null) {
            for (int i = 0; i < span.frames(); i++) {
                k.append(',').append(cropX(span, i));
            }
        }
        return digest(k);
    }

    /** The panning crop's left edge for output frame {@code k} of {@code span}. */
    int cropX(Span span, int k) {
        return crop.x(timeline.sourceTimeUs(span, k) - OutputTimeline.TOLERANCE_US);
    }

    /** What an intro or outro card's packets are cached under. */
    String card(Overlay card, int frames) {
        return digest(new StringBuilder("card|")
                .append(encoding)
                .append('|')
                .append(card.signature())
                .append('|')
                .append(frames));
    }

    private static String digest(CharSequence key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

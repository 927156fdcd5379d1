package io.hookline.render.media;

/** How a video's pictures were scanned: as whole frames, or as two fields of which one comes first in time. */
public enum FieldOrder {
    PROGRESSIVE(null, "progressive"),
    TOP_FIRST("tff", "interlaced, top field first"),
    BOTTOM_FIRST("bff", "interlaced, bottom field first");

    private final String parity;
    private final String words;

    FieldOrder(String parity, String words) {
        this.parity = parity;
        this.words = words;
    }

    public boolean interlaced() {
        return parity != null;
    }

    /** The parity option of FFmpeg's deinterlacers: tff or bff. */
    public String parity() {
        if (parity == null) {
            throw new IllegalStateException("a progressive video has no field parity");
        }
        return parity;
    }

    @Override
    public String toString() {
        return words;
    }
}

package io.hookline.sample;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.IntUnaryOperator;

/**
 * Burns a frame number into the top of a picture as horizontal bands that a test reads back from a decoded clip.
 *
 * <p>The frame's height is split into 120 band slots; band {@code i} covers rows
 * {@code [round(i*height/120), round((i+1)*height/120))}, which is {@code i*h .. (i+1)*h} with {@code h = height/120}
 * whenever the height is a multiple of 120 (720, 1080, 360...). Bands 0..19 hold the 20 bits of the number, most
 * significant first; band 20 is always light and band 21 holds the parity of the 20 bits, so a black, white or faded
 * picture is reported unreadable instead of as a wrong number. A set bit is luma 235, a clear one luma 16.
 *
 * <p>The bands run across the full width and the reader averages each band's middle rows over the whole width, so
 * the number survives a horizontal crop (16:9 to 9:16), scaling without padding, and lossy compression.
 */
public final class FrameCode {
    public static final int BITS = 20;
    public static final long MAX_FRAME_NUMBER = (1L << BITS) - 1;

    private static final int SLOTS = 120;
    private static final int SENTINEL_BAND = BITS;
    private static final int PARITY_BAND = BITS + 1;
    private static final int BANDS = BITS + 2;
    private static final double MIDDLE = (YuvPicture.BLACK + YuvPicture.WHITE) / 2.0;
    /** A band whose average is closer to middle grey than this is not trusted (a dissolve, a graphic, a fade). */
    private static final double MIN_CONTRAST = 0.25 * (YuvPicture.WHITE - YuvPicture.BLACK);

    private FrameCode() {}

    /** How many rows at the top of a picture of this height the code covers; content belongs below. */
    public static int codeRows(int height) {
        return bandStart(BANDS, height);
    }

    /** Paints the code into a whole picture, neutralising the chroma under it so the bands stay grey. */
    public static void paint(YuvPicture picture, long frameNumber) {
        paint(picture.data(), picture.width(), picture.width(), picture.height(), frameNumber);
        picture.fillChroma(0, 0, picture.width(), codeRows(picture.height()), YuvPicture.NEUTRAL, YuvPicture.NEUTRAL);
    }

    /** Paints the code into a luma plane whose first row starts at index 0. */
    public static void paint(byte[] luma, int stride, int width, int height, long frameNumber) {
        if (frameNumber < 0 || frameNumber > MAX_FRAME_NUMBER) {
            throw new IllegalArgumentException("frame number " + frameNumber + " is outside 0.." + MAX_FRAME_NUMBER);
        }
        checkGeometry(stride, width, height);
        for (int band = 0; band < BANDS; band++) {
            byte value = (byte) (bit(frameNumber, band) ? YuvPicture.WHITE : YuvPicture.BLACK);
            for (int row = bandStart(band, height); row < bandStart(band + 1, height); row++) {
                Arrays.fill(luma, row * stride, row * stride + width, value);
            }
        }
    }

    /** Reads the number from a luma plane whose first row starts at index 0; empty when it is not readable. */
    public static OptionalLong read(byte[] luma, int stride, int width, int height) {
        return read(i -> luma[i] & 0xFF, stride, width, height);
    }

    /** Reads the number from a luma plane whose first row starts at absolute index 0 of the buffer. */
    public static OptionalLong read(ByteBuffer luma, int stride, int width, int height) {
        return read(i -> luma.get(i) & 0xFF, stride, width, height);
    }

    private static OptionalLong read(IntUnaryOperator lumaAt, int stride, int width, int height) {
        checkGeometry(stride, width, height);
        long number = 0;
        boolean parity = false;
        for (int band = 0; band < BANDS; band++) {
            double level = middleAverage(lumaAt, stride, width, height, band);
            if (Math.abs(level - MIDDLE) < MIN_CONTRAST) {
                return OptionalLong.empty();
            }
            boolean set = level > MIDDLE;
            if (band < BITS) {
                number = (number << 1) | (set ? 1 : 0);
                parity ^= set;
            } else if (band == SENTINEL_BAND ? !set : set != parity) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(number);
    }

    /** The mean luma of a band's middle rows: its edges blur into the neighbours when the picture is scaled. */
    private static double middleAverage(IntUnaryOperator lumaAt, int stride, int width, int height, int band) {
        int start = bandStart(band, height);
        int rows = bandStart(band + 1, height) - start;
        int margin = (rows + 1) / 4;
        long sum = 0;
        int count = 0;
        for (int row = start + margin; row < start + rows - margin; row++) {
            int base = row * stride;
            for (int x = 0; x < width; x++) {
                sum += lumaAt.applyAsInt(base + x);
            }
            count += width;
        }
        return (double) sum / count;
    }

    private static boolean bit(long frameNumber, int band) {
        if (band < BITS) {
            return ((frameNumber >> (BITS - 1 - band)) & 1) != 0;
        }
        return band == SENTINEL_BAND || Long.bitCount(frameNumber) % 2 != 0;
    }

    private static int bandStart(int band, int height) {
        return (int) Math.round((double) band * height / SLOTS);
    }

    private static void checkGeometry(int stride, int width, int height) {
        if (width <= 0 || stride < width || height < SLOTS) {
            throw new IllegalArgumentException("a frame code needs width <= stride and at least " + SLOTS
                    + " rows, not stride " + stride + ", " + width + "x" + height);
        }
    }
}

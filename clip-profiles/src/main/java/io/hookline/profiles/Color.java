package io.hookline.profiles;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A colour with opacity, each channel 0 to 255; editors write {@code #rrggbb} or {@code #rrggbbaa}. */
public record Color(int red, int green, int blue, int alpha) implements Serializable {

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    public Color {
        for (int channel : new int[] {red, green, blue, alpha}) {
            if (channel < 0 || channel > 255) {
                throw new IllegalArgumentException("a colour channel must be 0 to 255, got " + channel);
            }
        }
    }

    /** Reads {@code #rrggbb} (opaque) or {@code #rrggbbaa}. */
    public static Color parse(String text) {
        if (!HEX.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a colour as #rrggbb or #rrggbbaa");
        }
        int alpha = text.length() == 9 ? HexFormat.fromHexDigits(text, 7, 9) : 255;
        return new Color(
                HexFormat.fromHexDigits(text, 1, 3),
                HexFormat.fromHexDigits(text, 3, 5),
                HexFormat.fromHexDigits(text, 5, 7),
                alpha);
    }

    /** Opacity as 0 (transparent) to 1 (opaque). */
    public double opacity() {
        return alpha / 255.0;
    }

    /** {@code #rrggbbaa}, lower case. */
    @Override
    public String toString() {
        return "#" + HexFormat.of().toHexDigits((byte) red) + HexFormat.of().toHexDigits((byte) green)
                + HexFormat.of().toHexDigits((byte) blue) + HexFormat.of().toHexDigits((byte) alpha);
    }
}
